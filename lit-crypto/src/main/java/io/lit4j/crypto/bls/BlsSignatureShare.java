package io.lit4j.crypto.bls;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.internal.BlsPoints;
import java.util.Arrays;
import java.util.Iterator;

/**
 * One node's BLS signature share, as {@code /web/encryption/sign} and {@code
 * /web/signing/access_control_condition} return it: {@code {"ProofOfPossession":"<194 hex>"}}, 97
 * bytes = a 1-byte share identifier (the node's 0-based {@code shareIndex} + 1) followed by the
 * 96-byte compressed G2 point {@code σᵢ = skᵢ · H(message)}.
 *
 * <p>Construction checks the identifier (1..255) and the point (on the curve, in the subgroup, not
 * the identity).
 *
 * @param identifier the share identifier, the x-coordinate used for Lagrange interpolation (1..255)
 * @param point the 96-byte compressed G2 point (copied in and out)
 */
public record BlsSignatureShare(int identifier, byte[] point) {
  /**
   * Key of the only share variant v4 nodes send (blsful {@code SignatureShare::ProofOfPossession}).
   */
  public static final String POP_VARIANT = "ProofOfPossession";

  /** Bytes of the serialised share: identifier + compressed G2 point. */
  public static final int LENGTH = 1 + BlsPoints.G2_COMPRESSED_LENGTH;

  /**
   * Checks and copies the share.
   *
   * @param identifier the share identifier, the x-coordinate used for Lagrange interpolation
   *     (1..255)
   * @param point the 96-byte compressed G2 point (copied in and out)
   * @throws LitValidationException when the identifier is outside 1..255, or the point is missing,
   *     not 96 bytes or not a compressed point
   * @throws io.lit4j.core.errors.LitCryptoException when the point is off the curve, not in the
   *     subgroup, or the identity
   */
  public BlsSignatureShare {
    if (identifier < 1 || identifier > 255) {
      throw new LitValidationException(
          "BLS signature share identifier must be 1..255 (shareIndex + 1), got " + identifier);
    }
    BlsPoints.decodeG2(point, "BLS signature share " + identifier + " point");
    point = point.clone();
  }

  /**
   * Parses the 97-byte serialised form (identifier byte ‖ compressed G2).
   *
   * @param bytes 97 bytes
   * @return the share
   * @throws LitValidationException on a wrong length, identifier 0 or a malformed point
   * @throws io.lit4j.core.errors.LitCryptoException when the point is off the curve, not in the
   *     subgroup, or the identity
   */
  public static BlsSignatureShare fromBytes(byte[] bytes) {
    if (bytes == null) {
      throw new LitValidationException("BLS signature share is missing");
    }
    if (bytes.length != LENGTH) {
      throw new LitValidationException(
          "BLS signature share must be "
              + LENGTH
              + " bytes (1-byte identifier + 96-byte G2 point, 194 hex), got "
              + bytes.length);
    }
    return new BlsSignatureShare(bytes[0] & 0xff, Arrays.copyOfRange(bytes, 1, LENGTH));
  }

  /**
   * Parses the 194-hex form (the value inside {@code {"ProofOfPossession": …}}).
   *
   * @param hex 194 hex characters
   * @return the share
   * @throws LitValidationException on bad hex, a wrong length, identifier 0 or a malformed point
   * @throws io.lit4j.core.errors.LitCryptoException when the point is off the curve, not in the
   *     subgroup, or the identity
   */
  public static BlsSignatureShare fromHex(String hex) {
    return fromBytes(Hex.decode(hex, "BLS signature share"));
  }

  /**
   * Parses the node form as JSON text, {@code {"ProofOfPossession":"<194 hex>"}} (what the SDK
   * passes to the WASM as {@code JSON.stringify(signatureShare)}).
   *
   * @param json the JSON text
   * @return the share
   * @throws LitValidationException when the text is not JSON, not that object, or the share is
   *     malformed
   * @throws io.lit4j.core.errors.LitCryptoException when the point is off the curve, not in the
   *     subgroup, or the identity
   */
  public static BlsSignatureShare fromJson(String json) {
    return fromJson(LitJson.parse(json, "BLS signature share"));
  }

  /**
   * Parses the node form, the {@code signatureShare} value of a node response: {@code
   * {"ProofOfPossession":"<194 hex>"}}.
   *
   * @param node the {@code signatureShare} JSON object
   * @return the share
   * @throws LitValidationException when the node is not that object or the share is malformed
   * @throws io.lit4j.core.errors.LitCryptoException when the point is off the curve, not in the
   *     subgroup, or the identity
   */
  public static BlsSignatureShare fromJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new LitValidationException(
          "BLS signature share is missing: expected {\"ProofOfPossession\":\"<194 hex>\"}");
    }
    if (!node.isObject()) {
      throw new LitValidationException(
          "BLS signature share must be a JSON object {\"ProofOfPossession\":\"<194 hex>\"}, got "
              + node.getNodeType());
    }
    if (node.size() != 1 || !node.has(POP_VARIANT)) {
      Iterator<String> names = node.fieldNames();
      String first = names.hasNext() ? names.next() : "(none)";
      throw new LitValidationException(
          "BLS signature share must have exactly the one key \""
              + POP_VARIANT
              + "\" (the scheme v4 nodes use), got "
              + node.size()
              + " key(s), first \""
              + first
              + "\"");
    }
    JsonNode value = node.get(POP_VARIANT);
    if (!value.isTextual()) {
      throw new LitValidationException(
          "BLS signature share \""
              + POP_VARIANT
              + "\" must be a hex string, got "
              + value.getNodeType());
    }
    return fromHex(value.asText());
  }

  /** {@return the node's 0-based {@code shareIndex} this share belongs to: identifier − 1} */
  public int shareIndex() {
    return identifier - 1;
  }

  /** {@return the compressed G2 point (a copy)} */
  @Override
  public byte[] point() {
    return point.clone();
  }

  /** {@return the 97-byte serialised share: identifier byte ‖ compressed G2 point} */
  public byte[] toBytes() {
    byte[] out = new byte[LENGTH];
    out[0] = (byte) identifier;
    System.arraycopy(point, 0, out, 1, point.length);
    return out;
  }

  /** {@return the 194 lowercase hex characters of {@link #toBytes()}} */
  public String toHex() {
    return Hex.encode(toBytes());
  }

  /**
   * {@return the node form as compact JSON text: {@code {"ProofOfPossession":"<194 hex>"}} (218
   * characters)}
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{");
    JsJson.quote(sb, POP_VARIANT);
    sb.append(':');
    JsJson.quote(sb, toHex());
    return sb.append('}').toString();
  }

  /** {@return the node form as a Jackson object node (for embedding in a response body)} */
  public JsonNode toJsonNode() {
    return LitJson.mapper().createObjectNode().put(POP_VARIANT, toHex());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsSignatureShare other
        && identifier == other.identifier
        && Arrays.equals(point, other.point);
  }

  @Override
  public int hashCode() {
    return 31 * identifier + Arrays.hashCode(point);
  }

  @Override
  public String toString() {
    return "BlsSignatureShare[identifier=" + identifier + ", point=" + Hex.encode(point) + "]";
  }
}
