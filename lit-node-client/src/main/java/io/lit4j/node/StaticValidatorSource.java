package io.lit4j.node;

import java.util.concurrent.CompletableFuture;

/** A {@link ValidatorSource} that always answers the same set. */
public final class StaticValidatorSource implements ValidatorSource {
  private final ValidatorSet set;

  /**
   * @param set the set to answer
   * @throws io.lit4j.core.errors.LitValidationException if {@code set} is null
   */
  public StaticValidatorSource(ValidatorSet set) {
    if (set == null)
      throw new io.lit4j.core.errors.LitValidationException("validator set is missing");
    this.set = set;
  }

  /** {@return the fixed set} */
  public ValidatorSet validatorSet() {
    return set;
  }

  @Override
  public CompletableFuture<ValidatorSet> currentValidators() {
    return CompletableFuture.completedFuture(set);
  }

  @Override
  public String toString() {
    return "StaticValidatorSource" + set.nodeUrls() + " minNodeCount=" + set.minNodeCount();
  }
}
