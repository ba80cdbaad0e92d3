package io.lit4j.node.internal.claim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.network.LitEndpoint;
import io.lit4j.core.network.ProtocolVersion;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeys;
import io.lit4j.node.ClaimKeyResponse;
import io.lit4j.node.ExecuteJsClaim;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.internal.NodeCalls;
import io.lit4j.node.internal.request.Consensus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The {@code /web/pkp/claim} wire format (client-protocol.md §10, node-behavior.md §1.6). */
public final class ClaimProtocol {
  /** The route. */
  public static final String PATH = ProtocolVersion.V4_INITIAL.path(LitEndpoint.PKP_CLAIM);

  private ClaimProtocol() {}

  /**
   * {@return {@code {authMethod: {authMethodType, accessToken}}} (the requester appends {@code
   * epochNumber})}
   *
   * @param authMethod the auth method to claim for
   */
  public static ObjectNode body(AuthMethod authMethod) {
    ObjectNode b = LitJson.mapper().createObjectNode();
    b.set("authMethod", LitJson.mapper().valueToTree(authMethod.toJsValue()));
    return b;
  }

  /**
   * Signatures of the nodes that agree on the most common key id, each checked to recover over
   * {@code EIP-191(keyId bytes)}, and the public key derived from {@code hdRootPubkeys}.
   *
   * @param responses the nodes' answers
   * @param hdRootPubkeys the HD root public keys, in order
   * @return the key id, derived public key and signatures
   * @throws LitException (node error) naming a node whose answer is malformed
   */
  public static ClaimKeyResponse read(NodeResponses responses, List<String> hdRootPubkeys) {
    return read(responses, hdRootPubkeys, null);
  }

  /**
   * As {@link #read(NodeResponses, List)}, and when the key id of {@code authMethod} can be
   * computed here ({@code keccak256(userId + ":" + appId)}, {@link AuthMethodIds}), the nodes' key
   * id must equal it.
   *
   * @param responses the nodes' answers
   * @param hdRootPubkeys the HD root public keys, in order
   * @param authMethod the auth method claimed for, or null to skip the local check
   * @return the key id, derived public key and signatures
   * @throws LitException (node error) naming a node whose answer is malformed
   * @throws io.lit4j.core.errors.LitCryptoException (code {@code UnexpectedKeyId}) when the nodes
   *     claim another key id than the auth method's
   */
  public static ClaimKeyResponse read(
      NodeResponses responses, List<String> hdRootPubkeys, AuthMethod authMethod) {
    List<String> ids = new ArrayList<>();
    for (NodeReply r : responses.successes().values())
      ids.add(Hex.strip0x(text(r, "derivedKeyId", responses)).toLowerCase());
    String keyId = Consensus.mostCommon(ids).orElseThrow();
    if (authMethod != null) {
      String local = localKeyId(authMethod);
      if (local != null && !local.equalsIgnoreCase(keyId)) {
        throw LitException.builder()
            .message(
                "claimKeyId: the nodes claimed key id "
                    + keyId
                    + " but the auth method's key id is "
                    + local
                    + " (keccak256(userId:appId)); refusing the claim (request "
                    + responses.requestId()
                    + ")")
            .requestId(responses.requestId())
            .errorCode("UnexpectedKeyId")
            .errorKind("Validation")
            .buildCrypto();
      }
    }
    byte[] keyIdBytes = Hex.decode(keyId, 32, "derivedKeyId");
    byte[] digest = EthHash.personalMessageHash(keyIdBytes);
    List<ExecuteJsClaim.Signature> sigs = new ArrayList<>();
    List<io.lit4j.crypto.eth.EthAddress> signers = new ArrayList<>();
    for (NodeReply r : responses.successes().values()) {
      if (!Hex.strip0x(text(r, "derivedKeyId", responses)).equalsIgnoreCase(keyId)) continue;
      byte[] sig;
      io.lit4j.crypto.eth.EthAddress signer;
      try {
        sig = Hex.decode(Hex.strip0x(text(r, "signature", responses)), 65, "signature");
        signer = EthSignatures.recoverAddress(digest, sig);
      } catch (LitException e) {
        throw malformed(r, responses, e.getMessage());
      }
      int v = sig[64] & 0xff;
      if (v < 27) v += 27;
      String h = Hex.encode(sig);
      sigs.add(
          new ExecuteJsClaim.Signature("0x" + h.substring(0, 64), "0x" + h.substring(64, 128), v));
      signers.add(signer);
    }
    Secp256k1PublicKey pub = HdKeys.derivePublicKey(keyId, hdRootPubkeys);
    return new ClaimKeyResponse(keyId, sigs, signers, pub);
  }

