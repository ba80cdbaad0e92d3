package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.util.Optional;

/** Reading fields of a node request body, failing as a v4 node does ({@code NodeBadInput}). */
final class NodeBodies {
  private NodeBodies() {}

  static String requiredText(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `" + field + "`");
    if (!v.isTextual())
      throw NodeError.of(NodeErrorCode.NodeBadInput, field + ": invalid type, expected a string");
    return v.textValue();
  }

  static Optional<String> optionalText(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isTextual())
      throw NodeError.of(NodeErrorCode.NodeBadInput, field + ": invalid type, expected a string");
    return Optional.of(v.textValue());
  }

  /** Fails unless the body has a non-null {@code authSig}. */
  static void requireAuthSig(JsonNode body) {
    if (body.get("authSig") == null || body.get("authSig").isNull())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authSig`");
  }

  static byte[] pubkeyBytes(String hex, String field) {
    try {
      byte[] b = Hex.decode(hex, field);
      Secp256k1PublicKey.fromBytes(b);
      return b;
    } catch (LitException e) {
      throw NodeError.of(
          NodeErrorCode.NodeBadInput, field + " is not a secp256k1 public key: " + e.getMessage());
    }
  }
}
