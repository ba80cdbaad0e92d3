package io.lit4j.node.internal.session;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.WalletSigCheck;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.auth.siwe.SiweVerifyOptions;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.node.AuthCallbackParams;
import io.lit4j.node.ConnectionState;
import io.lit4j.node.PkpSessionRequest;
import io.lit4j.node.SessionKeyStore;
import io.lit4j.node.SessionSigsRequest;
import io.lit4j.node.SignSessionKeyRequest;
import io.lit4j.node.SignSessionKeyResponse;
import io.lit4j.node.internal.NodeCalls;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * {@code getSessionSigs} (client-protocol.md §4): the session key from the store (made once and
 * reused), the wallet sig from the store while it still covers the request (the {@link
 * WalletSigCheck} rules), else from the callback, then one ed25519 session sig per node.
 */
public final class SessionFlow {
  private SessionFlow() {}

  /**
   * {@return the request's session key, else the stored one, else a new one (stored)}
   *
   * @param store where session keys are stored
   * @param given the request's session key, if any
   * @param log where key handling is logged
   */
  public static SessionKeyPair sessionKey(
      SessionKeyStore store, Optional<SessionKeyPair> given, Logger log) {
    if (given.isPresent()) return given.get();
    // concurrent first calls must agree on one key, or each would need its own wallet sig
    synchronized (lockFor(store, SessionKeyStore.SESSION_KEY)) {
      return storedOrNewSessionKey(store, log);
    }
  }

  private static SessionKeyPair storedOrNewSessionKey(SessionKeyStore store, Logger log) {
    Optional<String> stored = store.get(SessionKeyStore.SESSION_KEY);
    if (stored.isPresent()) {
      try {
        String secret =
            LitJson.parse(stored.get(), "stored session key").path("secretKey").asText("");
        return SessionKeyPair.fromSecretKeyHex(secret);
      } catch (LitException e) {
        // never log the value: it holds the secret key
        log.warn(
            "the stored session key under '{}' is unreadable ({}); making a new one",
            SessionKeyStore.SESSION_KEY,
            e.getClass().getSimpleName());
      }
    }
    SessionKeyPair key = SessionKeyPair.generate();
    store.put(SessionKeyStore.SESSION_KEY, JsJson.stringify(key.toStoredJsValue()));
    return key;
  }

  /**
   * Signs the session sigs for {@code nodeUrls}.
   *
   * @param request the session request
   * @param key the session key
   * @param store where wallet sigs are stored
   * @param latestBlockhash the nonce for the wallet SIWE
   * @param nodeUrls the nodes to sign for
   * @param log where the flow is logged
   * @return one session sig per node
   * @throws LitAuthException when the callback fails or returns an auth sig that does not delegate
   *     to this session key with these abilities
   */
  public static SessionSigs sign(
      SessionSigsRequest request,
      SessionKeyPair key,
      SessionKeyStore store,
      String latestBlockhash,
      List<String> nodeUrls,
      Logger log) {
    Instant now = request.clock().instant();
    Instant expiry = request.expiration(now);
    List<ResourceAbilityRequest> reqs = request.resourceAbilityRequests();
    AuthSig wallet;
    // concurrent first calls for the same store entry run the callback once: the others wait, then
    // reuse its answer
    synchronized (lockFor(store, request.walletSigStoreKey())) {
      wallet = walletSig(request, key, store, latestBlockhash, log, now, expiry, reqs);
    }
    Instant walletExpiry = walletExpiry(wallet).orElse(expiry);
    Instant sessionExpiry = walletExpiry.isBefore(expiry) ? walletExpiry : expiry;
    if (!sessionExpiry.isAfter(now)) {
      throw new LitAuthException(
          "the wallet sig expires at "
              + sessionExpiry
              + ", before the session could start; sign a new one");
    }
    // per-node sigs live 5 minutes as in 4.2.0 and are made again (or for a node that joined) from
    // the held session key until the capability expires
    return SessionSigs.renewing(
        key,
        reqs,
        SessionSigs.capabilities(request.capacityDelegationAuthSig(), wallet),
        nodeUrls,
        request.clock(),
        sessionExpiry,
        SessionSigs.V4_SESSION_TTL);
  }

