package io.lit4j.node;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code signSessionKey} sends to {@code /web/sign_session_key}: the session key the PKP
 * delegates to, the PKP, proof of control (auth methods and/or an EOA auth sig), and the SIWE parts
 * (JS SDK 4.2.0 {@code SignSessionKeyProp}).
 */
public final class SignSessionKeyRequest {
  private final SessionKeyPair sessionKey;
  private final Secp256k1PublicKey pkpPublicKey;
  private final List<AuthMethod> authMethods;
  private final AuthSig authSig;
  private final List<ResourceAbilityRequest> resourceAbilityRequests;
  private final String statement;
  private final String domain;
  private final long chainId;
  private final Instant expiration;
  private final List<String> resources;

  private SignSessionKeyRequest(Builder b) {
    if (b.sessionKey == null) throw new LitValidationException("sessionKey is missing");
    if (b.pkpPublicKey == null && b.authMethods.isEmpty()) {
      throw new LitValidationException(
          "signSessionKey needs pkpPublicKey or at least one auth method to find the PKP");
    }
    if (b.authMethods.isEmpty() && b.authSig == null) {
      throw new LitValidationException(
          "signSessionKey needs proof of control of the PKP: authMethods or an authSig");
    }
    if (b.domain == null || b.domain.isEmpty()) throw new LitValidationException("domain is empty");
    if (b.chainId < 1)
      throw new LitValidationException("chainId must be positive, got " + b.chainId);
    this.sessionKey = b.sessionKey;
    this.pkpPublicKey = b.pkpPublicKey;
    this.authMethods = List.copyOf(b.authMethods);
    this.authSig = b.authSig;
    this.resourceAbilityRequests = List.copyOf(b.requests);
    this.statement = b.statement;
    this.domain = b.domain;
    this.chainId = b.chainId;
    this.expiration = b.expiration;
    this.resources = List.copyOf(b.resources);
  }

  /**
   * {@return a builder with the 4.2.0 defaults (domain {@code litprotocol.com}, chain id 1, expiry
   * now + 24 h)}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the session key the PKP delegates to} */
  public SessionKeyPair sessionKey() {
    return sessionKey;
  }

  /** {@return the PKP, if given (else the nodes find it from the first auth method)} */
  public Optional<Secp256k1PublicKey> pkpPublicKey() {
    return Optional.ofNullable(pkpPublicKey);
  }

  /**
   * Auth methods sent to prove control (may be empty when an auth sig is given).
   *
   * @return the auth methods, possibly empty
   */
  public List<AuthMethod> authMethods() {
    return authMethods;
  }

  /** {@return an EOA auth sig sent as extra authentication, if any} */
  public Optional<AuthSig> authSig() {
    return Optional.ofNullable(authSig);
  }

  /**
   * Abilities put into the SIWE's ReCap.
   *
   * @return the resource ability requests
   */
  public List<ResourceAbilityRequest> resourceAbilityRequests() {
    return resourceAbilityRequests;
  }

  /**
   * Extra statement after {@code Lit Protocol PKP session signature}, if any.
   *
   * @return the statement, or empty
   */
  public Optional<String> statement() {
    return Optional.ofNullable(statement);
  }

  /**
   * SIWE domain.
   *
   * @return the domain
   */
  public String domain() {
    return domain;
  }

  /**
   * SIWE chain id.
   *
   * @return the chain id
   */
  public long chainId() {
    return chainId;
  }

  /**
   * SIWE expiry, if set (default now + 24 h).
   *
   * @return the expiry, or empty
   */
  public Optional<Instant> expiration() {
    return Optional.ofNullable(expiration);
  }

  /**
   * Extra SIWE resources before the ReCap.
   *
   * @return the resources, possibly empty
   */
  public List<String> resources() {
    return resources;
  }

  /**
   * {@return the SIWE sent to the nodes (they rewrite address, nonce and issue time)}
   *
   * @param nonce the network's latest block hash
   */
  public SessionSiwe.Builder siwe(String nonce) {
    SessionSiwe.Builder b =
        SessionSiwe.pkpBuilder()
            .sessionKey(sessionKey)
            .nonce(nonce)
            .domain(domain)
            .chainId(chainId);
    if (pkpPublicKey != null) b.pkpPublicKey(pkpPublicKey.hex());
    if (statement != null) b.statement(statement);
    if (expiration != null) b.expiration(io.lit4j.auth.siwe.IsoTime.toIsoString(expiration));
    if (!resources.isEmpty()) b.resources(resources);
    if (!resourceAbilityRequests.isEmpty()) b.resourceAbilityRequests(resourceAbilityRequests);
    return b;
  }

