package io.lit4j.node;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.resources.LitResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.signer.EthSigner;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.constants.LitConstants;
import io.lit4j.core.errors.LitValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code getSessionSigs} needs: the resource abilities the session asks for, the callback that
 * signs the wallet SIWE, and optional parts (chain, expiration, capacity delegation, a session key
 * of your own).
 *
 * <pre>{@code
 * SessionSigs sigs = client.getSessionSigs(r -> r
 *     .wallet(signer)
 *     .resourceAbility(LitAbility.LIT_ACTION_EXECUTION) // any Lit Action: lit-litaction://*
 *     .expiration(Duration.ofHours(1)));
 * }</pre>
 *
 * <p>Unlike JS SDK 4.2.0 (5 minutes, hard-coded), the per-node session sigs expire with the wallet
 * signature: at {@link #expiration(Instant)}, or earlier if a stored wallet sig expires earlier.
 */
public final class SessionSigsRequest {
  private final List<ResourceAbilityRequest> resourceAbilityRequests;
  private final AuthNeededCallback authNeededCallback;
  private final String chain;
  private final Duration expiresIn;
  private final Instant expiresAt;
  private final AuthSig capacityDelegationAuthSig;
  private final boolean switchChain;
  private final SessionKeyPair sessionKey;
  private final String walletSigStoreKey;
  private final Clock clock;

  private SessionSigsRequest(Builder b) {
    if (b.requests.isEmpty()) {
      throw new LitValidationException(
          "resourceAbilityRequests is empty: say what the session may do, e.g. "
              + "resourceAbility(LitAbility.LIT_ACTION_EXECUTION)");
    }
    if (b.callback == null)
      throw new LitValidationException("authNeededCallback is missing: it signs the wallet SIWE");
    if (b.chain == null || b.chain.isEmpty()) throw new LitValidationException("chain is empty");
    if (b.expiresIn != null && (b.expiresIn.isNegative() || b.expiresIn.isZero())) {
      throw new LitValidationException("expiration must be in the future, got " + b.expiresIn);
    }
    if (b.expiresIn != null && b.expiresIn.compareTo(MAX_TTL) > 0) {
      throw new LitValidationException(
          "expiration must be at most 30 days ahead (nodes refuse longer sessions), got "
              + b.expiresIn);
    }
    this.resourceAbilityRequests = List.copyOf(b.requests);
    this.authNeededCallback = b.callback;
    this.chain = b.chain;
    this.expiresIn = b.expiresIn;
    this.expiresAt = b.expiresAt;
    this.capacityDelegationAuthSig = b.capacityDelegationAuthSig;
    this.switchChain = b.switchChain;
    this.sessionKey = b.sessionKey;
    this.walletSigStoreKey = b.walletSigStoreKey;
    this.clock = b.clock;
  }

  /** Longest session nodes accept. */
  public static final Duration MAX_TTL = Duration.ofDays(30);

  /** {@return a builder; set the resource abilities and the callback} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder whose callback signs with an EOA ({@link AuthNeededCallback#ethWallet(EthSigner)}),
   * storing the wallet sig under a key of that address (so another account's stored sig is never
   * reused, unlike 4.2.0's single {@code lit-wallet-sig}).
   *
   * @param signer the wallet that signs
   * @return a new builder
   * @throws LitValidationException if {@code signer} is null
   */
  public static Builder forWallet(EthSigner signer) {
    return builder().wallet(signer);
  }

  /** {@return the abilities the session asks for} */
  public List<ResourceAbilityRequest> resourceAbilityRequests() {
    return resourceAbilityRequests;
  }

  /**
   * Signs the wallet SIWE when needed.
   *
   * @return the callback
   */
  public AuthNeededCallback authNeededCallback() {
    return authNeededCallback;
  }

  /** {@return the chain name passed to the callback (default {@code ethereum})} */
  public String chain() {
    return chain;
  }

  /**
   * {@return when the wallet signature (and the session) expires, seen from {@code now}}
   *
   * @param now the current time
   */
  public Instant expiration(Instant now) {
    if (expiresAt != null) return expiresAt;
    return now.plus(expiresIn != null ? expiresIn : LitConstants.WALLET_SIG_DEFAULT_TTL);
  }

  /** {@return the capacity delegation put first in every session's capabilities, if any} */
  public Optional<AuthSig> capacityDelegationAuthSig() {
    return Optional.ofNullable(capacityDelegationAuthSig);
  }

  /** {@return whether a wallet should switch chain (passed to the callback)} */
  public boolean switchChain() {
    return switchChain;
  }

  /** {@return a session key to use instead of the stored one, if set} */
  public Optional<SessionKeyPair> sessionKey() {
    return Optional.ofNullable(sessionKey);
  }

  /** {@return where the wallet sig is stored (default {@code lit-wallet-sig})} */
  public String walletSigStoreKey() {
    return walletSigStoreKey;
  }

  /** {@return the clock for issue and expiry times} */
  public Clock clock() {
    return clock;
  }

  /** Builds a {@link SessionSigsRequest}. */
  public static final class Builder {
    private final List<ResourceAbilityRequest> requests = new ArrayList<>();
    private AuthNeededCallback callback;
    private String chain = "ethereum";
    private Duration expiresIn;
    private Instant expiresAt;
    private AuthSig capacityDelegationAuthSig;
    private boolean switchChain;
    private SessionKeyPair sessionKey;
    private String walletSigStoreKey = SessionKeyStore.WALLET_SIG;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

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
     * Sets all resource-ability requests, replacing those added so far.
     *
     * @param resourceAbilityRequests all resource-ability requests, replacing those added so far
     * @return this builder
     * @throws LitValidationException if the list or an element is null
     */
    public Builder resourceAbilityRequests(List<ResourceAbilityRequest> resourceAbilityRequests) {
      if (resourceAbilityRequests == null)
        throw new LitValidationException("resourceAbilityRequests is null");
      for (ResourceAbilityRequest r : resourceAbilityRequests) {
        if (r == null) throw new LitValidationException("resourceAbilityRequests holds a null");
      }
      requests.clear();
      requests.addAll(resourceAbilityRequests);
      return this;
    }

    /**
     * Has an EOA sign the wallet SIWE: sets the callback to {@link
     * AuthNeededCallback#ethWallet(EthSigner)} and the store key of the wallet sig to one of that
     * address (so another account's stored sig is never reused, unlike 4.2.0's single {@code
     * lit-wallet-sig}). {@link SessionSigsRequest#forWallet(EthSigner)} is {@code
     * builder().wallet(signer)}.
     *
     * @param signer the wallet that signs
     * @return this builder
     * @throws LitValidationException if {@code signer} is null
     */
    public Builder wallet(EthSigner signer) {
      AuthNeededCallback cb = AuthNeededCallback.ethWallet(signer);
      return authNeededCallback(cb)
          .walletSigStoreKey(
              SessionKeyStore.WALLET_SIG + "-" + signer.address().toLowerCase(Locale.ROOT));
    }

    /**
     * The callback that signs the wallet SIWE (required).
     *
     * @param authNeededCallback the callback that signs the wallet SIWE (required)
     * @return this builder
     */
    public Builder authNeededCallback(AuthNeededCallback authNeededCallback) {
      this.callback = authNeededCallback;
      return this;
    }

    /**
     * The chain name (default {@code ethereum}).
     *
     * @param chain the chain name (default {@code ethereum})
     * @return this builder
     */
    public Builder chain(String chain) {
      this.chain = chain;
      return this;
    }

    /**
     * Session lifetime from now (default 24 h, at most 30 days).
     *
     * @param expiresIn Session lifetime from now (default 24 h, at most 30 days)
     * @return this builder
     */
    public Builder expiration(Duration expiresIn) {
      if (expiresIn == null) throw new LitValidationException("expiration is null");
      this.expiresIn = expiresIn;
      this.expiresAt = null;
      return this;
    }

    /**
     * Session expiry as an instant.
     *
     * @param expiresAt Session expiry as an instant
     * @return this builder
     */
    public Builder expiration(Instant expiresAt) {
      if (expiresAt == null) throw new LitValidationException("expiration is null");
      this.expiresAt = expiresAt;
      this.expiresIn = null;
      return this;
    }

    /**
     * A capacity delegation auth sig, placed first in the session capabilities.
     *
     * @param capacityDelegationAuthSig a capacity delegation auth sig, placed first in the session
     *     capabilities
     * @return this builder
     */
    public Builder capacityDelegationAuthSig(AuthSig capacityDelegationAuthSig) {
      this.capacityDelegationAuthSig = capacityDelegationAuthSig;
      return this;
    }

    /**
     * Whether a wallet should switch chain (passed to the callback).
     *
     * @param switchChain whether a wallet should switch chain (passed to the callback)
     * @return this builder
     */
    public Builder switchChain(boolean switchChain) {
      this.switchChain = switchChain;
      return this;
    }

    /**
     * Use this session key instead of the one in the client's {@link SessionKeyStore}.
     *
     * @param sessionKey the session key to use instead of the one in the client's {@link
     *     SessionKeyStore}
     * @return this builder
     */
    public Builder sessionKey(SessionKeyPair sessionKey) {
      this.sessionKey = sessionKey;
      return this;
    }

    /**
     * The store key of the wallet sig (default {@code lit-wallet-sig}, as the SDK).
     *
     * @param walletSigStoreKey the store key of the wallet sig (default {@code lit-wallet-sig}, as
     *     the SDK)
     * @return this builder
     * @throws LitValidationException at build time if it is not a valid store key
     */
    public Builder walletSigStoreKey(String walletSigStoreKey) {
      this.walletSigStoreKey = walletSigStoreKey;
      return this;
    }

    /**
     * The clock (default UTC system clock); for tests.
     *
     * @param clock the clock (default UTC system clock); for tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      if (clock == null) throw new LitValidationException("clock is null");
      this.clock = clock;
      return this;
    }

    /**
     * {@return the request}
     *
     * @throws LitValidationException naming the field that is missing or invalid
     */
    public SessionSigsRequest build() {
      StoreKeys.checkKey(walletSigStoreKey);
      return new SessionSigsRequest(this);
    }
  }
}
