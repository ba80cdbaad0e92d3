package io.lit4j.localnet.idp;

import com.nimbusds.jwt.JWTClaimsSet;
import io.lit4j.core.errors.LitValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A local Stytch project for tests: session JWTs (RS256) as Stytch issues them after an OTP or TOTP
 * login, signed by the project's key, with the project's JWKS served at {@code
 * /v1/sessions/jwks/<project id>} as Stytch serves it. Nodes verify them as Stytch auth methods
 * (types 9–13).
 *
 * <pre>{@code
 * try (StytchProject stytch = StytchProject.start()) {
 *   String jwt = stytch.emailOtpSession("user-test-1", "alice@example.com");
 * }
 * }</pre>
 */
public final class StytchProject implements AutoCloseable {
  /** How long the session JWTs are valid (Stytch's session JWTs last five minutes). */
  public static final Duration SESSION_JWT_LIFETIME = Duration.ofMinutes(5);

  private static final String SESSION_CLAIM = "https://stytch.com/session";

  private final String projectId;
  private final OidcIssuer issuer;
  private final Clock clock;

  private StytchProject(String projectId, Clock clock) {
    this.projectId = projectId;
    this.clock = clock;
    this.issuer =
        OidcIssuer.start("stytch.com/" + projectId, "/v1/sessions/jwks/" + projectId, clock);
  }

  /** {@return a project with a fresh test project id ({@code project-test-<uuid>})} */
  public static StytchProject start() {
    return start("project-test-" + UUID.randomUUID(), Clock.systemUTC());
  }

  /**
   * Starts a project with a given id; nodes tell test from live projects by {@code test} or {@code
   * live} in the id, as Lit nodes do.
   *
   * @param projectId the project id
   * @param clock the clock for {@code iat} and {@code exp}
   * @return the running project
   */
  public static StytchProject start(String projectId, Clock clock) {
    if (projectId == null || projectId.isEmpty())
      throw new LitValidationException("projectId is required");
    return new StytchProject(projectId, clock);
  }

  /** {@return the project id (the session JWTs' audience)} */
  public String projectId() {
    return projectId;
  }

  /** {@return the base URL the JWKS is served under, {@code http://127.0.0.1:<port>}} */
  public String baseUrl() {
    return issuer.baseUrl();
  }

  /**
   * {@return the JWKS URL template nodes are configured with, {@code
   * <base>/v1/sessions/jwks/{projectId}}}
   */
  public String jwksUrlTemplate() {
    return issuer.baseUrl() + "/v1/sessions/jwks/{projectId}";
  }

  /** {@return the issuer behind the project (key rotation, raw signing)} */
  public OidcIssuer issuer() {
    return issuer;
  }

  /**
   * A session JWT with no particular factor (auth method type 9, StytchOtp: id from {@code sub}).
   *
   * @param userId the Stytch user id ({@code sub})
   * @return the compact JWT
   */
  public String session(String userId) {
    return sign(claims(userId, List.of()).build());
  }

  /**
   * Signs session JWT claims with the project's key, its {@code aud} always an array as Stytch
   * sends it.
   *
   * @param claims the claims, e.g. from {@link #claims} with changes
   * @return the compact JWT
   */
  public String sign(JWTClaimsSet claims) {
    Map<String, Object> payload = new LinkedHashMap<>(claims.toJSONObject());
    if (claims.getAudience() != null && !claims.getAudience().isEmpty())
      payload.put("aud", claims.getAudience());
    return issuer.sign(payload);
  }

  /**
   * A session JWT after an email OTP (type 10): an {@code email_factor} with the address.
   *
   * @param userId the Stytch user id
   * @param email the email address
   * @return the compact JWT
   */
  public String emailOtpSession(String userId, String email) {
    return sign(
        claims(
                userId,
                List.of(
                    factor(
                        "email",
                        "email_factor",
                        Map.of(
                            "email_id",
                            "email-test-" + UUID.randomUUID(),
                            "email_address",
                            email))))
            .build());
  }

  /**
   * A session JWT after an SMS OTP (type 11): a {@code phone_number_factor}.
   *
   * @param userId the Stytch user id
   * @param phoneNumber the phone number, e.g. {@code +15555550100}
   * @return the compact JWT
   */
  public String smsOtpSession(String userId, String phoneNumber) {
    return sign(
        claims(userId, List.of(factor("sms", "phone_number_factor", phoneFactor(phoneNumber))))
            .build());
  }

  /**
   * A session JWT after a WhatsApp OTP (type 12): a {@code phone_number_factor}.
   *
   * @param userId the Stytch user id
   * @param phoneNumber the phone number
   * @return the compact JWT
   */
  public String whatsAppOtpSession(String userId, String phoneNumber) {
    return sign(
        claims(userId, List.of(factor("whatsapp", "phone_number_factor", phoneFactor(phoneNumber))))
            .build());
  }

  /**
   * A session JWT after a TOTP login (type 13): an {@code authenticator_app_factor} with the TOTP
   * id. (JS SDK 4.2.0 looks for a {@code phone_number_factor} in the same factor entry before
   * reading it, so the entry carries both, as a session after SMS then TOTP would.)
   *
   * @param userId the Stytch user id
   * @param totpId the TOTP registration id
   * @param phoneNumber the phone number of the same entry
   * @return the compact JWT
   */
  public String totpSession(String userId, String totpId, String phoneNumber) {
    Map<String, Object> f = factor("totp", "authenticator_app_factor", Map.of("totp_id", totpId));
    f.put("phone_number_factor", phoneFactor(phoneNumber));
    return sign(claims(userId, List.of(f)).build());
  }

  /**
   * {@return the claims of a session JWT with the given factors, to change before {@code
   * issuer().sign}}
   *
   * @param userId the Stytch user id
   * @param factors the {@code authentication_factors} entries
   */
  public JWTClaimsSet.Builder claims(String userId, List<Map<String, Object>> factors) {
    Instant now = clock.instant();
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("id", "session-test-" + UUID.randomUUID());
    session.put("started_at", now.toString());
    session.put("authentication_factors", factors);
    return new JWTClaimsSet.Builder()
        .issuer(issuer.issuer())
        .subject(userId)
        .audience(List.of(projectId))
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(SESSION_JWT_LIFETIME)))
        .claim(SESSION_CLAIM, session);
  }

  private static Map<String, Object> phoneFactor(String phoneNumber) {
    return Map.of(
        "phone_id", "phone-number-test-" + UUID.randomUUID(), "phone_number", phoneNumber);
  }

  private static Map<String, Object> factor(
      String deliveryMethod, String key, Map<String, Object> value) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "otp");
    f.put("delivery_method", deliveryMethod);
    f.put(key, value);
    return f;
  }

  @Override
  public void close() {
    issuer.close();
  }

  @Override
  public String toString() {
    return "StytchProject[" + projectId + "]";
  }
}
