package io.lit4j.localnet.idp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.localnet.internal.LoopbackHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenID Connect issuer on loopback for tests: a discovery document, a JWKS endpoint and
 * RS256 ID tokens for test users, with key rotation. Nodes configured with its {@link #issuer()}
 * and {@link #jwksUrl()} verify its tokens with the same code that verifies Google's.
 *
 * <pre>{@code
 * try (OidcIssuer google = OidcIssuer.start()) {
 *   String idToken = google.idToken("user-1", "my-client-id.apps.googleusercontent.com");
 * }
 * }</pre>
 *
 * <p>Test material: the signing keys live in this JVM.
 */
public final class OidcIssuer implements AutoCloseable {
  /** Lifetime of the tokens {@link #idToken(String, String)} issues, as Google's. */
  public static final Duration ID_TOKEN_LIFETIME = Duration.ofHours(1);

  private final LoopbackHttpServer server;
  private final String issuer;
  private final String jwksPath;
  private final Clock clock;

  /** Published keys, newest first; the first signs. */
  private final List<RSAKey> keys = new CopyOnWriteArrayList<>();

  private final AtomicInteger jwksRequests = new AtomicInteger();

  private OidcIssuer(String issuerOverride, String jwksPath, Clock clock) {
    this.server = LoopbackHttpServer.start();
    this.issuer = issuerOverride != null ? issuerOverride : server.baseUrl();
    this.jwksPath = jwksPath;
    this.clock = clock;
    keys.add(newKey());
    server.get("/.well-known/openid-configuration", q -> discovery());
    server.get(
        jwksPath,
        q -> {
          jwksRequests.incrementAndGet();
          return LitJson.mapper().valueToTree(publicJwks().toJSONObject(true));
        });
  }

  /**
   * Starts an issuer whose {@code iss} is its own base URL {@code http://127.0.0.1:<port>} and
   * whose JWKS is at {@code /jwks}.
   *
   * @return the running issuer
   */
  public static OidcIssuer start() {
    return new OidcIssuer(null, "/jwks", Clock.systemUTC());
  }

  /**
   * Starts an issuer with a given {@code iss} claim and JWKS path (e.g. a Stytch project: {@code
   * stytch.com/<project id>}, {@code /v1/sessions/jwks/<project id>}).
   *
   * @param issuer the {@code iss} claim of its tokens
   * @param jwksPath the path of its JWKS, starting with {@code /}
   * @param clock the clock for {@code iat} and {@code exp}
   * @return the running issuer
   */
  public static OidcIssuer start(String issuer, String jwksPath, Clock clock) {
    if (issuer == null || issuer.isEmpty()) throw new LitValidationException("issuer is required");
    if (jwksPath == null || !jwksPath.startsWith("/"))
      throw new LitValidationException("jwksPath must start with /");
    if (clock == null) throw new LitValidationException("clock is required");
    return new OidcIssuer(issuer, jwksPath, clock);
  }

  /** {@return the {@code iss} claim of the tokens} */
  public String issuer() {
    return issuer;
  }

  /** {@return the base URL, {@code http://127.0.0.1:<port>}} */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** {@return the JWKS URL} */
  public String jwksUrl() {
    return server.baseUrl() + jwksPath;
  }

  /** {@return the discovery document URL} */
  public String discoveryUrl() {
    return server.baseUrl() + "/.well-known/openid-configuration";
  }

  /** {@return how many times the JWKS was fetched} */
  public int jwksRequests() {
    return jwksRequests.get();
  }

  /** {@return the key id that signs new tokens} */
  public String currentKeyId() {
    return keys.get(0).getKeyID();
  }

  /** {@return the published key ids, newest first} */
  public List<String> publishedKeyIds() {
    return keys.stream().map(JWK::getKeyID).toList();
  }

  /**
   * An ID token for {@code subject} and {@code audience}, valid for {@link #ID_TOKEN_LIFETIME},
   * signed with the current key.
   *
   * @param subject the {@code sub} claim (the user id)
   * @param audience the {@code aud} claim (the OAuth client id), a single string as Google sends it
   * @return the compact JWT
   */
  public String idToken(String subject, String audience) {
    if (subject == null || subject.isEmpty())
      throw new LitValidationException("subject is required");
    if (audience == null || audience.isEmpty())
      throw new LitValidationException("audience is required");
    Instant now = clock.instant();
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ID_TOKEN_LIFETIME)))
            .claim("email_verified", true)
            .build());
  }

  /**
   * Signs any claims with the current key (RS256, {@code kid} in the header): for tokens with
   * unusual claims, e.g. expired, another audience or issuer.
   *
   * @param claims the claims
   * @return the compact JWT
   */
  public String sign(JWTClaimsSet claims) {
    if (claims == null) throw new LitValidationException("claims are required");
    return sign(claims.toJSONObject());
  }

  /**
   * Signs a raw JSON payload with the current key (RS256, {@code kid} in the header), e.g. to keep
   * a one-element {@code aud} array (nimbus writes a single audience as a string).
   *
   * @param payload the payload claims
   * @return the compact JWT
   */
  public String sign(Map<String, Object> payload) {
    if (payload == null) throw new LitValidationException("payload is required");
    RSAKey key = keys.get(0);
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              new Payload(payload));
      jws.sign(new RSASSASigner(key));
      return jws.serialize();
    } catch (JOSEException e) {
      throw LitException.builder()
          .message("cannot sign the test token: " + e.getMessage())
          .cause(e)
          .build();
    }
  }

  /**
   * {@return claims as {@link #idToken(String, String)} sets them, to change before {@link #sign}}
   *
   * @param subject the {@code sub} claim
   * @param audience the {@code aud} claim
   */
  public JWTClaimsSet.Builder claims(String subject, String audience) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(subject)
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ID_TOKEN_LIFETIME)));
  }

  /**
   * Rotates the signing key: a new key signs from now on; the old keys stay published (as Google
   * keeps the previous key in its JWKS) until {@link #retireKey}.
   *
   * @return the new key id
   */
  public String rotateKey() {
    keys.add(0, newKey());
    return currentKeyId();
  }

  /**
   * Stops publishing a key that no longer signs.
   *
   * @param keyId the key id
   * @throws LitValidationException for the current key or an unknown key id
   */
  public void retireKey(String keyId) {
    if (currentKeyId().equals(keyId))
      throw new LitValidationException("the current signing key cannot be retired; rotate first");
    if (!keys.removeIf(k -> k.getKeyID().equals(keyId)))
      throw new LitValidationException("no published key " + keyId);
  }

  private JWKSet publicJwks() {
    List<JWK> pub = new ArrayList<>();
    for (RSAKey k : keys) pub.add(k.toPublicJWK());
    return new JWKSet(pub);
  }

  private ObjectNode discovery() {
    ObjectNode d = LitJson.mapper().createObjectNode();
    d.put("issuer", issuer);
    d.put("jwks_uri", jwksUrl());
    d.putArray("response_types_supported").add("id_token");
    d.putArray("subject_types_supported").add("public");
    d.putArray("id_token_signing_alg_values_supported").add("RS256");
    return d;
  }

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw LitException.builder()
          .message("cannot generate an RSA key: " + e.getMessage())
          .cause(e)
          .build();
    }
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "OidcIssuer[" + issuer + ", keys=" + publishedKeyIds() + "]";
  }
}
