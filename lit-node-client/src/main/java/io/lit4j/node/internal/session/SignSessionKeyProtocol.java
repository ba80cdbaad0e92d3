package io.lit4j.node.internal.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.session.SignSessionKeyBody;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.network.LitEndpoint;
import io.lit4j.core.network.ProtocolVersion;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.SignSessionKeyRequest;
import io.lit4j.node.SignSessionKeyResponse;
import io.lit4j.node.internal.NodeCalls;
import io.lit4j.node.internal.request.AuthMethodFailures;
import io.lit4j.node.internal.request.Consensus;
import io.lit4j.node.internal.request.NodeErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** The {@code /web/sign_session_key} wire format (client-protocol.md §5, node-behavior.md §1.3). */
public final class SignSessionKeyProtocol {
  /** The route. */
  public static final String PATH = ProtocolVersion.V4_INITIAL.path(LitEndpoint.SIGN_SESSION_KEY);

  private SignSessionKeyProtocol() {}

  /**
   * The body (the requester appends {@code epochNumber}): {@code sessionKey, authMethods,
   * pkpPublicKey?, authSig?, siweMessage}.
   *
   * @param p the parameters
   * @param siweMessage the SIWE message to sign
   * @return the request body
   */
  public static ObjectNode body(SignSessionKeyRequest p, String siweMessage) {
    SignSessionKeyBody r =
        new SignSessionKeyBody(
            p.sessionKey().uri(),
            p.authMethods(),
            p.pkpPublicKey().map(k -> k.hex0x()),
            p.authSig(),
            siweMessage,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.empty(),
            OptionalLong.empty());
    return (ObjectNode) LitJson.parse(r.toJson(), "sign_session_key body");
  }

  /**
   * Combines the shares of the signing subset and checks the result: it signs the EIP-191 hash of
   * the most common rewritten SIWE, with the requested PKP, and that SIWE delegates to this session
   * key.
   *
   * @param p the parameters
   * @param responses the nodes' answers
   * @param minNodeCount the threshold
   * @return the combined signature and the signed SIWE
   * @throws LitException (node error) naming a node whose answer is malformed
   * @throws io.lit4j.core.errors.LitCryptoException when the shares do not combine or the signature
   *     is not over the SIWE by the PKP
   */
  public static SignSessionKeyResponse read(
      SignSessionKeyRequest p, NodeResponses responses, int minNodeCount) {
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    List<String> siwes = new ArrayList<>();
    for (NodeReply reply : responses.successes().values()) {
      JsonNode sessionSig = reply.body().path("signedData").path("sessionSig");
      if (!sessionSig.isObject())
        throw malformed(reply, responses, "signedData.sessionSig is missing", null);
      try {
        EcdsaShareJson.parseSignSessionKey(sessionSig).ifPresent(shares::add);
      } catch (LitException e) {
        throw malformed(reply, responses, e.getMessage(), e);
      }
      JsonNode siwe = sessionSig.get("siweMessage");
      if (siwe != null && siwe.isTextual() && !siwe.textValue().isEmpty())
        siwes.add(siwe.textValue());
    }
    String siweText =
        Consensus.mostCommon(siwes)
            .orElseThrow(
                () ->
                    LitException.builder()
                        .message(
                            "signSessionKey: no node returned the signed SIWE (request "
                                + responses.requestId()
                                + ")")
                        .requestId(responses.requestId())
                        .errorCode(LitErrorCode.NO_VALID_SHARES)
                        .errorKind("Unexpected")
                        .buildCrypto());
    EcdsaSignature sig =
        NodeErrors.combineEcdsa(
            "signSessionKey: cannot combine the PKP signature", shares, minNodeCount, responses);
    byte[] expectedHash = EthHash.personalMessageHash(siweText.getBytes(StandardCharsets.UTF_8));
    if (!Arrays.equals(sig.dataSigned(), expectedHash)) {
      throw wrong(
          responses,
          "the nodes signed "
              + sig.dataSignedHex()
              + ", not the EIP-191 hash of the SIWE they returned");
    }
    if (p.pkpPublicKey().isPresent() && !p.pkpPublicKey().get().equals(sig.publicKey())) {
      throw wrong(
          responses,
          "the nodes signed with key "
              + sig.publicKeyHex()
              + ", not the requested PKP "
              + p.pkpPublicKey().get().hex());
    }
    SiweMessage siwe = SiweMessage.parseLenient(siweText);
    if (!siwe.uri().equals(p.sessionKey().uri())) {
      throw wrong(
          responses,
          "the signed SIWE delegates to "
              + siwe.uri()
              + ", not to this session key "
              + p.sessionKey().uri());
    }
    String address = sig.publicKey().ethAddress().checksummed();
    if (!siwe.address().equalsIgnoreCase(address)) {
      throw wrong(
          responses,
          "the signed SIWE names address " + siwe.address() + ", not the PKP's " + address);
    }
    AuthSig authSig = AuthSig.of(sig.signatureHex(), AuthSig.DERIVED_VIA_PKP, siweText, address);
    return new SignSessionKeyResponse(authSig, sig.publicKey());
  }