  /** Builds {@link SignSessionKeyRequest}. */
  public static final class Builder {
    private SessionKeyPair sessionKey;
    private Secp256k1PublicKey pkpPublicKey;
    private final List<AuthMethod> authMethods = new ArrayList<>();
    private AuthSig authSig;
    private final List<ResourceAbilityRequest> requests = new ArrayList<>();
    private String statement;
    private String domain = SessionSiwe.PKP_DEFAULT_DOMAIN;
    private long chainId = 1;
    private Instant expiration;
    private final List<String> resources = new ArrayList<>();

    private Builder() {}

    /**
     * The session key (required).
     *
     * @param sessionKey the session key (required)
     * @return this builder
     */
    public Builder sessionKey(SessionKeyPair sessionKey) {
      this.sessionKey = sessionKey;
      return this;
    }

    /**
     * The PKP's public key.
     *
     * @param pkpPublicKey the PKP's public key
     * @return this builder
     */
    public Builder pkpPublicKey(Secp256k1PublicKey pkpPublicKey) {
      this.pkpPublicKey = pkpPublicKey;
      return this;
    }

    /**
     * Adds an auth method.
     *
     * @param authMethod an auth method
     * @return this builder
     * @throws LitValidationException if null
     */
    public Builder authMethod(AuthMethod authMethod) {
      if (authMethod == null) throw new LitValidationException("authMethod is null");
      authMethods.add(authMethod);
      return this;
    }

    /**
     * Sets the auth methods.
     *
     * @param methods the auth methods
     * @return this builder
     * @throws LitValidationException if the list or an element is null
     */
    public Builder authMethods(List<AuthMethod> methods) {
      if (methods == null) throw new LitValidationException("authMethods is null");
      authMethods.clear();
      methods.forEach(this::authMethod);
      return this;
    }

    /**
     * An EOA auth sig (the EthWallet flow).
     *
     * @param authSig an EOA auth sig (the EthWallet flow)
     * @return this builder
     */
    public Builder authSig(AuthSig authSig) {
      this.authSig = authSig;
      return this;
    }

    /**
     * Sets the abilities for the ReCap.
     *
     * @param list the abilities for the ReCap
     * @return this builder
     * @throws LitValidationException if the list or an element is null
     */
    public Builder resourceAbilityRequests(List<ResourceAbilityRequest> list) {
      if (list == null) throw new LitValidationException("resourceAbilityRequests is null");
      for (ResourceAbilityRequest r : list)
        if (r == null) throw new LitValidationException("resourceAbilityRequests holds a null");
      requests.clear();
      requests.addAll(list);
      return this;
    }

    /**
     * Extra statement.
     *
     * @param statement Extra statement
     * @return this builder
     */
    public Builder statement(String statement) {
      this.statement = statement;
      return this;
    }

    /**
     * SIWE domain (default {@code litprotocol.com}).
     *
     * @param domain SIWE domain (default {@code litprotocol.com})
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * SIWE chain id (default 1).
     *
     * @param chainId SIWE chain id (default 1)
     * @return this builder
     */
    public Builder chainId(long chainId) {
      this.chainId = chainId;
      return this;
    }

    /**
     * SIWE expiry (default now + 24 h).
     *
     * @param expiration SIWE expiry (default now + 24 h)
     * @return this builder
     */
    public Builder expiration(Instant expiration) {
      this.expiration = expiration;
      return this;
    }

    /**
     * Extra SIWE resources.
     *
     * @param resources Extra SIWE resources
     * @return this builder
     * @throws LitValidationException if null
     */
    public Builder resources(List<String> resources) {
      if (resources == null) throw new LitValidationException("resources is null");
      this.resources.clear();
      this.resources.addAll(resources);
      return this;
    }

    /**
     * {@return the parameters}
     *
     * @throws LitValidationException naming what is missing
     */
    public SignSessionKeyRequest build() {
      return new SignSessionKeyRequest(this);
    }
  }
}