  private static final java.util.Map<SessionKeyStore, java.util.Map<String, Object>> LOCKS =
      new java.util.WeakHashMap<>();

  private static Object lockFor(SessionKeyStore store, String storeKey) {
    synchronized (LOCKS) {
      return LOCKS
          .computeIfAbsent(store, s -> new java.util.concurrent.ConcurrentHashMap<>())
          .computeIfAbsent(storeKey, k -> new Object());
    }
  }

  private static AuthSig walletSig(
      SessionSigsRequest request,
      SessionKeyPair key,
      SessionKeyStore store,
      String latestBlockhash,
      Logger log,
      Instant now,
      Instant expiry,
      List<ResourceAbilityRequest> reqs) {
    AuthSig wallet =
        stored(store, request.walletSigStoreKey(), log)
            .filter(sig -> !needsResign(sig, key.uri(), reqs, now))
            .filter(sig -> longEnough(sig, now, expiry))
            .orElse(null);
    if (wallet == null) {
      RecapObject recap = RecapObject.empty();
      for (ResourceAbilityRequest r : reqs)
        recap = recap.withCapabilityForResource(r.resource(), r.ability());
      AuthCallbackParams params =
          new AuthCallbackParams(
              request.chain(),
              recap.statement(),
              List.of(recap.encode()),
              request.switchChain(),
              IsoTime.toIsoString(expiry),
              key.uri(),
              latestBlockhash,
              reqs);
      AuthSig got;
      try {
        got = request.authNeededCallback().authNeeded(params);
      } catch (LitException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new LitAuthException("authNeededCallback failed: " + e, e);
      }
      if (got == null) throw new LitAuthException("authNeededCallback returned no auth sig");
      checkDelegates(got, key.uri(), reqs, now);
      store.put(request.walletSigStoreKey(), got.toJson());
      wallet = got;
    }
    return wallet;
  }

  /**
   * A stored wallet sig about to expire would give sessions of a few seconds: it is reused only
   * while it lives at least as long as the session asked for, or {@link
   * SessionSigs#V4_SESSION_TTL}.
   */
  private static boolean longEnough(AuthSig sig, Instant now, Instant wanted) {
    Instant floor = now.plus(SessionSigs.V4_SESSION_TTL);
    Instant needed = wanted.isBefore(floor) ? wanted : floor;
    return walletExpiry(sig).map(e -> !e.isBefore(needed)).orElse(true);
  }

  /**
   * The SIWE expiry of the capability; none for a message that is not SIWE (the nodes judge those).
   */
  private static Optional<Instant> walletExpiry(AuthSig wallet) {
    try {
      return SiweMessage.parseLenient(wallet.signedMessage()).expirationInstant();
    } catch (LitException e) {
      return Optional.empty();
    }
  }

  private static Optional<AuthSig> stored(SessionKeyStore store, String storeKey, Logger log) {
    Optional<String> text = store.get(storeKey);
    if (text.isEmpty()) return Optional.empty();
    try {
      return Optional.of(AuthSig.fromJson(text.get()));
    } catch (LitException e) {
      log.warn(
          "the stored wallet sig under '{}' is unreadable; asking for a new one: {}",
          storeKey,
          e.getMessage());
      return Optional.empty();
    }
  }

  private static boolean needsResign(
      AuthSig sig, String uri, List<ResourceAbilityRequest> reqs, Instant now) {
    try {
      return WalletSigCheck.needToResign(sig, uri, reqs, now);
    } catch (LitException e) {
      return true; // unlike 4.2.0, an unparsable stored sig is replaced rather than failing the
      // call
    }
  }

