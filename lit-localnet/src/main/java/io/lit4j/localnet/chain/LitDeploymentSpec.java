package io.lit4j.localnet.chain;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link LitDeployer} deploys: the validators to register, the network's secp256k1 root keys
 * (in derivation order) and the PKP mint cost.
 *
 * @param validators validators, at least one
 * @param rootKeys SEC1 secp256k1 root public keys (33 or 65 bytes), at least one; every PKP key is
 *     Σ kⁱ·rootᵢ over them, so gas grows with their number (3 is a good local choice)
 * @param mintCost PKP mint cost in wei, non-negative (Lit's default is 1)
 * @param epochLengthSeconds staking epoch length, positive
 */
public record LitDeploymentSpec(
    List<LitValidator> validators,
    List<byte[]> rootKeys,
    BigInteger mintCost,
    long epochLengthSeconds) {

  /**
   * Validates the components.
   *
   * @param validators validators, at least one
   * @param rootKeys SEC1 secp256k1 root public keys (33 or 65 bytes), at least one; every PKP key
   *     is Σ kⁱ·rootᵢ over them, so gas grows with their number (3 is a good local choice)
   * @param mintCost PKP mint cost in wei, non-negative (Lit's default is 1)
   * @param epochLengthSeconds staking epoch length, positive
   */
  public LitDeploymentSpec {
    if (validators == null || validators.isEmpty()) {
      throw new LitValidationException("validators must contain at least one validator");
    }
    if (rootKeys == null || rootKeys.isEmpty()) {
      throw new LitValidationException("rootKeys must contain at least one secp256k1 public key");
    }
    for (int i = 0; i < rootKeys.size(); i++) {
      byte[] k = rootKeys.get(i);
      boolean ok =
          k != null
              && ((k.length == 33 && (k[0] == 2 || k[0] == 3)) || (k.length == 65 && k[0] == 4));
      if (!ok) {
        throw new LitValidationException(
            "rootKeys[" + i + "] must be a 33-byte compressed or 65-byte uncompressed SEC1 key");
      }
    }
    if (mintCost == null || mintCost.signum() < 0) {
      throw new LitValidationException("mintCost must be non-negative, got " + mintCost);
    }
    if (epochLengthSeconds <= 0) {
      throw new LitValidationException(
          "epochLengthSeconds must be positive, got " + epochLengthSeconds);
    }
    validators = List.copyOf(validators);
    List<byte[]> copies = new ArrayList<>();
    rootKeys.forEach(k -> copies.add(k.clone()));
    rootKeys = List.copyOf(copies);
  }

  /**
   * @return a copy of the root keys (byte arrays are mutable)
   */
  @Override
  public List<byte[]> rootKeys() {
    List<byte[]> copies = new ArrayList<>();
    rootKeys.forEach(k -> copies.add(k.clone()));
    return List.copyOf(copies);
  }

  /**
   * @return a builder (mint cost 1 wei, epoch length 3600 s)
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LitDeploymentSpec}. */
  public static final class Builder {
    private final List<LitValidator> validators = new ArrayList<>();
    private final List<byte[]> rootKeys = new ArrayList<>();
    private BigInteger mintCost = BigInteger.ONE;
    private long epochLengthSeconds = 3600;

    private Builder() {}

    /**
     * @param validator a validator to register (in order)
     * @return this builder
     */
    public Builder validator(LitValidator validator) {
      validators.add(validator);
      return this;
    }

    /**
     * @param validators validators to register (in order)
     * @return this builder
     */
    public Builder validators(List<LitValidator> validators) {
      this.validators.addAll(validators);
      return this;
    }

    /**
     * @param rootKey a SEC1 secp256k1 root public key (appended: order is derivation order)
     * @return this builder
     */
    public Builder rootKey(byte[] rootKey) {
      rootKeys.add(rootKey);
      return this;
    }

    /**
     * @param rootKeys SEC1 secp256k1 root public keys, in derivation order
     * @return this builder
     */
    public Builder rootKeys(List<byte[]> rootKeys) {
      this.rootKeys.addAll(rootKeys);
      return this;
    }

    /**
     * @param mintCost PKP mint cost in wei
     * @return this builder
     */
    public Builder mintCost(BigInteger mintCost) {
      this.mintCost = mintCost;
      return this;
    }

    /**
     * @param seconds staking epoch length
     * @return this builder
     */
    public Builder epochLengthSeconds(long seconds) {
      this.epochLengthSeconds = seconds;
      return this;
    }

    /**
     * @return the spec
     * @throws LitValidationException if a part is missing or malformed
     */
    public LitDeploymentSpec build() {
      return new LitDeploymentSpec(validators, rootKeys, mintCost, epochLengthSeconds);
    }
  }
}
