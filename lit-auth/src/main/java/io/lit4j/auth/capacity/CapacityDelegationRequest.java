package io.lit4j.auth.capacity;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@code createCapacityDelegationAuthSig} (JS SDK 4.2.0), with its defaults: {@code uses}
 * {@code "1"}, domain {@code example.com}, expiration now + 7 min. There is no statement: 4.2.0
 * ignores it and always writes {@code ''}.
 *
 * @param capacityTokenId the capacity credit NFT id, or empty for {@code *}
 * @param delegateeAddresses who may use it ({@code 0x} is stripped, case kept): absent for anyone
 *     (no {@code delegate_to} in the ReCap); a present list, even an empty one, is written as
 *     {@code delegate_to}, as 4.2.0 writes any array it is given
 * @param uses how many uses, as a decimal string
 * @param domain the SIWE domain
 * @param expiration verbatim ISO expiration, or empty for now + 7 min
 * @param nonce the SIWE nonce (the network's latest block hash)
 */
public record CapacityDelegationRequest(
    Optional<String> capacityTokenId,
    Optional<List<String>> delegateeAddresses,
    String uses,
    String domain,
    Optional<String> expiration,
    String nonce) {
  /** Default lifetime (7 minutes). */
  public static final Duration DEFAULT_TTL =
      io.lit4j.core.constants.LitConstants.CAPACITY_DELEGATION_DEFAULT_TTL;

  /** Default domain. */
  public static final String DEFAULT_DOMAIN = "example.com";

  /**
   * @param capacityTokenId the capacity credit NFT id, or empty for {@code *}
   * @param delegateeAddresses who may use it ({@code 0x} is stripped, case kept); absent for
   *     anyone, present (even empty) to write {@code delegate_to}
   * @param uses how many uses, as a decimal string
   * @param domain the SIWE domain
   * @param expiration verbatim ISO expiration, or empty for now + 7 min
   * @param nonce the SIWE nonce (the network's latest block hash)
   * @throws LitValidationException when a field is missing or empty
   */
  public CapacityDelegationRequest {
    Args.required(capacityTokenId, "capacityTokenId");
    Args.required(expiration, "expiration");
    Args.required(delegateeAddresses, "delegateeAddresses");
    delegateeAddresses = delegateeAddresses.map(list -> Args.listCopy(list, "delegateeAddresses"));
    if (uses == null || uses.isEmpty()) throw new LitValidationException("uses is missing");
    if (domain == null || domain.isEmpty()) throw new LitValidationException("domain is missing");
    if (nonce == null || nonce.isEmpty())
      throw new LitValidationException("nonce is missing: use the network's latest block hash");
    capacityTokenId.ifPresent(
        id -> {
          if (id.isEmpty()) throw new LitValidationException("capacityTokenId is empty");
        });
  }

  /** {@return a builder with the SDK defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link CapacityDelegationRequest}. */
  public static final class Builder {
    private String capacityTokenId;
    private List<String> delegatees;
    private String uses = "1";
    private String domain = DEFAULT_DOMAIN;
    private String expiration;
    private String nonce;

    private Builder() {}

    /**
     * Sets {@code capacityTokenId}; returns this builder.
     *
     * @param id {@code capacityTokenId}; returns this builder
     * @return this builder
     */
    public Builder capacityTokenId(String id) {
      this.capacityTokenId = id;
      return this;
    }

    /**
     * Restricts the delegation to these addresses. Not calling this lets anyone use it (no {@code
     * delegate_to}); calling it with an empty list writes {@code "delegate_to":[]}, as 4.2.0 does
     * for {@code delegateeAddresses: []}.
     *
     * @param addresses who may use the capacity
     * @return this builder
     */
    public Builder delegateeAddresses(List<String> addresses) {
      this.delegatees = Args.listCopy(addresses, "delegateeAddresses");
      return this;
    }

    /**
     * Sets {@code uses}; returns this builder.
     *
     * @param uses {@code uses}; returns this builder
     * @return this builder
     */
    public Builder uses(String uses) {
      this.uses = uses;
      return this;
    }

    /**
     * {@code uses} as a number; written as its decimal string.
     *
     * @param uses {@code uses} as a number; written as its decimal string
     * @return this builder
     */
    public Builder uses(long uses) {
      this.uses = Long.toString(uses);
      return this;
    }

    /**
     * Sets {@code domain}; returns this builder.
     *
     * @param domain {@code domain}; returns this builder
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * Sets {@code expiration}; returns this builder.
     *
     * @param expiration {@code expiration}; returns this builder
     * @return this builder
     */
    public Builder expiration(String expiration) {
      this.expiration = expiration;
      return this;
    }

    /**
     * Sets {@code nonce}; returns this builder.
     *
     * @param nonce {@code nonce}; returns this builder
     * @return this builder
     */
    public Builder nonce(String nonce) {
      this.nonce = nonce;
      return this;
    }

    /**
     * Builds and validates.
     *
     * @return the request
     */
    public CapacityDelegationRequest build() {
      return new CapacityDelegationRequest(
          Optional.ofNullable(capacityTokenId),
          Optional.ofNullable(delegatees),
          uses,
          domain,
          Optional.ofNullable(expiration),
          nonce);
    }
  }
}