  /**
   * 4.2.0 uses the callback's auth sig without checking it; here an ECDSA (65-byte) SIWE sig is
   * checked as a stored one would be, so a wrong uri, missing recap or bad signature fails now with
   * a reason instead of at the nodes. Other signatures (EIP-1271) are left to the nodes.
   */
  static void checkDelegates(
      AuthSig sig, String uri, List<ResourceAbilityRequest> reqs, Instant now) {
    String hex = Hex.strip0x(sig.sig());
    if (hex.length() != 130) return;
    SiweMessage siwe;
    try {
      siwe = SiweMessage.parse(sig.signedMessage());
    } catch (LitException e) {
      throw new LitAuthException(
          "the auth sig from authNeededCallback does not hold a valid SIWE message: "
              + e.getMessage(),
          e);
    }
    try {
      siwe.verify(sig.sig(), SiweVerifyOptions.at(now));
    } catch (LitException e) {
      throw new LitAuthException(
          "the auth sig from authNeededCallback does not verify: " + e.getMessage(), e);
    }
    if (!siwe.uri().equals(uri)) {
      throw new LitAuthException(
          "the auth sig from authNeededCallback signs uri "
              + siwe.uri()
              + ", not the session key "
              + uri
              + "; use AuthCallbackParams.uri()");
    }
    List<String> resources = siwe.resources().orElse(List.of());
    if (resources.isEmpty() || !resources.get(0).startsWith(RecapObject.URN_PREFIX)) {
      throw new LitAuthException(
          "the auth sig from authNeededCallback has no ReCap resource; add one from resourceAbilityRequests");
    }
    RecapObject recap;
    try {
      recap = RecapObject.decode(resources.get(0));
    } catch (LitException e) {
      throw new LitAuthException(
          "the ReCap of the auth sig from authNeededCallback is invalid: " + e.getMessage(), e);
    }
    for (ResourceAbilityRequest r : reqs) {
      if (!recap.verifyCapabilitiesForResource(r.resource(), r.ability())) {
        throw new LitAuthException(
            "the ReCap of the auth sig from authNeededCallback does not grant " + r);
      }
    }
  }

  /**
   * {@code getSessionSigs}: the session key from the store, the wallet sig from the store or the
   * callback (on a worker thread), one session sig per connected node.
   *
   * @param calls the client's node calls
   * @param request what the session may do and how the wallet signs
   * @return a future of the session sigs
   */
  public static CompletableFuture<SessionSigs> run(NodeCalls calls, SessionSigsRequest request) {
    if (request == null)
      return CompletableFuture.failedFuture(
          new LitValidationException("getSessionSigs request is missing"));
    SessionKeyStore store = calls.config().sessionKeyStore();
    return calls.onWorker(
        () -> {
          ConnectionState s = calls.ready();
          SessionKeyPair key = sessionKey(store, request.sessionKey(), calls.log());
          return sign(request, key, store, s.latestBlockhash(), s.connectedNodes(), calls.log());
        });
  }

  /**
   * {@code getSessionSigs} with a PKP: the callback has the PKP sign the session key through {@code
   * signSessionKey}.
   *
   * @param calls the client's node calls
   * @param request the PKP, its auth and what the session may do
   * @param signSessionKey signs a session key with the PKP (blocking)
   * @return a future of the session sigs
   */
  public static CompletableFuture<SessionSigs> runPkp(
      NodeCalls calls,
      PkpSessionRequest request,
      Function<SignSessionKeyRequest, SignSessionKeyResponse> signSessionKey) {
    if (request == null)
      return CompletableFuture.failedFuture(
          new LitValidationException("getPkpSessionSigs request is missing"));
    SessionKeyStore store = calls.config().sessionKeyStore();
    return calls.onWorker(
        () -> {
          SessionKeyPair key = sessionKey(store, request.sessionKey(), calls.log());
          SessionSigsRequest generic =
              request
                  .toSessionSigsRequest(
                      p -> signSessionKey.apply(request.signSessionKeyParams(key, p)).authSig())
                  .sessionKey(key)
                  .build();
          ConnectionState s = calls.ready();
          return sign(generic, key, store, s.latestBlockhash(), s.connectedNodes(), calls.log());
        });
  }
}
