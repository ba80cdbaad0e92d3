package io.lit4j.contracts;

import io.lit4j.core.errors.LitValidationException;
import java.util.List;
import java.util.Map;

/**
 * What a client reads from Staking to connect, from one {@link StakingContract#getNetworkState()}:
 * the validators of the current epoch minus the kicked ones, the threshold, the epoch number and
 * each active validator's share index.
 *
 * @param activeValidators the current epoch's unkicked validators, in Staking's order (as {@link
 *     StakingContract#getActiveValidators()})
 * @param minNodeCount {@code currentValidatorCountForConsensus()} (as {@link
 *     StakingContract#getMinNodeCount()}), at least 1
 * @param epochNumber {@code epoch().number} (as {@link StakingContract#getCurrentEpochNumber()})
 * @param shareIndices share index by node URL of the active validators (as {@link
 *     StakingContract#getShareIndices()})
 */
public record StakingNetworkState(
    List<StakingValidator> activeValidators,
    int minNodeCount,
    long epochNumber,
    Map<String, Integer> shareIndices) {

  /**
   * Copies the lists and checks the components.
   *
   * @param activeValidators the current epoch's unkicked validators
   * @param minNodeCount the threshold
   * @param epochNumber the epoch number
   * @param shareIndices share index by node URL
   */
  public StakingNetworkState {
    if (activeValidators == null || shareIndices == null)
      throw new LitValidationException("activeValidators and shareIndices must be given");
    if (minNodeCount < 1)
      throw new LitValidationException("minNodeCount must be at least 1, got " + minNodeCount);
    if (epochNumber < 0)
      throw new LitValidationException("epochNumber must not be negative, got " + epochNumber);
    activeValidators = List.copyOf(activeValidators);
    shareIndices =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shareIndices));
  }

  /** {@return the node URLs of the active validators, in order} */
  public List<String> nodeUrls() {
    return activeValidators.stream().map(StakingValidator::url).toList();
  }
}
