package io.lit4j.node.discovery;

import io.lit4j.contracts.LitContracts;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ValidatorSource} reading the Staking contract through {@link LitContracts}, as the JS
 * SDK 4.2.0 does at every connect: the current validators minus the kicked ones (URLs
 * {@code http://ip:port}, {@code https://} for port 443), {@code currentValidatorCountForConsensus()}
 * as the threshold, and {@code epoch().number}. The three reads run in parallel.
 *
 * <p>The caller owns {@code contracts} and closes it.
 */
public final class StakingValidatorSource implements ValidatorSource {
  private final LitContracts contracts;

  /** @throws LitValidationException if {@code contracts} is null */
  public StakingValidatorSource(LitContracts contracts) {
    if (contracts == null) throw new LitValidationException("contracts is missing");
    this.contracts = contracts;
  }

  /**
   * Reads the set from the chain.
   *
   * @return a future failing with a {@link io.lit4j.core.errors.LitContractException} when a read
   *     fails or the threshold is 0, or a {@link LitException} when Staking lists no usable
   *     validators or fewer than the threshold
   */
  @Override
  public CompletableFuture<ValidatorSet> currentValidators() {
    CompletableFuture<List<String>> urls = contracts.getValidatorsAsync();
    CompletableFuture<Integer> threshold = contracts.getMinNodeCountAsync();
    CompletableFuture<Long> epoch = contracts.getCurrentEpochNumberAsync();
    return CompletableFuture.allOf(urls, threshold, epoch).thenApply(v -> {
      List<String> nodes = urls.join();
      int t = threshold.join();
      if (nodes.isEmpty()) {
        throw LitException.builder().message("the Staking contract lists no active (unkicked) validators in the current epoch")
            .errorCode("init_error").errorKind("Unexpected").build();
      }
      if (nodes.size() < t) {
        throw LitException.builder()
            .message("the Staking contract lists " + nodes.size() + " active validators, fewer than its threshold "
                + t + "; the network cannot answer requests: " + nodes)
            .nodeUrls(nodes).errorCode("init_error").errorKind("Unexpected").build();
      }
      return new ValidatorSet(nodes, t, epoch.join());
    });
  }

  @Override
  public String toString() {
    return "StakingValidatorSource[" + contracts + "]";
  }
}
