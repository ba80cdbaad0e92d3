package io.lit4j.node.internal.pkp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.network.LitEndpoint;
import io.lit4j.core.network.ProtocolVersion;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.internal.NodeCalls;
import io.lit4j.node.internal.request.AuthMethodFailures;
import io.lit4j.node.internal.request.NodeErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The {@code /web/pkp/sign} wire format (client-protocol.md §7). */
public final class PkpSignProtocol {
  /** The PKP sign endpoint's path. */
  public static final String PATH = ProtocolVersion.V4_INITIAL.path(LitEndpoint.PKP_SIGN);

  private PkpSignProtocol() {}

  /**
   * {@return {@code {toSign:[…], pubkey:"0x04…", authSig, authMethods?}}; the requester appends
   * {@code epochNumber}}
   *
   * @param r the request
   * @param nodeUrl the node the body is for
   */
  public static ObjectNode body(PkpSignRequest r, String nodeUrl) {
    ObjectNode b = LitJson.mapper().createObjectNode();
    ArrayNode bytes = b.putArray("toSign");
    for (byte x : r.toSign()) bytes.add(x & 0xff);
    b.put("pubkey", "0x" + io.lit4j.core.util.Hex.encode(r.pkpPublicKey().uncompressed()));
    b.set("authSig", r.auth().authSigFor(nodeUrl));
    r.authMethodsIfAny()
        .ifPresent(
            ms -> {
              ArrayNode a = b.putArray("authMethods");
              ms.forEach(m -> a.add(LitJson.mapper().<JsonNode>valueToTree(m.toJsValue())));
            });
    return b;
  }

  /**
   * Combines the nodes' {@code signatureShare}s into the signature and checks it signs the
   * requested digest with the requested key.
   *
   * @param request the request
   * @param responses the nodes' answers
   * @param minNodeCount the threshold
   * @return the verified signature
   * @throws LitException (a node error) naming the node for a malformed answer
   * @throws io.lit4j.core.errors.LitCryptoException when the shares do not combine
   */
  public static EcdsaSignature read(
      PkpSignRequest request, NodeResponses responses, int minNodeCount) {
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    for (NodeReply reply : responses.successes().values()) {
      share(reply, responses.requestId()).ifPresent(shares::add);
    }
    EcdsaSignature sig =
        NodeErrors.combineEcdsa(
            "pkpSign: cannot combine the signature", shares, minNodeCount, responses);
    if (!sig.publicKey().equals(request.pkpPublicKey())
        || !Arrays.equals(sig.dataSigned(), request.toSign())) {
      throw LitException.builder()
          .message(
              "pkpSign: the nodes signed "
                  + sig.dataSignedHex()
                  + " with key "
                  + sig.publicKeyHex()
                  + ", not the requested digest and PKP (request "
                  + responses.requestId()
                  + ")")
          .requestId(responses.requestId())
          .errorCode(LitErrorCode.UNKNOWN_SIGNATURE_ERROR)
          .errorKind("Unexpected")
          .buildCrypto();
    }
    return sig;
  }

  /**
   * Signs {@code request}'s digest with a signing subset chosen to avoid failing nodes (retried
   * with a new request id if a subset fails) and combines its shares.
   *
   * @param calls the client's node calls
   * @param request the digest, PKP and auth
   * @return a future of the verified signature
   */
  public static CompletableFuture<EcdsaSignature> run(NodeCalls calls, PkpSignRequest request) {
    if (request == null)
      return CompletableFuture.failedFuture(
          new LitValidationException("pkpSign request is missing"));
    return AuthMethodFailures.translate(
        calls.signWithSubset(
            "pkpSign",
            PATH,
            url -> body(request, url),
            request.toSign(),
            reply -> share(reply, null).isPresent(),
            reply -> Optional.empty(),
            (responses, state) -> read(request, responses, state.minNodeCount())),
        request.authMethods());
  }

  /**
   * {@return the node's signature share, empty when it sent none}
   *
   * @param reply the node's answer
   * @param requestId the request id for the error, or null when not known yet
   * @throws LitException (a node error) naming the node for a malformed share
   */
  private static Optional<EcdsaSignatureShare> share(NodeReply reply, String requestId) {
    try {
      return EcdsaShareJson.parsePkpSign(reply.body().get("signatureShare"));
    } catch (LitException e) {
      throw LitException.builder()
          .message(
              "Lit node "
                  + reply.nodeUrl()
                  + " sent an unusable pkp/sign answer: "
                  + e.getMessage())
          .nodeUrl(reply.nodeUrl())
          .requestId(requestId)
          .errorCode(LitErrorCode.INVALID_NODE_RESPONSE)
          .cause(e)
          .buildNode();
    }
  }
}
