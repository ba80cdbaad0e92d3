package io.lit4j.localnet.auth;

import io.lit4j.core.errors.LitValidationException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a node checks OAuth, OIDC and Stytch auth methods, and with what: the same verification
 * code for real providers ({@link #live()}) and for lit-localnet's loopback ones ({@link
 * io.lit4j.localnet.idp}); only the URLs differ.
 *
 * <pre>{@code
 * AuthMethodVerifiers v = AuthMethodVerifiers.builder()
 *     .google(issuer.issuer(), issuer.jwksUrl(), "my-client-id")
 *     .stytch(stytch.jwksUrlTemplate())
 *     .discord(discord.apiBaseUrl())
 *     .build();
 * }</pre>
 */
public final class AuthMethodVerifiers {
  /** Google's JWKS. */
  public static final String GOOGLE_JWKS = "https://www.googleapis.com/oauth2/v3/certs";

  /** Stytch's test-project JWKS, {@code {projectId}} replaced. */
  public static final String STYTCH_TEST_JWKS =
      "https://test.stytch.com/v1/sessions/jwks/{projectId}";

  /** Stytch's live-project JWKS, {@code {projectId}} replaced. */
  public static final String STYTCH_LIVE_JWKS =
      "https://api.stytch.com/v1/sessions/jwks/{projectId}";

  /** Discord's API. */
  public static final String DISCORD_API = "https://discord.com/api";

  private final GoogleJwtVerifier google;
  private final StytchJwtVerifier stytch;
  private final DiscordTokenVerifier discord;
  private final WebAuthnVerifier webauthn;
  private final Builder settings;

