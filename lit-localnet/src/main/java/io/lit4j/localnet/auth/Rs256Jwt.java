package io.lit4j.localnet.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.lit4j.core.json.LitJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An OAuth ID token (a compact RS256 JWT, from Google or Stytch) taken apart the way v4 nodes do it
 * (split on dots, base64url without padding, JSON header and payload), with the RSA check done by
 * nimbus-jose-jwt. Not the BLS-signed Lit JWT ({@code io.lit4j.crypto.bls.SignedToken}): only the
 * dot-splitting is alike, and these errors must read as a v4 node's.
 */
final class Rs256Jwt {
  final JsonNode header;
  final JsonNode payload;
  private final byte[] signingInput;
  private final Base64URL signature;

  private Rs256Jwt(JsonNode header, JsonNode payload, byte[] signingInput, Base64URL signature) {
    this.header = header;
    this.payload = payload;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  static Rs256Jwt parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) throw AuthMethodRejection.validation("Invalid JWT parts length");
    JsonNode header = json(parts[0], "header");
    JsonNode payload = json(parts[1], "payload");
    if (!parts[2].matches("[A-Za-z0-9_-]*"))
      throw AuthMethodRejection.parser("Unable to decode signature from payload");
    if (!"RS256".equals(header.path("alg").asText(null))) {
      throw AuthMethodRejection.validation("Invalid JWT algorithm.  Only rs256 supported");
    }
    byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    return new Rs256Jwt(header, payload, input, new Base64URL(parts[2]));
  }

  private static JsonNode json(String b64, String what) {
    if (!b64.matches("[A-Za-z0-9_-]*"))
      throw AuthMethodRejection.parser("Unable to decode", "JWT " + what + " is not base64url");
    JsonNode n;
    try {
      n = LitJson.mapper().readTree(new Base64URL(b64).decodeToString());
    } catch (Exception e) {
      throw AuthMethodRejection.unexpected(
          "Unable to convert to value", "JWT " + what + " is not JSON");
    }
    if (n == null || !n.isObject()) throw AuthMethodRejection.parser(what + " is not an object");
    return n;
  }

  /** {@code exp} in seconds; a token past it is refused with {@code expiredText}. */
  long requireUnexpired(Instant now, String expiredText) {
    JsonNode exp = payload.get("exp");
    if (exp == null || !exp.canConvertToLong() || !exp.isIntegralNumber())
      throw AuthMethodRejection.parser("Could not convert exp to i64");
    if (now.getEpochSecond() > exp.asLong()) throw AuthMethodRejection.validation(expiredText);
    return exp.asLong();
  }

  boolean verifiedBy(RSAKey key) {
    try {
      JWSHeader h = new JWSHeader(JWSAlgorithm.RS256);
      return new RSASSAVerifier(key).verify(h, signingInput, signature);
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }

  /** A payload claim that must be a string. */
  String stringClaim(String name, String errorText) {
    JsonNode v = payload.get(name);
    if (v == null || !v.isTextual()) throw AuthMethodRejection.parser(errorText);
    return v.textValue();
  }
}
