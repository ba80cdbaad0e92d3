package io.lit4j.crypto.bls;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The BLS-signed JWT of {@code getSignedToken} / {@code verifyJwt}: {@code base64url(header) "."
 * base64url(payload) "." base64url(σ)}, no padding, header {@value #HEADER_JSON}, σ the 96-byte
 * network signature over the UTF-8 of the first two parts.
 *
 * <p>Nodes build the unsigned form ({@link #unsignedJwt}) and sign it with their shares; the client
 * combines the shares ({@link #signedJwt}) without verifying, as the SDK does; a server checks the
 * token with {@link #verify}, which returns a {@link SignedToken}. Expiry is not checked (nor is it
 * by the SDK).
 */
public final class BlsJwt {
  /** The header every Lit JWT carries, as JSON text. */
  public static final String HEADER_JSON = "{\"alg\":\"BLS12-381\",\"typ\":\"JWT\"}";

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private BlsJwt() {}

  /**
   * {@return the unsigned JWT a node signs: {@code base64url(HEADER_JSON) "."
   * base64url(payloadJson)}}
   *
   * @param payloadJson the payload JSON text exactly as it is to be signed (e.g. from {@code
   *     JsJson.stringify}); its UTF-8 bytes are encoded
   * @throws LitValidationException when the payload is missing or not JSON
   */
  public static String unsignedJwt(String payloadJson) {
    if (payloadJson == null) throw new LitValidationException("JWT payload is missing");
    LitJson.parse(payloadJson, "JWT payload");
    return B64URL.encodeToString(HEADER_JSON.getBytes(StandardCharsets.UTF_8))
        + "."
        + B64URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@return the bytes nodes sign for a JWT: UTF-8 of the unsigned JWT text}
   *
   * @param unsignedJwt {@code base64url(header) "." base64url(payload)}
   */
  public static byte[] signingInput(String unsignedJwt) {
    requireUnsigned(unsignedJwt);
    return unsignedJwt.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Appends the signature: {@code unsignedJwt "." base64url(σ)}.
   *
   * @param unsignedJwt {@code base64url(header) "." base64url(payload)}
   * @param signature the combined signature
   * @return the signed JWT
   * @throws LitValidationException when an argument is missing or the unsigned JWT is not two
   *     dot-separated parts
   */
  public static String attachSignature(String unsignedJwt, BlsSignature signature) {
    requireUnsigned(unsignedJwt);
    if (signature == null) throw new LitValidationException("JWT signature is missing");
    return unsignedJwt + "." + B64URL.encodeToString(signature.bytes());
  }

  /**
   * What {@code getSignedToken} does with the nodes' shares: combine them and attach the result.
   * Does not verify (nor does the SDK); call {@link #verify} to check the token.
   *
   * @param unsignedJwt {@code base64url(header) "." base64url(payload)}
   * @param shares the nodes' signature shares
   * @return what {@code getSignedToken} does with the nodes' shares: combine them and attach the
   *     result
   * @throws LitValidationException on a malformed unsigned JWT, fewer than 2 shares or duplicate
   *     identifiers
   * @throws LitCryptoException when the shares combine to the identity
   */
  public static String signedJwt(String unsignedJwt, List<BlsSignatureShare> shares) {
    requireUnsigned(unsignedJwt);
    return attachSignature(unsignedJwt, Bls.combineSignatureShares(shares));
  }

  /**
   * {@code verifyJwt}: verifies the signature over the first two parts exactly as received and
   * returns the token with its decoded header and payload.
   *
   * @param jwt the signed JWT
   * @param publicKey the network key (normally {@code networkPubKey})
   * @return the verified token
   * @throws LitValidationException when the token is missing, not three dot-separated base64url
   *     parts, its signature is not 96 bytes of a compressed point, or header/payload are not UTF-8
   *     JSON
   * @throws LitCryptoException when the signature is not a valid subgroup point or does not verify
   *     against {@code publicKey}
   */
  public static SignedToken verify(String jwt, BlsPublicKey publicKey) {
    if (jwt == null) throw new LitValidationException("JWT is missing");
    if (publicKey == null)
      throw new LitValidationException("BLS public key to verify the JWT with is missing");
    String[] parts = split(jwt);
    BlsSignature signature = new BlsSignature(decodePart(parts[2], "signature"));
    byte[] message = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8);
    if (!Bls.verify(publicKey, message, signature)) {
      throw new LitCryptoException(
          "JWT signature does not verify against the network public key " + publicKey.toHex());
    }
    return read(jwt, parts);
  }

  /**
   * Reads a signed JWT's header and payload <em>without</em> checking its signature (use {@link
   * #verify} for a token from elsewhere).
   *
   * @param jwt the signed JWT
   * @return the token with its decoded header and payload
   * @throws LitValidationException when the token is missing, not three dot-separated parts, or
   *     header/payload are not base64url of UTF-8 JSON
   */
  public static SignedToken decode(String jwt) {
    return read(jwt, split(jwt));
  }

  static String[] split(String jwt) {
    if (jwt == null) throw new LitValidationException("JWT is missing");
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      throw new LitValidationException(
          "JWT must have 3 dot-separated parts (header.payload.signature), got " + parts.length);
    }
    return parts;
  }

  private static SignedToken read(String jwt, String[] parts) {
    JsonNode header = LitJson.parse(utf8(decodePart(parts[0], "header"), "header"), "JWT header");
    JsonNode payload =
        LitJson.parse(utf8(decodePart(parts[1], "payload"), "payload"), "JWT payload");
    return new SignedToken(jwt, header, payload);
  }

  private static void requireUnsigned(String unsignedJwt) {
    if (unsignedJwt == null) throw new LitValidationException("unsigned JWT is missing");
    String[] parts = unsignedJwt.split("\\.", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new LitValidationException(
          "unsigned JWT must be two non-empty dot-separated parts (header.payload)");
    }
  }

  static byte[] decodePart(String part, String name) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw new LitValidationException(
          "JWT " + name + " is not valid base64url: " + e.getMessage(), e);
    }
  }

  private static String utf8(byte[] bytes, String name) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new LitValidationException("JWT " + name + " is not valid UTF-8", e);
    }
  }
}
