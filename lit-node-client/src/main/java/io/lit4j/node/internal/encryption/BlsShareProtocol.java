package io.lit4j.node.internal.encryption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.network.LitEndpoint;
import io.lit4j.core.network.ProtocolVersion;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsShareCombiner;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * The BLS share routes (client-protocol.md §8.4, §8.5): {@code /web/encryption/sign} (decryption
 * shares over the identity) and {@code /web/signing/access_control_condition} (shares over an
 * unsigned JWT), and the combining that tolerates bad shares.
 *
 * <p>A single BLS share cannot be checked alone (v4 handshakes give only the root key), so a share
 * that does not verify is found by checking the shares against each other ({@link
 * BlsShareCombiner}): one bad share costs two parity checks and one extra pairing; more are
 * searched for within a bounded number of pairing checks.
 */
public final class BlsShareProtocol {
  /** Decryption shares. */
  public static final String DECRYPT_PATH =
      ProtocolVersion.V4_INITIAL.path(LitEndpoint.ENCRYPTION_SIGN);

  /** JWT shares. */
  public static final String JWT_PATH = ProtocolVersion.V4_INITIAL.path(LitEndpoint.SIGN_ACCS);

  private BlsShareProtocol() {}

  /**
   * {@return {@code {<kind>: canonical, dataToEncryptHash, chain, authSig}}}
   *
   * @param c the conditions
   * @param dataToEncryptHash hex SHA-256 of the plaintext
   * @param chain the chain name
   * @param authSig the node's auth sig
   */
  public static ObjectNode decryptBody(
      AccessControlConditions c, String dataToEncryptHash, String chain, JsonNode authSig) {
    ObjectNode b = LitJson.mapper().createObjectNode();
    b.set(c.kind().requestKey(), c.canonicalJsonNode());
    b.put("dataToEncryptHash", dataToEncryptHash);
    b.put("chain", chain);
    b.set("authSig", authSig);
    return b;
  }

  /**
   * {@return {@code {<kind>: canonical, chain, authSig, iat, exp}}}
   *
   * @param c the conditions
   * @param chain the chain name
   * @param authSig the node's auth sig
   * @param iat issue time, Unix seconds
   * @param exp expiry, Unix seconds
   */
  public static ObjectNode jwtBody(
      AccessControlConditions c, String chain, JsonNode authSig, long iat, long exp) {
    ObjectNode b = LitJson.mapper().createObjectNode();
    b.set(c.kind().requestKey(), c.canonicalJsonNode());
    b.put("chain", chain);
    b.set("authSig", authSig);
    b.put("iat", iat);
    b.put("exp", exp);
    return b;
  }

  /**
   * {@return each answering node's {@code signatureShare}; an unreadable one is logged and left
   * out}
   *
   * @param keep which replies to read (e.g. those with the common unsigned JWT)
   * @param responses the nodes' answers
   * @param log where unreadable shares are logged
   * @param rejected collects the nodes whose share was unreadable
   */
  public static Map<String, BlsSignatureShare> shares(
      NodeResponses responses,
      Function<NodeReply, Boolean> keep,
      Logger log,
      Map<String, LitException> rejected) {
    return shares(
        responses.successes().values(),
        keep,
        responses.operation(),
        responses.requestId(),
        log,
        rejected);
  }

  /**
   * As {@link #shares(NodeResponses, Function, Logger, Map)} for replies in hand (e.g. while the
   * fan-out runs).
   *
   * @param replies the replies in hand
   * @param keep which replies to read
   * @param operation names the operation in messages
   * @param requestId the request id, for messages
   * @param log where unreadable shares are logged
   * @param rejected collects the nodes whose share was unreadable
   * @return each kept node's share, by node URL
   */
  public static Map<String, BlsSignatureShare> shares(
      java.util.Collection<NodeReply> replies,
      Function<NodeReply, Boolean> keep,
      String operation,
      String requestId,
      Logger log,
      Map<String, LitException> rejected) {
    Map<String, BlsSignatureShare> out = new LinkedHashMap<>();
    Set<Integer> ids = new HashSet<>();
    for (NodeReply reply : replies) {
      if (!keep.apply(reply)) continue;
      try {
        BlsSignatureShare s = BlsSignatureShare.fromJson(reply.body().get("signatureShare"));
        if (!ids.add(s.identifier()))
          throw new LitException(
              "share identifier " + s.identifier() + " was sent by another node too");
        out.put(reply.nodeUrl(), s);
      } catch (LitException e) {
        log.warn(
            "{} {}: node {} sent an unusable signatureShare: {}",
            operation,
            requestId,
            reply.nodeUrl(),
            e.getMessage());
        rejected.put(
            reply.nodeUrl(),
            LitException.builder()
                .message(
                    "Lit node "
                        + reply.nodeUrl()
                        + " sent an unusable signatureShare: "
                        + e.getMessage())
                .nodeUrl(reply.nodeUrl())
                .requestId(requestId)
                .errorCode(LitErrorCode.INVALID_NODE_RESPONSE)
                .cause(e)
                .buildNode());
      }
    }
    return out;
  }