  /** The key id computed here, or null for an auth method whose user id needs a provider's API. */
  private static String localKeyId(AuthMethod authMethod) {
    try {
      return Hex.encode(AuthMethodIds.authMethodId(authMethod));
    } catch (LitException e) {
      return null;
    }
  }

  private static String text(NodeReply r, String field, NodeResponses responses) {
    JsonNode n = r.body().get(field);
    if (n == null || !n.isTextual() || n.textValue().isEmpty())
      throw malformed(r, responses, field + " is missing");
    return n.textValue().replace("\"", "");
  }

  private static LitException malformed(NodeReply reply, NodeResponses responses, String why) {
    return LitException.builder()
        .message("Lit node " + reply.nodeUrl() + " sent an unusable pkp/claim answer: " + why)
        .nodeUrl(reply.nodeUrl())
        .requestId(responses.requestId())
        .errorCode(LitErrorCode.INVALID_NODE_RESPONSE)
        .buildNode();
  }

  /**
   * Claims a key id for {@code authMethod} on every connected node.
   *
   * @param calls the client's node calls
   * @param authMethod the auth method to claim a key for
   * @return a future of the key id, derived public key and node signatures
   */
  public static CompletableFuture<ClaimKeyResponse> run(NodeCalls calls, AuthMethod authMethod) {
    if (authMethod == null)
      return CompletableFuture.failedFuture(new LitValidationException("authMethod is missing"));
    if (authMethod.authMethodType() == AuthMethodType.WEB_AUTHN.value()) {
      return CompletableFuture.failedFuture(
          new LitValidationException("WebAuthn auth methods cannot claim keys (as in the SDK)"));
    }
    ObjectNode body = body(authMethod);
    return calls.sendToAll(
        "claimKeyId",
        PATH,
        url -> body.deepCopy(),
        (responses, s) ->
            onlyValidatorSigners(
                read(responses, s.hdRootPubkeys(), authMethod),
                calls.validatorNodeAddresses().values(),
                s.minNodeCount(),
                responses.requestId(),
                calls.log()));
  }

  /**
   * Keeps the signatures that recover to a validator's node wallet (from Staking): PKPNFT's claim
   * rejects others on chain, so they are dropped here, and too few left is an error now. Without
   * wallet addresses (a validator source other than Staking) the result is returned as is.
   *
   * @param r the claim read from the answers
   * @param validatorWallets the node wallet addresses of the current validators (empty: unknown)
   * @param minNodeCount how many signatures a claim needs
   * @param requestId the request id, for messages
   * @param log where dropped signatures are logged
   * @return the claim with validator signatures only
   * @throws io.lit4j.core.errors.LitCryptoException (code {@code UnexpectedSigner}) when fewer than
   *     {@code minNodeCount} signatures are by validators
   */
  public static ClaimKeyResponse onlyValidatorSigners(
      ClaimKeyResponse r,
      java.util.Collection<String> validatorWallets,
      int minNodeCount,
      String requestId,
      org.slf4j.Logger log) {
    if (validatorWallets.isEmpty()) return r;
    java.util.Set<String> wallets = new java.util.HashSet<>();
    validatorWallets.forEach(w -> wallets.add(w.toLowerCase(java.util.Locale.ROOT)));
    List<ExecuteJsClaim.Signature> sigs = new ArrayList<>();
    List<io.lit4j.crypto.eth.EthAddress> signers = new ArrayList<>();
    for (int i = 0; i < r.signatures().size(); i++) {
      io.lit4j.crypto.eth.EthAddress signer = r.signerAddresses().get(i);
      if (wallets.contains(signer.lowercaseHex())) {
        sigs.add(r.signatures().get(i));
        signers.add(signer);
      } else {
        log.warn(
            "claimKeyId {}: a signature recovers to {}, which is no validator's node wallet in Staking; dropped",
            requestId,
            signer);
      }
    }
    if (sigs.size() < minNodeCount) {
      throw LitException.builder()
          .message(
              "claimKeyId: only "
                  + sigs.size()
                  + " of "
                  + r.signatures().size()
                  + " node signatures are by validators' node wallets, "
                  + minNodeCount
                  + " needed (request "
                  + requestId
                  + ")")
          .requestId(requestId)
          .errorCode("UnexpectedSigner")
          .errorKind("Validation")
          .buildCrypto();
    }
    return new ClaimKeyResponse(r.derivedKeyId(), sigs, signers, r.publicKey());
  }
}
