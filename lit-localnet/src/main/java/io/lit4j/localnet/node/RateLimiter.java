package io.lit4j.localnet.node;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Capacity-credit rate limiting of one node (node-behavior.md §8): the user's RateLimitNFTs, plus
 * those delegated to them in the session's capabilities ({@code lit-ratelimitincrease} recaps with
 * {@code delegate_to}, {@code uses}, {@code nft_id}; a delegated credit counts only when the
 * delegation's signer owns it ({@code ownerOf})); no free tier; counters per node.
 */
final class RateLimiter {
  private static final Duration USES_TTL = Duration.ofDays(7);

  private final ChainReader chain;
  private final AuthValidator auth;
  private final Clock clock;
  private final Map<BigInteger, Deque<Instant>> charged = new ConcurrentHashMap<>();
  private final Map<String, Integer> delegationUses = new ConcurrentHashMap<>();
  private final Map<String, Instant> delegationFirstUse = new ConcurrentHashMap<>();
  private volatile long windowSeconds = -1;

  RateLimiter(ChainReader chain, AuthValidator auth, Clock clock) {
    this.chain = chain;
    this.auth = auth;
    this.clock = clock;
  }

  /**
   * Charges one request to the user's capacity or throws the rate-limit error.
   *
   * @param overLimitStatus 402, or 400 on {@code /web/pkp/sign}
   */
  synchronized void charge(ValidatedAuth a, int overLimitStatus) {
    String user = a.requireUserAddress();
    if (!user.matches("(0x)?[0-9a-fA-F]{40}"))
      throw NodeError.rateLimited(overLimitStatus, "later");
    String userBare = Hex.strip0x(user).toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    Set<BigInteger> nfts = new LinkedHashSet<>();
    List<String> usedDelegations = new java.util.ArrayList<>();
    if (a.session()) {
      for (AuthSig cap : a.capabilities()) {
        SiweMessage siwe = auth.verifyCapabilitySignature(cap);
        if (!Hex.strip0x(cap.address()).equalsIgnoreCase(Hex.strip0x(siwe.address()))) {
          throw NodeError.of(
              NodeErrorCode.NodeSIWEMessageError,
              "Wallet signature of SIWE is not valid: address mismatch");
        }
        for (String res : siwe.resources().orElse(List.of())) {
          if (!res.startsWith(RecapObject.URN_PREFIX)) continue;
          RecapObject recap;
          try {
            recap = RecapObject.decodeUnsorted(res);
          } catch (LitException e) {
            throw NodeError.of(
                NodeErrorCode.NodeSIWECapabilityInvalid, "Invalid recap: " + e.getMessage());
          }
          recap
              .attenuations()
              .forEach(
                  (uri, abilities) -> {
                    if (!uri.startsWith("lit-ratelimitincrease://")) return;
                    List<Map<String, Object>> notaBenes = abilities.get("Auth/Auth");
                    if (notaBenes == null) return;
                    for (Map<String, Object> nb : notaBenes) {
                      delegatedNfts(nb, cap, siwe, userBare, now, nfts, usedDelegations);
                    }
                  });
        }
      }
    }
    try {
      nfts.addAll(chain.capacityTokensOf(user.startsWith("0x") ? user : "0x" + user));
    } catch (ChainReader.Reverted e) {
      throw NodeError.of(
          NodeErrorCode.NodeRpcError, "could not read RateLimitNFT: " + e.getMessage());
    }
    long w = window();
    double permitted = 0;
    double used = 1.0 / w;
    List<BigInteger> live = new java.util.ArrayList<>();
    for (BigInteger id : nfts) {
      BigInteger[] cap = chain.capacity(id);
      if (cap[1].longValueExact() <= now.getEpochSecond()) continue; // expired
      live.add(id);
      permitted += cap[0].doubleValue() / 1000.0;
      used += prune(id, now, w).size() / (double) w;
    }
    if (live.isEmpty() || used > permitted) {
      Instant oldest =
          live.stream()
              .map(id -> charged.get(id))
              .filter(d -> d != null && !d.isEmpty())
              .map(Deque::peekFirst)
              .min(Instant::compareTo)
              .orElse(null);
      throw NodeError.rateLimited(
          overLimitStatus,
          oldest == null ? "later" : "at " + oldest.plusSeconds(w).truncatedTo(ChronoUnit.SECONDS));
    }
    for (BigInteger id : live) charged.computeIfAbsent(id, k -> new ArrayDeque<>()).addLast(now);
    for (String key : usedDelegations) {
      delegationUses.merge(key, 1, Integer::sum);
      delegationFirstUse.putIfAbsent(key, now);
    }
  }

  private void delegatedNfts(
      Map<String, Object> nb,
      AuthSig cap,
      SiweMessage siwe,
      String userBare,
      Instant now,
      Set<BigInteger> nfts,
      List<String> usedDelegations) {
    Object delegateTo = nb.get("delegate_to");
    if (delegateTo instanceof List<?> list) {
      boolean present =
          list.stream().anyMatch(x -> Hex.strip0x(String.valueOf(x)).equalsIgnoreCase(userBare));
      if (!present) return;
    }
    String key = sha256Hex(cap.sig());
    Instant first = delegationFirstUse.get(key);
    if (first != null && first.plus(USES_TTL).isBefore(now)) {
      delegationUses.remove(key);
      delegationFirstUse.remove(key);
    }
    Object uses = nb.get("uses");
    if (uses != null) {
      long max;
      try {
        max = Long.parseLong(String.valueOf(uses));
      } catch (NumberFormatException e) {
        return;
      }
      if (delegationUses.getOrDefault(key, 0) >= max) return;
    }
    usedDelegations.add(key);
    Object ids = nb.get("nft_id");
    if (ids instanceof List<?> list) {
      for (Object id : list) {
        BigInteger tokenId;
        try {
          tokenId = new BigInteger(String.valueOf(id));
        } catch (NumberFormatException ignored) {
          continue; // not a decimal token id: the node skips it
        }
        // only the credit's owner may delegate it (node 0.2.16 reads ownerOf but never compares it:
        // there, anyone could delegate anyone's credit)
        if (ownedBy(tokenId, siwe.address())) nfts.add(tokenId);
      }
    } else {
      nfts.addAll(chain.capacityTokensOf(siwe.address()));
    }
  }

  private boolean ownedBy(BigInteger tokenId, String delegator) {
    try {
      return Hex.strip0x(chain.capacityOwner(tokenId)).equalsIgnoreCase(Hex.strip0x(delegator));
    } catch (ChainReader.Reverted e) {
      return false; // no such credit
    }
  }

  private Deque<Instant> prune(BigInteger id, Instant now, long w) {
    Deque<Instant> d = charged.computeIfAbsent(id, k -> new ArrayDeque<>());
    while (!d.isEmpty() && d.peekFirst().isBefore(now.minusSeconds(w))) d.pollFirst();
    return d;
  }

  private long window() {
    if (windowSeconds < 0) windowSeconds = Math.max(1, chain.rateLimitWindowSeconds());
    return windowSeconds;
  }

  private static String sha256Hex(String s) {
    try {
      return Hex.encode(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