  private AuthMethodVerifiers(Builder b) {
    this.settings = b.copy();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(b.timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    JwksCache cache = new JwksCache(http, b.jwksCacheTtl, b.timeout, b.clock);
    this.google =
        new GoogleJwtVerifier(cache, b.googleJwks, b.googleIssuers, b.googleClientIds, b.clock);
    this.stytch = new StytchJwtVerifier(cache, b.stytchTestJwks, b.stytchLiveJwks, b.clock);
    this.discord = new DiscordTokenVerifier(http, b.discordApi, b.timeout);
    this.webauthn = new WebAuthnVerifier(b.webauthnRpId, b.webauthnOrigins);
  }

  /**
   * Verifies a WebAuthn (type 3) assertion against the chain.
   *
   * @param accessToken the assertion JSON as the SDK sends it
   * @param chain recent block hashes and stored credential keys
   * @return the raw id and {@code lit}
   * @throws AuthMethodRejection when it does not verify, with the v4 node's texts
   */
  public VerifiedIdentity verifyWebAuthn(String accessToken, WebAuthnChain chain) {
    return webauthn.verify(accessToken, chain);
  }

  /** {@return verifiers against the real providers, as a v4 node is configured} */
  public static AuthMethodVerifiers live() {
    return builder().build();
  }

  /** {@return a builder starting from the real providers} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder with these settings, to change some} */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Verifies an auth method of type 4, 6 or 9–13.
   *
   * @param authMethodType the type
   * @param accessToken the access token as sent to the node
   * @return the user and app ids
   * @throws AuthMethodRejection when the token does not verify, with the v4 node's texts
   */
  public VerifiedIdentity verify(int authMethodType, String accessToken) {
    return switch (authMethodType) {
      case GoogleJwtVerifier.TYPE -> google.verify(accessToken);
      case DiscordTokenVerifier.TYPE -> discord.verify(accessToken);
      case 9, 10, 11, 12, 13 -> stytch.verify(authMethodType, accessToken);
      default ->
          throw AuthMethodRejection.validation("Unsupported auth method type: " + authMethodType);
    };
  }

  /** {@return whether {@link #verify} handles this type} @param authMethodType the type */
  public static boolean handles(int authMethodType) {
    return authMethodType == 4
        || authMethodType == 6
        || (authMethodType >= 9 && authMethodType <= 13);
  }

  @Override
  public String toString() {
    return "AuthMethodVerifiers[google="
        + settings.googleJwks
        + " "
        + settings.googleIssuers
        + ", stytch="
        + settings.stytchTestJwks
        + ", discord="
        + settings.discordApi
        + "]";
  }

  /** Settings of {@link AuthMethodVerifiers}; starts from the real providers. */
  public static final class Builder {
    private String googleJwks = GOOGLE_JWKS;
    private Set<String> googleIssuers =
        new LinkedHashSet<>(Set.of("https://accounts.google.com", "accounts.google.com"));
    private Set<String> googleClientIds = new LinkedHashSet<>();
    private String stytchTestJwks = STYTCH_TEST_JWKS;
    private String stytchLiveJwks = STYTCH_LIVE_JWKS;
    private String discordApi = DISCORD_API;
    private Duration jwksCacheTtl = Duration.ofHours(1);
    private Duration timeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private String webauthnRpId;
    private Set<String> webauthnOrigins = new LinkedHashSet<>();

    private Builder() {}

    /**
     * The WebAuthn relying party the nodes accept passkey assertions for (v4 nodes: the request's
     * origin domain and {@code webauthn_allowed_origins}); none set refuses WebAuthn.
     *
     * @param rpId the relying party id, e.g. {@code localhost}
     * @param origins the accepted origins, e.g. {@code http://localhost:3000}
     * @return this builder
     */
    public Builder webauthn(String rpId, String... origins) {
      require(rpId, "rpId");
      if (origins.length == 0) throw new LitValidationException("at least one origin is required");
      webauthnRpId = rpId;
      webauthnOrigins = new LinkedHashSet<>(Set.of(origins));
      return this;
    }

    private Builder copy() {
      Builder b = new Builder();
      b.googleJwks = googleJwks;
      b.googleIssuers = new LinkedHashSet<>(googleIssuers);
      b.googleClientIds = new LinkedHashSet<>(googleClientIds);
      b.stytchTestJwks = stytchTestJwks;
      b.stytchLiveJwks = stytchLiveJwks;
      b.discordApi = discordApi;
      b.jwksCacheTtl = jwksCacheTtl;
      b.timeout = timeout;
      b.clock = clock;
      b.webauthnRpId = webauthnRpId;
      b.webauthnOrigins = new LinkedHashSet<>(webauthnOrigins);
      return b;
    }

    /**
     * Trusts an OIDC issuer as Google (GoogleJwt, type 6).
     *
     * @param issuer the only accepted {@code iss}
     * @param jwksUrl its JWKS
     * @param clientIds accepted audiences; none accepts any (as v4 nodes do)
     * @return this builder
     */
    public Builder google(String issuer, String jwksUrl, String... clientIds) {
      require(issuer, "issuer");
      require(jwksUrl, "jwksUrl");
      googleIssuers = new LinkedHashSet<>(Set.of(issuer));
      googleJwks = jwksUrl;
      googleClientIds = new LinkedHashSet<>(Set.of(clientIds));
      return this;
    }

    /**
     * Takes Stytch project keys from {@code jwksUrlTemplate} ({@code {projectId}} replaced), for
     * test and live projects alike.
     *
     * @param jwksUrlTemplate e.g. {@code http://127.0.0.1:<port>/v1/sessions/jwks/{projectId}}
     * @return this builder
     */
    public Builder stytch(String jwksUrlTemplate) {
      require(jwksUrlTemplate, "jwksUrlTemplate");
      if (!jwksUrlTemplate.contains("{projectId}"))
        throw new LitValidationException("jwksUrlTemplate must contain {projectId}");
      stytchTestJwks = jwksUrlTemplate;
      stytchLiveJwks = jwksUrlTemplate;
      return this;
    }

    /**
     * Exchanges Discord access tokens at {@code apiBaseUrl + "/oauth2/@me"}.
     *
     * @param apiBaseUrl e.g. {@code https://discord.com/api}
     * @return this builder
     */
    public Builder discord(String apiBaseUrl) {
      require(apiBaseUrl, "apiBaseUrl");
      discordApi = apiBaseUrl.replaceAll("/+$", "");
      return this;
    }

    /**
     * How long fetched key sets are kept (v4 nodes: one hour); zero refetches every time.
     *
     * @param ttl the time to keep them
     * @return this builder
     */
    public Builder jwksCacheTtl(Duration ttl) {
      if (ttl == null || ttl.isNegative())
        throw new LitValidationException("jwksCacheTtl must be zero or positive");
      jwksCacheTtl = ttl;
      return this;
    }

    /**
     * The clock for token expiry.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      if (clock == null) throw new LitValidationException("clock is required");
      this.clock = clock;
      return this;
    }

    /** {@return the verifiers} */
    public AuthMethodVerifiers build() {
      return new AuthMethodVerifiers(this);
    }

    private static void require(String v, String name) {
      if (v == null || v.isBlank()) throw new LitValidationException(name + " is required");
    }
  }
}
