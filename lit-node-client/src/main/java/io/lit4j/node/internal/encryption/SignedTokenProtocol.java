package io.lit4j.node.internal.encryption;

import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.BlsJwt;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.node.NodeReply;
import io.lit4j.node.SignedTokenRequest;
import io.lit4j.node.internal.NodeCalls;
import io.lit4j.node.internal.request.Consensus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * 4.2.0 {@code getSignedToken} ({@code /web/signing/access_control_condition}): a JWT issued now
 * and valid 12 hours; the shares of the nodes agreeing on the unsigned JWT are combined (bad ones
 * left out) and the signature is verified against the network key.
 */
public final class SignedTokenProtocol {
  private static final long VALIDITY_SECONDS = 12 * 3600;

  private SignedTokenProtocol() {}

  /**
   * Has the connected nodes sign a JWT for {@code request}'s conditions.
   *
   * @param calls the client's node calls
   * @param request the conditions, chain and auth
   * @return a future of the signed token
   */
  public static CompletableFuture<SignedToken> run(NodeCalls calls, SignedTokenRequest request) {
    if (request == null)
      return CompletableFuture.failedFuture(
          new LitValidationException("getSignedToken request is missing"));
    long iat = Instant.now().getEpochSecond();
    long exp = iat + VALIDITY_SECONDS;
    AccessControlConditions c = request.conditions();
    AtomicReference<BlsSignature> early = new AtomicReference<>();
    AtomicReference<String> earlyJwt = new AtomicReference<>();
    return calls.send(
        "getSignedToken",
        BlsShareProtocol.JWT_PATH,
        url ->
            BlsShareProtocol.jwtBody(c, request.chain(), request.auth().authSigFor(url), iat, exp),
        s ->
            replies -> {
              String common = Consensus.mostCommon(unsignedJwts(replies.values())).orElse("");
              if (common.isEmpty()) return false;
              boolean ok =
                  BlsShareProtocol.enoughShares(
                      replies.values(),
                      r -> common.equals(unsignedJwt(r)),
                      s.networkPubKey(),
                      BlsJwt.signingInput(common),
                      s.minNodeCount(),
                      early);
              if (ok) earlyJwt.set(common);
              return ok;
            },
        (responses, s) -> {
          String jwt0 =
              Consensus.mostCommon(unsignedJwts(responses.successes().values()))
                  .filter(u -> !u.isEmpty())
                  .orElseThrow(
                      () ->
                          LitException.builder()
                              .message(
                                  "getSignedToken: no node returned an unsignedJwt (request "
                                      + responses.requestId()
                                      + ")")
                              .requestId(responses.requestId())
                              .errorCode(LitErrorCode.INVALID_NODE_RESPONSE)
                              .buildNode());
          BlsPublicKey key = BlsPublicKey.fromHex(s.networkPubKey());
          BlsSignature sig;
          String jwtUnsigned;
          if (early.get() != null) {
            sig = early.get();
            jwtUnsigned = earlyJwt.get();
          } else {
            Map<String, LitException> rejected = new LinkedHashMap<>();
            var shares =
                BlsShareProtocol.shares(
                    responses, r -> jwt0.equals(unsignedJwt(r)), calls.log(), rejected);
            sig =
                BlsShareProtocol.combineTolerant(
                    "getSignedToken",
                    responses.requestId(),
                    key,
                    BlsJwt.signingInput(jwt0),
                    shares,
                    s.minNodeCount(),
                    calls.log());
            jwtUnsigned = jwt0;
          }
          // sig was verified over exactly this unsigned JWT when the shares were combined, so the
          // token is only read here, not verified again (that would repeat the pairing check)
          try {
            return BlsJwt.decode(BlsJwt.attachSignature(jwtUnsigned, sig));
          } catch (LitValidationException e) {
            throw LitException.builder()
                .message(
                    "getSignedToken: the nodes' unsignedJwt is not base64url JSON (request "
                        + responses.requestId()
                        + "): "
                        + e.getMessage())
                .requestId(responses.requestId())
                .errorCode(LitErrorCode.INVALID_NODE_RESPONSE)
                .cause(e)
                .buildNode();
          }
        });
  }

  private static String unsignedJwt(NodeReply r) {
    return r.body().path("unsignedJwt").asText("");
  }

  private static List<String> unsignedJwts(java.util.Collection<NodeReply> replies) {
    List<String> out = new ArrayList<>();
    for (NodeReply r : replies) out.add(unsignedJwt(r));
    return out;
  }
}
