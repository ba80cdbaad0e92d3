package io.lit4j.node;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code getPkpSessionSigs} needs: the PKP, how to prove control of it (auth methods), the
 * abilities, and optionally a capacity delegation and an expiration. The wallet capability of these
 * session sigs is a SIWE signed by the PKP itself through {@code signSessionKey}.
 *
 * <pre>{@code
 * SessionSigs sigs = client.getPkpSessionSigs(r -> r
 *     .pkpPublicKey(pkp.publicKey()).authMethod(AuthMethod.ethWallet(authSig))
 *     .resourceAbility(LitAbility.PKP_SIGNING) // on every PKP: lit-pkp://*
 *     .capacityDelegationAuthSig(delegation).expiration(Duration.ofHours(24)));
 * }</pre>
 *
 * <p>As LitAuthClient 4.2.0 does, a single EthWallet auth method is sent as {@code authSig} (its
 * access token parsed) with {@code authMethods: []}; other auth methods are sent as {@code
 * authMethods}.
 */
public final class PkpSessionRequest {
  private final Secp256k1PublicKey pkpPublicKey;
  private final List<AuthMethod> authMethods;
  private final AuthSig authSig;
  private final List<ResourceAbilityRequest> requests;
  private final AuthSig capacityDelegationAuthSig;
  private final Duration expiresIn;
  private final Instant expiresAt;
  private final String chain;
  private final SessionKeyPair sessionKey;
  private final String domain;
  private final String statement;

  private PkpSessionRequest(Builder b) {
    if (b.pkpPublicKey == null) throw new LitValidationException("pkpPublicKey is missing");
    if (b.authMethods.isEmpty() && b.authSig == null) {
      throw new LitValidationException(
          "getPkpSessionSigs needs an auth method (or an authSig) permitted on the PKP");
    }
    if (b.requests.isEmpty())
      throw new LitValidationException(
          "resourceAbilityRequests is empty: say what the session may do");
    this.pkpPublicKey = b.pkpPublicKey;
    this.authMethods = List.copyOf(b.authMethods);
    this.authSig = b.authSig;
    this.requests = List.copyOf(b.requests);
    this.capacityDelegationAuthSig = b.capacityDelegationAuthSig;
    this.expiresIn = b.expiresIn;
    this.expiresAt = b.expiresAt;
    this.chain = b.chain;
    this.sessionKey = b.sessionKey;
    this.domain = b.domain;
    this.statement = b.statement;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the PKP} */
  public Secp256k1PublicKey pkpPublicKey() {
    return pkpPublicKey;
  }

  /** {@return the auth methods given} */
  public List<AuthMethod> authMethods() {
    return authMethods;
  }

  /** {@return an explicit auth sig, if given} */
  public Optional<AuthSig> authSig() {
    return Optional.ofNullable(authSig);
  }

  /** {@return the abilities asked for} */
  public List<ResourceAbilityRequest> resourceAbilityRequests() {
    return requests;
  }

  /** {@return the capacity delegation, if any} */
  public Optional<AuthSig> capacityDelegationAuthSig() {
    return Optional.ofNullable(capacityDelegationAuthSig);
  }

  /** {@return the SIWE domain sent to the nodes, if set (default {@code litprotocol.com})} */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /** {@return the extra statement, if set} */
  public Optional<String> statement() {
    return Optional.ofNullable(statement);
  }

  /** {@return the session key to use instead of the stored one, if set} */
  public Optional<SessionKeyPair> sessionKey() {
    return Optional.ofNullable(sessionKey);
  }

  /**
   * The generic session request this becomes, with {@code callback} asking the PKP to sign; the
   * wallet sig is stored under a key of the PKP's address.
   *
   * @param callback the callback that asks the PKP to sign
   * @return a session request builder
   */
  public SessionSigsRequest.Builder toSessionSigsRequest(AuthNeededCallback callback) {
    SessionSigsRequest.Builder b =
        SessionSigsRequest.builder()
            .resourceAbilityRequests(requests)
            .authNeededCallback(callback)
            .chain(chain)
            .walletSigStoreKey(
                SessionKeyStore.WALLET_SIG
                    + "-pkp-"
                    + pkpPublicKey.ethAddress().lowercaseHex().toLowerCase(Locale.ROOT));
    if (expiresIn != null) b.expiration(expiresIn);
    if (expiresAt != null) b.expiration(expiresAt);
    if (capacityDelegationAuthSig != null) b.capacityDelegationAuthSig(capacityDelegationAuthSig);
    if (sessionKey != null) b.sessionKey(sessionKey);
    return b;
  }

