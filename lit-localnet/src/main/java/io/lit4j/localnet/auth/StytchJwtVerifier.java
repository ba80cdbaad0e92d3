package io.lit4j.localnet.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;

/**
 * Stytch session JWTs (types 9–13) as a v4 node verifies them ({@code pkp/auth/stytch.rs}): the
 * project id is {@code aud[0]} (a {@code test} or {@code live} project), the token is RS256, not
 * expired and signed by any RS256 key of that project's JWKS. The user id is {@code sub} (type 9)
 * or the factor's address, phone number or TOTP id (10–13); both ids are lower-cased (ASCII).
 */
final class StytchJwtVerifier {
  private static final String SESSION = "https://stytch.com/session";
  private final JwksCache keys;
  private final String testJwksTemplate;
  private final String liveJwksTemplate;
  private final Clock clock;

  StytchJwtVerifier(JwksCache keys, String testJwksTemplate, String liveJwksTemplate, Clock clock) {
    this.keys = keys;
    this.testJwksTemplate = testJwksTemplate;
    this.liveJwksTemplate = liveJwksTemplate;
    this.clock = clock;
  }

  VerifiedIdentity verify(int type, String token) {
    String projectId = projectId(token);
    String url =
        (projectId.contains("test") ? testJwksTemplate : liveJwksTemplate)
            .replace("{projectId}", projectId);
    var set = keys.get(url, null);
    Rs256Jwt t = Rs256Jwt.parse(token);
    t.requireUnexpired(clock.instant(), "OTP token expired");
    boolean verified = false;
    for (JWK k : set.getKeys()) {
      if (k instanceof RSAKey rsa
          && k.getAlgorithm() != null
          && "RS256".equals(k.getAlgorithm().getName())
          && t.verifiedBy(rsa)) {
        verified = true;
        break;
      }
    }
    if (!verified) throw AuthMethodRejection.validation("Invalid JWT");
    String userId =
        switch (type) {
          case 9 -> t.stringClaim("sub", "Could not parse user id from token");
          case 10 -> factor(t.payload, "email_factor", "email_address");
          case 11, 12 -> factor(t.payload, "phone_number_factor", "phone_number");
          case 13 -> factor(t.payload, "authenticator_app_factor", "totp_id");
          default -> throw AuthMethodRejection.validation("Unsupported auth method type: " + type);
        };
    return new VerifiedIdentity(type, asciiLower(userId), asciiLower(projectId));
  }

  /** The project id from {@code aud[0]}, read before the signature as the node does. */
  private static String projectId(String token) {
    Rs256Jwt unverified;
    try {
      unverified = Rs256Jwt.parse(token);
    } catch (AuthMethodRejection e) {
      throw AuthMethodRejection.parser(
          concat(e, "Could not parse project id from stytch auth token"));
    }
    JsonNode aud = unverified.payload.get("aud");
    if (aud == null || !aud.isArray())
      throw AuthMethodRejection.parser(
          "Could not parse audience from token",
          "Could not parse project id from stytch auth token");
    if (aud.isEmpty() || !aud.get(0).isTextual()) {
      throw AuthMethodRejection.parser(
          aud.isEmpty()
              ? "Could not parse audience from token"
              : "Could not parse app id from token",
          "Could not parse project id from stytch auth token");
    }
    String id = aud.get(0).textValue();
    if (!id.contains("test") && !id.contains("live")) {
      throw AuthMethodRejection.parser(
          "Could not parse audience from token",
          "Could not parse project id from stytch auth token");
    }
    return id;
  }

  /** Rust's {@code to_ascii_lowercase}: only A–Z change. */
  private static String asciiLower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    return b.toString();
  }

  private static String[] concat(AuthMethodRejection e, String outer) {
    String[] d = e.details().toArray(new String[0]);
    String[] out = java.util.Arrays.copyOf(d, d.length + 1);
    out[d.length] = outer;
    return out;
  }

  private static String factor(JsonNode payload, String factorKey, String valueKey) {
    JsonNode session = payload.get(SESSION);
    if (session == null || !session.isObject())
      throw AuthMethodRejection.unexpected(
          "Could not find auth factors in token", "could not parse auth factor from token");
    JsonNode factors = session.get("authentication_factors");
    if (factors == null || !factors.isArray())
      throw AuthMethodRejection.unexpected(
          "Could not convert sessions to collection", "could not parse auth factor from token");
    if (factors.isEmpty())
      throw AuthMethodRejection.unexpected(
          "No valid sessions in token", "could not parse auth factor from token");
    for (JsonNode f : factors) {
      if (!f.isObject()) continue;
      // the node decides on the first object entry
      JsonNode holder = f.get(factorKey);
      if (holder == null)
        throw AuthMethodRejection.unexpected(
            "Could not find factor in authentication factor",
            "could not parse auth factor from token");
      JsonNode v = holder.get(valueKey);
      if (v == null || !v.isTextual())
        throw AuthMethodRejection.unexpected(
            "Could not find user id in auth factor", "could not parse auth factor from token");
      return v.textValue();
    }
    throw AuthMethodRejection.unexpected(
        "Could not find auth factor in session contexts", "could not parse auth factor from token");
  }
}
