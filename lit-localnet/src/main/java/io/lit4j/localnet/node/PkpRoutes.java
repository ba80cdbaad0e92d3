package io.lit4j.localnet.node;

import static io.lit4j.localnet.node.NodeBodies.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthHash;
import java.util.List;
import java.util.Optional;

/** {@code /web/pkp/sign} (an ECDSA share of a PKP signature) and {@code /web/pkp/claim}. */
final class PkpRoutes {
  private final SimulatedNode node;

  PkpRoutes(SimulatedNode node) {
    this.node = node;
  }

  JsonNode pkpSign(NodeRequest req) {
    JsonNode body = req.body();
    JsonNode toSignNode = body.get("toSign");
    if (toSignNode == null || !toSignNode.isArray())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `toSign` (an array of bytes)");
    byte[] toSign = new byte[toSignNode.size()];
    for (int i = 0; i < toSign.length; i++) {
      JsonNode b = toSignNode.get(i);
      if (!b.canConvertToInt() || b.asInt() < 0 || b.asInt() > 255)
        throw NodeError.of(NodeErrorCode.NodeBadInput, "toSign[" + i + "] is not a byte");
      toSign[i] = (byte) b.asInt();
    }
    byte[] pubkey;
    try {
      // only hashed into the token id here; an unknown key fails at the permission reads
      pubkey = Hex.decode(requiredText(body, "pubkey"), "pubkey");
    } catch (LitException e) {
      throw NodeError.of(NodeErrorCode.NodeBadInput, "pubkey is not hex: " + e.getMessage());
    }
    NodeBodies.requireAuthSig(body);
    String tokenIdHex = Hex.encode(EthHash.keccak256(pubkey));
    ValidatedAuth a =
        node.validateAuth(
            body, new AuthResource("lit-pkp", tokenIdHex, LitAbility.PKP_SIGNING), null, true);
    node.rateLimit(a, 400);
    List<PkpAuthorizer.VerifiedAuthMethod> methods =
        node.pkpAuthorizer().verify(body.get("authMethods"));
    node.pkpAuthorizer()
        .check(
            pubkey,
            PkpAuthorizer.SCOPE_SIGN_ANYTHING,
            methods,
            List.of(),
            a.userAddress(),
            a.userAddressError());
    Optional<EcdsaSignatureShare> share =
        node.ecdsaShare(pubkey, toSign, req.correlationId(), "sig");
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("success", true);
    ArrayNode data = o.putArray("signedData");
    for (byte b : toSign) data.add(b & 0xff);
    o.set(
        "signatureShare",
        share.map(EcdsaShareJson::writePkpSign).orElseGet(EcdsaShareJson::writeEmptyPkpSign));
    return o;
  }

  JsonNode pkpClaim(NodeRequest req) {
    JsonNode m = req.body().get("authMethod");
    if (m == null || !m.isObject())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authMethod`");
    PkpAuthorizer.VerifiedAuthMethod verified = node.pkpAuthorizer().verifyOne(m);
    byte[] keyId = EthHash.keccak256Utf8(verified.userId() + ":" + verified.appId());
    ObjectNode o = LitJson.mapper().createObjectNode();
    // WRONG_SHARE: a signature over other bytes, so it recovers to an address that is no node
    // wallet
    byte[] signed = node.signer().wrongShare() ? EthHash.keccak256(keyId) : keyId;
    o.put("signature", Hex.encode(node.nodeWalletSign(signed)));
    o.put("derivedKeyId", Hex.encode(keyId));
    return o;
  }
}