  private static LitException wrong(NodeResponses responses, String why) {
    return LitException.builder()
        .message("signSessionKey: " + why + " (request " + responses.requestId() + ")")
        .requestId(responses.requestId())
        .errorCode(LitErrorCode.UNKNOWN_SIGNATURE_ERROR)
        .errorKind("Unexpected")
        .buildCrypto();
  }

  private static LitException malformed(
      NodeReply reply, NodeResponses responses, String why, Throwable cause) {
    return malformed(reply, responses.requestId(), why, cause);
  }

  private static LitException malformed(
      NodeReply reply, String requestId, String why, Throwable cause) {
    LitException.Builder b =
        LitException.builder()
            .message(
                "Lit node " + reply.nodeUrl() + " sent an unusable sign_session_key answer: " + why)
            .nodeUrl(reply.nodeUrl())
            .errorCode(LitErrorCode.INVALID_NODE_RESPONSE);
    if (requestId != null) b.requestId(requestId);
    if (cause != null) b.cause(cause);
    return b.buildNode();
  }

  /**
   * Builds the SIWE (nonce = latest blockhash), has every connected node sign it and combines and
   * verifies the shares.
   *
   * @param calls the client's node calls
   * @param params the PKP, its auth and the session key's abilities
   * @return a future of the PKP's auth sig
   */
  public static CompletableFuture<SignSessionKeyResponse> run(
      NodeCalls calls, SignSessionKeyRequest params) {
    if (params == null)
      return CompletableFuture.failedFuture(
          new LitValidationException("signSessionKey params are missing"));
    String siwe;
    try {
      siwe = params.siwe(calls.ready().latestBlockhash()).build().prepareMessage();
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
    ObjectNode body = body(params, siwe);
    // the node signs the SIWE it rewrites (PKP address, nonce block time), so the signed bytes are
    // known only from an answer: the first attempt is blind, later ones steer the subset
    return AuthMethodFailures.translate(
        calls.signWithSubset(
            "signSessionKey",
            PATH,
            url -> body.deepCopy(),
            null,
            reply -> {
              JsonNode sessionSig = reply.body().path("signedData").path("sessionSig");
              if (!sessionSig.isObject())
                throw malformed(reply, reply.nodeUrl(), "signedData.sessionSig is missing", null);
              try {
                return EcdsaShareJson.parseSignSessionKey(sessionSig).isPresent();
              } catch (LitException e) {
                throw malformed(reply, reply.nodeUrl(), e.getMessage(), e);
              }
            },
            reply -> {
              JsonNode siweText =
                  reply.body().path("signedData").path("sessionSig").get("siweMessage");
              if (siweText == null || !siweText.isTextual() || siweText.textValue().isEmpty())
                return Optional.empty();
              return Optional.of(
                  EthHash.personalMessageHash(
                      siweText.textValue().getBytes(StandardCharsets.UTF_8)));
            },
            (responses, state) -> read(params, responses, state.minNodeCount())),
        params.authMethods());
  }
}
