package io.lit4j.auth.capacity;

import io.lit4j.auth.signer.EthSigner;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.core.constants.LitConstants;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.crypto.eth.EthAddress;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code createCapacityDelegationAuthSig} (JS SDK 4.2.0) needs: the owner of the capacity
 * credit NFT who signs, which NFT (or any of the owner's), who may use it, how many uses, and until
 * when. Defaults as in 4.2.0: {@code uses} {@code "1"}, domain {@code example.com}, expiration 7
 * minutes after the SIWE is issued. There is no statement: 4.2.0 ignores it and writes {@code ''}.
 *
 * <p>Delegatees: never setting them lets anyone use the credit (no {@code delegate_to} in the
 * ReCap); setting a list, even an empty one, writes {@code delegate_to}, as 4.2.0 writes any array
 * it is given.
 *
 * <pre>{@code
 * CapacityDelegation d = client.createCapacityDelegationAuthSig(CapacityDelegationRequest.builder()
 *     .signer(owner).capacityTokenId(credits.capacityTokenId())
 *     .delegatee(EthAddress.fromHex(pkp.ethAddress())).uses(1).build());
 * }</pre>
 *
 * {@code LitNodeClient} fills the nonce with the network's latest block hash and signs with {@link
 * #signer()}; {@link CapacityDelegation#create} takes the owner and needs {@link #nonce()}.
 */
public final class CapacityDelegationRequest {
  /** Default lifetime (7 minutes). */
  public static final Duration DEFAULT_TTL = LitConstants.CAPACITY_DELEGATION_DEFAULT_TTL;

  /** Default domain. */
  public static final String DEFAULT_DOMAIN = "example.com";

  private final EthSigner signer;
  private final String capacityTokenId;
  private final List<String> delegateeAddresses;
  private final String uses;
  private final String domain;
  private final String expiration;
  private final Duration lifetime;
  private final String nonce;
  private final Clock clock;

  private CapacityDelegationRequest(Builder b) {
    if (b.usesTooLow != null)
      throw new LitValidationException("uses must be at least 1, got " + b.usesTooLow);
    if (b.uses == null || b.uses.isEmpty()) throw new LitValidationException("uses is missing");
    if (b.domain == null || b.domain.isEmpty())
      throw new LitValidationException("domain is missing");
    if (b.nonce != null && b.nonce.isEmpty())
      throw new LitValidationException("nonce is empty: use the network's latest block hash");
    if (b.lifetime != null && (b.lifetime.isNegative() || b.lifetime.isZero()))
      throw new LitValidationException("expiration must be in the future, got " + b.lifetime);
    this.signer = b.signer;
    this.capacityTokenId = b.capacityTokenId;
    this.delegateeAddresses =
        b.delegatees == null ? null : Args.listCopy(b.delegatees, "delegateeAddresses");
    this.uses = b.uses;
    this.domain = b.domain;
    this.expiration = b.expiration;
    this.lifetime = b.lifetime;
    this.nonce = b.nonce;
    this.clock = b.clock;
  }

  /** {@return a builder with the SDK defaults (1 use, domain {@code example.com}, 7 minutes)} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the capacity credit owner who signs, if set (LitNodeClient requires it)} */
  public Optional<EthSigner> signer() {
    return Optional.ofNullable(signer);
  }

  /** {@return the capacity credit NFT id (decimal), or empty for {@code *}} */
  public Optional<String> capacityTokenId() {
    return Optional.ofNullable(capacityTokenId);
  }

  /**
   * Who may use the credit, as written to {@code delegate_to} (after {@code 0x} is stripped, case
   * kept): empty for anyone (no {@code delegate_to}); a present list, even an empty one, is
   * written.
   *
   * @return the delegatee addresses, if set
   */
  public Optional<List<String>> delegateeAddresses() {
    return Optional.ofNullable(delegateeAddresses);
  }

  /** {@return how many uses, as a decimal string} */
  public String uses() {
    return uses;
  }

  /** {@return the SIWE domain} */
  public String domain() {
    return domain;
  }

  /** {@return the Expiration Time given verbatim or as an instant, if any} */
  public Optional<String> expiration() {
    return Optional.ofNullable(expiration);
  }

  /** {@return the lifetime after the issue time, if given instead of an expiration time} */
  public Optional<Duration> lifetime() {
    return Optional.ofNullable(lifetime);
  }

  /** {@return the SIWE nonce (the network's latest block hash), if set} */
  public Optional<String> nonce() {
    return Optional.ofNullable(nonce);
  }

  /** {@return the clock that gives the issue time (default: system UTC)} */
  public Clock clock() {
    return clock;
  }

  /**
   * The SIWE Expiration Time for a SIWE issued at {@code issuedAt}: the expiration given, else
   * {@code issuedAt} plus the lifetime (default {@link #DEFAULT_TTL}).
   *
   * @param issuedAt the SIWE's issue time
   * @return the Expiration Time text
   */
  public String expirationTime(Instant issuedAt) {
    Args.required(issuedAt, "issuedAt");
    if (expiration != null) return expiration;
    return IsoTime.toIsoString(issuedAt.plus(lifetime != null ? lifetime : DEFAULT_TTL));
  }

  /**
   * {@return this request with {@code nonce} as the SIWE nonce}
   *
   * @param nonce the network's latest block hash
   * @throws LitValidationException when {@code nonce} is missing or empty
   */
  public CapacityDelegationRequest withNonce(String nonce) {
    if (nonce == null || nonce.isEmpty())
      throw new LitValidationException("nonce is missing: use the network's latest block hash");
    Builder b = toBuilder();
    b.nonce = nonce;
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.signer = signer;
    b.capacityTokenId = capacityTokenId;
    b.delegatees = delegateeAddresses == null ? null : new ArrayList<>(delegateeAddresses);
    b.uses = uses;
    b.domain = domain;
    b.expiration = expiration;
    b.lifetime = lifetime;
    b.nonce = nonce;
    b.clock = clock;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapacityDelegationRequest r
        && Objects.equals(signer, r.signer)
        && Objects.equals(capacityTokenId, r.capacityTokenId)
        && Objects.equals(delegateeAddresses, r.delegateeAddresses)
        && uses.equals(r.uses)
        && domain.equals(r.domain)
        && Objects.equals(expiration, r.expiration)
        && Objects.equals(lifetime, r.lifetime)
        && Objects.equals(nonce, r.nonce)
        && clock.equals(r.clock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(capacityTokenId, delegateeAddresses, uses, domain, expiration, nonce);
  }

  @Override
  public String toString() {
    return "CapacityDelegationRequest[capacityTokenId="
        + capacityTokenId
        + ", delegateeAddresses="
        + delegateeAddresses
        + ", uses="
        + uses
        + ", domain="
        + domain
        + ", expiration="
        + (expiration != null ? expiration : lifetime)
        + ", nonce="
        + nonce
        + "]";
  }

  /** Builder of {@link CapacityDelegationRequest}. */
  public static final class Builder {
    private EthSigner signer;
    private String capacityTokenId;
    private List<String> delegatees;
    private String uses = "1";
    private Long usesTooLow;
    private String domain = DEFAULT_DOMAIN;
    private String expiration;
    private Duration lifetime;
    private String nonce;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The capacity credit owner, who signs (required by {@code LitNodeClient}).
     *
     * @param signer the owner's signer
     * @return this builder
     */
    public Builder signer(EthSigner signer) {
      this.signer = signer;
      return this;
    }

    /**
     * The capacity credit NFT id; not set means {@code *} (any of the owner's).
     *
     * @param capacityTokenId the NFT id, decimal
     * @return this builder
     * @throws LitValidationException when it is not a decimal number
     */
    public Builder capacityTokenId(String capacityTokenId) {
      if (capacityTokenId != null && !capacityTokenId.matches("[0-9]+")) {
        throw new LitValidationException(
            "capacityTokenId must be a decimal token id, got '" + capacityTokenId + "'");
      }
      this.capacityTokenId = capacityTokenId;
      return this;
    }

    /**
     * The capacity credit NFT id.
     *
     * @param capacityTokenId the NFT id
     * @return this builder
     * @throws LitValidationException when it is missing or negative
     */
    public Builder capacityTokenId(BigInteger capacityTokenId) {
      if (capacityTokenId == null || capacityTokenId.signum() < 0)
        throw new LitValidationException("capacityTokenId must be a non-negative number");
      this.capacityTokenId = capacityTokenId.toString();
      return this;
    }

    /**
     * Adds a delegatee, written in its EIP-55 form without {@code 0x}.
     *
     * @param address a delegatee address
     * @return this builder
     */
    public Builder delegatee(EthAddress address) {
      Args.required(address, "delegatee");
      if (delegatees == null) delegatees = new ArrayList<>();
      delegatees.add(address.checksummed());
      return this;
    }

    /**
     * Sets the delegatees (EIP-55 form without {@code 0x}); an empty list writes {@code
     * "delegate_to":[]}, as 4.2.0 does.
     *
     * @param addresses the delegatees
     * @return this builder
     */
    public Builder delegatees(List<EthAddress> addresses) {
      Args.listCopy(addresses, "delegatees");
      this.delegatees = new ArrayList<>();
      for (EthAddress a : addresses) delegatees.add(a.checksummed());
      return this;
    }

    /**
     * Sets the delegatees as strings, written as given without {@code 0x} (case kept); an empty
     * list writes {@code "delegate_to":[]}, as 4.2.0 does for {@code delegateeAddresses: []}.
     *
     * @param addresses who may use the capacity
     * @return this builder
     */
    public Builder delegateeAddresses(List<String> addresses) {
      this.delegatees = new ArrayList<>(Args.listCopy(addresses, "delegateeAddresses"));
      return this;
    }

    /**
     * How many uses, written verbatim (default {@code "1"}).
     *
     * @param uses the number of uses as a decimal string
     * @return this builder
     */
    public Builder uses(String uses) {
      this.uses = uses;
      this.usesTooLow = null;
      return this;
    }

    /**
     * How many uses, written as a decimal string (at least 1).
     *
     * @param uses the number of uses
     * @return this builder
     */
    public Builder uses(long uses) {
      this.uses = Long.toString(uses);
      this.usesTooLow = uses < 1 ? uses : null;
      return this;
    }

    /**
     * The SIWE domain (default {@code example.com}).
     *
     * @param domain the domain
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * The Expiration Time, verbatim.
     *
     * @param expiration an ISO-8601 time, as the SIWE will carry it
     * @return this builder
     */
    public Builder expiration(String expiration) {
      this.expiration = expiration;
      this.lifetime = null;
      return this;
    }

    /**
     * The Expiration Time as an instant.
     *
     * @param expiresAt the expiry instant
     * @return this builder
     */
    public Builder expiration(Instant expiresAt) {
      this.expiration = expiresAt == null ? null : IsoTime.toIsoString(expiresAt);
      this.lifetime = null;
      return this;
    }

    /**
     * The lifetime after the SIWE's issue time (default 7 minutes).
     *
     * @param lifetime how long the delegation lasts
     * @return this builder
     */
    public Builder expiration(Duration lifetime) {
      this.lifetime = lifetime;
      this.expiration = null;
      return this;
    }

    /**
     * The SIWE nonce: the network's latest block hash ({@code LitNodeClient} fills it).
     *
     * @param nonce the nonce
     * @return this builder
     */
    public Builder nonce(String nonce) {
      this.nonce = nonce;
      return this;
    }

    /**
     * The clock that gives the issue time (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Args.required(clock, "clock");
      return this;
    }

    /**
     * Builds and validates.
     *
     * @return the request
     * @throws LitValidationException naming what is missing or invalid
     */
    public CapacityDelegationRequest build() {
      return new CapacityDelegationRequest(this);
    }
  }
}
