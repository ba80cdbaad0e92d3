package io.lit4j.node;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the client learns which nodes to talk to, at every connect and refresh.
 *
 * <p>{@link #of(List, int)} gives a fixed list; a source backed by the Staking contract (through
 * {@code LitContracts}) reads the current validators, threshold and epoch from the chain.
 */
public interface ValidatorSource {

  /**
   * The current validator set.
   *
   * @return a future completing with the set, or exceptionally with a {@link
   *     io.lit4j.core.errors.LitException} saying why it could not be read
   */
  CompletableFuture<ValidatorSet> currentValidators();

  /**
   * {@return a fixed list of nodes with a fixed threshold and epoch 0}
   *
   * @param nodeUrls the node URLs
   * @param minNodeCount the threshold
   * @throws io.lit4j.core.errors.LitValidationException if the URLs or threshold are invalid
   */
  static ValidatorSource of(List<String> nodeUrls, int minNodeCount) {
    ValidatorSet set = new ValidatorSet(nodeUrls, minNodeCount, 0);
    return new StaticValidatorSource(set);
  }
}
