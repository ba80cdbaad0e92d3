package io.lit4j.node;

import io.lit4j.auth.signer.EthSigner;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.EthAddress;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code createCapacityDelegationAuthSig} needs: the owner of the capacity credit NFT who
 * signs, which NFT (or any of the owner's), who may use it, how many uses, and until when (default
 * 7 minutes, as in the SDK).
 *
 * <pre>{@code
 * CapacityDelegation d = client.createCapacityDelegationAuthSig(CapacityDelegationRequest.builder()
 *     .signer(owner).capacityTokenId(credits.capacityTokenId()).delegatee(EthAddress.fromHex(pkp.ethAddress())).uses(1).build());
 * }</pre>
 */
public final class CapacityDelegationRequest {
  private final EthSigner signer;
  private final String capacityTokenId;
  private final List<EthAddress> delegatees;
  private final long uses;
  private final String domain;
  private final Duration expiresIn;
  private final Instant expiresAt;
  private final Clock clock;

  private CapacityDelegationRequest(Builder b) {
    if (b.signer == null)
      throw new LitValidationException(
          "signer is missing: the capacity credit owner signs the delegation");
    if (b.uses < 1) throw new LitValidationException("uses must be at least 1, got " + b.uses);
    if (b.domain == null || b.domain.isEmpty()) throw new LitValidationException("domain is empty");
    if (b.expiresIn != null && (b.expiresIn.isNegative() || b.expiresIn.isZero())) {
      throw new LitValidationException("expiration must be in the future, got " + b.expiresIn);
    }
    for (EthAddress d : b.delegatees)
      if (d == null) throw new LitValidationException("delegatees holds a null");
    this.signer = b.signer;
    this.capacityTokenId = b.capacityTokenId;
    this.delegatees = List.copyOf(b.delegatees);
    this.uses = b.uses;
    this.domain = b.domain;
    this.expiresIn = b.expiresIn;
    this.expiresAt = b.expiresAt;
    this.clock = b.clock;
  }

  /** {@return a builder with the SDK defaults (1 use, domain {@code example.com}, 7 minutes)} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the owner who signs} */
  public EthSigner signer() {
    return signer;
  }

  /**
   * The capacity credit NFT id, if set ({@code *} otherwise).
   *
   * @return the NFT id, or empty for {@code *}
   */
  public Optional<String> capacityTokenId() {
    return Optional.ofNullable(capacityTokenId);
  }

  /** {@return who may use it (empty: anyone)} */
  public List<EthAddress> delegatees() {
    return delegatees;
  }

  /** {@return the number of uses} */
  public long uses() {
    return uses;
  }

  /** {@return the clock} */
  public Clock clock() {
    return clock;
  }

  /**
   * {@return the lit-auth request with {@code nonce} (the network's latest block hash)}
   *
   * @param nonce the network's latest block hash
   */
  public io.lit4j.auth.capacity.CapacityDelegationRequest toAuthRequest(String nonce) {
    io.lit4j.auth.capacity.CapacityDelegationRequest.Builder b =
        io.lit4j.auth.capacity.CapacityDelegationRequest.builder()
            .uses(uses)
            .domain(domain)
            .nonce(nonce);
    // no delegatees: the field is left out, as 4.2.0 leaves it out when none are given
    if (!delegatees.isEmpty())
      b.delegateeAddresses(delegatees.stream().map(EthAddress::checksummed).toList());
    if (capacityTokenId != null) b.capacityTokenId(capacityTokenId);
    if (expiresAt != null) b.expiration(IsoTime.toIsoString(expiresAt));
    if (expiresIn != null) b.expiration(IsoTime.toIsoString(clock.instant().plus(expiresIn)));
    return b.build();
  }

  /** Builds {@link CapacityDelegationRequest}. */
  public static final class Builder {
    private EthSigner signer;
    private String capacityTokenId;
    private final List<EthAddress> delegatees = new ArrayList<>();
    private long uses = 1;
    private String domain = io.lit4j.auth.capacity.CapacityDelegationRequest.DEFAULT_DOMAIN;
    private Duration expiresIn;
    private Instant expiresAt;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The capacity credit owner (required).
     *
     * @param signer the capacity credit owner (required)
     * @return this builder
     */
    public Builder signer(EthSigner signer) {
      this.signer = signer;
      return this;
    }

    /**
     * The NFT id, decimal.
     *
     * @param capacityTokenId the NFT id, decimal
     * @return this builder
     */
    public Builder capacityTokenId(String capacityTokenId) {
      if (capacityTokenId != null && !capacityTokenId.matches("[0-9]+")) {
        throw new LitValidationException(
            "capacityTokenId must be a decimal token id, got " + capacityTokenId);
      }
      this.capacityTokenId = capacityTokenId;
      return this;
    }

    /**
     * The NFT id.
     *
     * @param capacityTokenId the NFT id
     * @return this builder
     */
    public Builder capacityTokenId(BigInteger capacityTokenId) {
      if (capacityTokenId == null || capacityTokenId.signum() < 0)
        throw new LitValidationException("capacityTokenId must be a non-negative number");
      this.capacityTokenId = capacityTokenId.toString();
      return this;
    }

    /**
     * Adds a delegatee (written to the ReCap in its EIP-55 form, without {@code 0x}).
     *
     * @param address a delegatee address
     * @return this builder
     */
    public Builder delegatee(EthAddress address) {
      delegatees.add(address);
      return this;
    }

    /**
     * Sets the delegatees.
     *
     * @param addresses the delegatees
     * @return this builder
     */
    public Builder delegatees(List<EthAddress> addresses) {
      if (addresses == null) throw new LitValidationException("delegatees is null");
      delegatees.clear();
      delegatees.addAll(addresses);
      return this;
    }

    /**
     * Number of uses (default 1).
     *
     * @param uses Number of uses (default 1)
     * @return this builder
     */
    public Builder uses(long uses) {
      this.uses = uses;
      return this;
    }

    /**
     * SIWE domain (default {@code example.com}).
     *
     * @param domain SIWE domain (default {@code example.com})
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * Lifetime (default 7 minutes).
     *
     * @param expiresIn Lifetime (default 7 minutes)
     * @return this builder
     */
    public Builder expiration(Duration expiresIn) {
      this.expiresIn = expiresIn;
      this.expiresAt = null;
      return this;
    }

    /**
     * Expiry instant.
     *
     * @param expiresAt Expiry instant
     * @return this builder
     */
    public Builder expiration(Instant expiresAt) {
      this.expiresAt = expiresAt;
      this.expiresIn = null;
      return this;
    }

    /**
     * The clock (default UTC system clock).
     *
     * @param clock the clock (default UTC system clock)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      if (clock == null) throw new LitValidationException("clock is null");
      this.clock = clock;
      return this;
    }

    /**
     * {@return the parameters}
     *
     * @throws LitValidationException naming what is missing or invalid
     */
    public CapacityDelegationRequest build() {
      return new CapacityDelegationRequest(this);
    }
  }
}
