package io.lit4j.localnet.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.util.Set;

/**
 * GoogleJwt (type 6) as a v4 node verifies it ({@code pkp/auth/google.rs}): RS256 only, not
 * expired, signed by the JWKS key named by {@code kid}; user id {@code sub}, app id {@code aud}.
 * Beyond v4, the issuer must be a trusted one and, when client ids are configured, the audience one
 * of them (v4 nodes check neither; the id still binds the audience).
 */
final class GoogleJwtVerifier {
  static final int TYPE = 6;
  private final JwksCache keys;
  private final String jwksUrl;
  private final Set<String> issuers;
  private final Set<String> clientIds;
  private final Clock clock;

  GoogleJwtVerifier(
      JwksCache keys, String jwksUrl, Set<String> issuers, Set<String> clientIds, Clock clock) {
    this.keys = keys;
    this.jwksUrl = jwksUrl;
    this.issuers = Set.copyOf(issuers);
    this.clientIds = Set.copyOf(clientIds);
    this.clock = clock;
  }

  VerifiedIdentity verify(String token) {
    Rs256Jwt t = Rs256Jwt.parse(token);
    t.requireUnexpired(clock.instant(), "Google JWT expired");
    if (!t.header.path("kid").isTextual())
      throw AuthMethodRejection.parser("Could not parse kid to string");
    String kid = t.header.get("kid").textValue();
    JWK key = keys.get(jwksUrl, kid).getKeyByKeyId(kid);
    if (!(key instanceof RSAKey rsa) || !t.verifiedBy(rsa))
      throw AuthMethodRejection.validation("Invalid JWT");
    String sub = t.stringClaim("sub", "Could not parse sub to string");
    String aud = t.stringClaim("aud", "Could not parse aud to string");
    String iss = t.payload.path("iss").asText("");
    if (!issuers.contains(iss)) {
      throw AuthMethodRejection.validation(
          "Google JWT issuer " + iss + " is not trusted (expected one of " + issuers + ")");
    }
    if (!clientIds.isEmpty() && !clientIds.contains(aud)) {
      throw AuthMethodRejection.validation(
          "Google JWT audience " + aud + " is not a configured client id");
    }
    return new VerifiedIdentity(TYPE, sub, aud);
  }
}