  /**
   * The {@code signSessionKey} parameters for one callback: EthWallet alone becomes {@code authSig}
   * with no auth methods, as in LitAuthClient 4.2.0.
   *
   * @param key the session key
   * @param p the callback's parameters
   * @return the parameters
   */
  public SignSessionKeyRequest signSessionKeyParams(SessionKeyPair key, AuthCallbackParams p) {
    SignSessionKeyRequest.Builder b =
        SignSessionKeyRequest.builder()
            .sessionKey(key)
            .pkpPublicKey(pkpPublicKey)
            .resourceAbilityRequests(p.resourceAbilityRequests())
            .expiration(io.lit4j.auth.siwe.IsoTime.parse(p.expiration(), "expiration"))
            .chainId(
                io.lit4j.core.network.LitChains.find(chain)
                    .map(c -> c.evmChainId().orElse(1L))
                    .orElse(1L));
    if (domain != null) b.domain(domain);
    if (statement != null) b.statement(statement);
    boolean onlyEthWallet =
        authSig == null
            && authMethods.size() == 1
            && authMethods.get(0).authMethodType() == AuthMethodType.ETH_WALLET.value();
    if (onlyEthWallet) {
      b.authSig(AuthSig.fromJson(authMethods.get(0).accessToken()));
    } else {
      b.authMethods(authMethods);
      if (authSig != null) b.authSig(authSig);
    }
    return b.build();
  }

  /** Builds a {@link PkpSessionRequest}. */
  public static final class Builder {
    private Secp256k1PublicKey pkpPublicKey;
    private final List<AuthMethod> authMethods = new ArrayList<>();
    private AuthSig authSig;
    private final List<ResourceAbilityRequest> requests = new ArrayList<>();
    private AuthSig capacityDelegationAuthSig;
    private Duration expiresIn;
    private Instant expiresAt;
    private String chain = "ethereum";
    private SessionKeyPair sessionKey;
    private String domain;
    private String statement;

    private Builder() {}

    /**
     * The PKP (required).
     *
     * @param pkpPublicKey the PKP (required)
     * @return this builder
     */
    public Builder pkpPublicKey(Secp256k1PublicKey pkpPublicKey) {
      this.pkpPublicKey = pkpPublicKey;
      return this;
    }

    /**
     * Adds an auth method permitted on the PKP.
     *
     * @param authMethod an auth method permitted on the PKP
     * @return this builder
     * @throws LitValidationException if null
     */
    public Builder authMethod(AuthMethod authMethod) {
      if (authMethod == null) throw new LitValidationException("authMethod is null");
      authMethods.add(authMethod);
      return this;
    }

    /**
     * An EOA auth sig sent with the auth methods.
     *
     * @param authSig an EOA auth sig sent with the auth methods
     * @return this builder
     */
    public Builder authSig(AuthSig authSig) {
      this.authSig = authSig;
      return this;
    }

    /**
     * Adds one ability on one resource.
     *
     * @param ability the ability requested on {@code resource}
     * @param resource the resource
     * @return this builder
     * @throws LitValidationException if a part is null
     */
    public Builder resourceAbility(LitResource resource, LitAbility ability) {
      requests.add(ResourceAbilityRequest.of(resource, ability));
      return this;
    }

    /**
     * Adds one ability on every resource of the kind it applies to ({@link
     * ResourceAbilityRequest#onAll(LitAbility)}): {@code resourceAbility(LitAbility.PKP_SIGNING)}
     * is {@code resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)}, signing with any PKP.
     *
     * @param ability the ability requested on all resources of its kind
     * @return this builder
     * @throws LitValidationException if {@code ability} is null
     */
    public Builder resourceAbility(LitAbility ability) {
      requests.add(ResourceAbilityRequest.onAll(ability));
      return this;
    }

    /**
     * A capacity delegation, first in the session capabilities.
     *
     * @param capacityDelegationAuthSig a capacity delegation, first in the session capabilities
     * @return this builder
     */
    public Builder capacityDelegationAuthSig(AuthSig capacityDelegationAuthSig) {
      this.capacityDelegationAuthSig = capacityDelegationAuthSig;
      return this;
    }

    /**
     * Session lifetime (default 24 h, at most 30 days).
     *
     * @param expiresIn Session lifetime (default 24 h, at most 30 days)
     * @return this builder
     */
    public Builder expiration(Duration expiresIn) {
      this.expiresIn = expiresIn;
      this.expiresAt = null;
      return this;
    }

    /**
     * Session expiry.
     *
     * @param expiresAt Session expiry
     * @return this builder
     */
    public Builder expiration(Instant expiresAt) {
      this.expiresAt = expiresAt;
      this.expiresIn = null;
      return this;
    }

    /**
     * Chain name (default {@code ethereum}; its chain id goes into the SIWE).
     *
     * @param chain Chain name (default {@code ethereum}; its chain id goes into the SIWE)
     * @return this builder
     */
    public Builder chain(String chain) {
      if (chain == null || chain.isEmpty()) throw new LitValidationException("chain is empty");
      this.chain = chain;
      return this;
    }

    /**
     * A session key of your own instead of the stored one.
     *
     * @param sessionKey a session key of your own instead of the stored one
     * @return this builder
     */
    public Builder sessionKey(SessionKeyPair sessionKey) {
      this.sessionKey = sessionKey;
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
     * Extra SIWE statement.
     *
     * @param statement Extra SIWE statement
     * @return this builder
     */
    public Builder statement(String statement) {
      this.statement = statement;
      return this;
    }

    /**
     * {@return the request}
     *
     * @throws LitValidationException naming what is missing
     */
    public PkpSessionRequest build() {
      return new PkpSessionRequest(this);
    }
  }
}