  /**
   * The network signature over {@code message} ({@link BlsShareCombiner}): the first {@code
   * threshold} shares if they verify, else without the one share that two parity checks name as
   * inconsistent, else a search capped at {@value BlsShareCombiner#DEFAULT_MAX_PAIRING_CHECKS}
   * pairing checks. Nodes whose shares were found inconsistent are logged.
   *
   * @param operation names the operation in messages
   * @param requestId the request id, for messages
   * @param key the network public key
   * @param message the signed message
   * @param byNode the shares by node URL
   * @param threshold the number of shares a combination needs
   * @param log where left-out nodes are logged
   * @return the verified network signature
   * @throws io.lit4j.core.errors.LitCryptoException ({@code NoValidShares}) when no combination
   *     verifies
   */
  public static BlsSignature combineTolerant(
      String operation,
      String requestId,
      BlsPublicKey key,
      byte[] message,
      Map<String, BlsSignatureShare> byNode,
      int threshold,
      Logger log) {
    List<String> urls = new ArrayList<>(byNode.keySet());
    int t = Math.max(2, threshold);
    if (byNode.size() < t) {
      throw noValidShares(
          operation, requestId, "only " + byNode.size() + " usable shares, " + t + " needed", urls);
    }
    try {
      BlsShareCombiner.Combined c =
          BlsShareCombiner.combineTolerant(
              key,
              message,
              new ArrayList<>(byNode.values()),
              t,
              BlsShareCombiner.DEFAULT_MAX_PAIRING_CHECKS);
      byNode.forEach(
          (url, share) -> {
            if (c.suspectIdentifiers().contains(share.identifier())) {
              log.warn(
                  "{} {}: the share of node {} is inconsistent with the others and was left out",
                  operation,
                  requestId,
                  url);
            }
          });
      return c.signature();
    } catch (io.lit4j.core.errors.LitCryptoException e) {
      throw noValidShares(operation, requestId, e.getMessage(), urls);
    }
  }

  /**
   * Whether the shares in hand already give a verified network signature over {@code message}; if
   * so it is kept in {@code found}. Quiet, and cheap because it runs under the fan-out's lock: it
   * looks only when exactly {@code threshold} shares are in (the first t) or at least t+2 (one bad
   * share can then be named without a pairing), with at most two pairing checks; any longer search
   * is left to the read after the fan-out.
   *
   * @param replies the replies in hand
   * @param keep which replies to read
   * @param keyHex the network public key (hex)
   * @param message the signed message
   * @param threshold the number of shares a combination needs
   * @param found receives the signature
   * @return whether a verified signature was found
   */
  public static boolean enoughShares(
      java.util.Collection<NodeReply> replies,
      Function<NodeReply, Boolean> keep,
      String keyHex,
      byte[] message,
      int threshold,
      java.util.concurrent.atomic.AtomicReference<BlsSignature> found) {
    int t = Math.max(2, threshold);
    long usable = replies.stream().filter(keep::apply).count();
    if (usable < t || usable == t + 1) return false;
    var shares =
        shares(
            replies, keep, "", "", org.slf4j.helpers.NOPLogger.NOP_LOGGER, new LinkedHashMap<>());
    if (shares.size() != t && shares.size() < t + 2) return false;
    try {
      found.set(
          BlsShareCombiner.combineTolerant(
                  BlsPublicKey.fromHex(keyHex), message, new ArrayList<>(shares.values()), t, 2)
              .signature());
      return true;
    } catch (LitException e) {
      return false;
    }
  }

  private static LitException noValidShares(
      String operation, String requestId, String why, List<String> urls) {
    return LitException.builder()
        .message(operation + ": " + why + " (request " + requestId + ")")
        .requestId(requestId)
        .nodeUrls(urls)
        .errorCode(LitErrorCode.NO_VALID_SHARES)
        .errorKind("Unexpected")
        .buildCrypto();
  }
}
