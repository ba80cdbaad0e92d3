package io.lit4j.core.acc;

/** Decides whether one condition holds; used by {@link AccessControlConditions#evaluate}. */
@FunctionalInterface
public interface ConditionEvaluator {
  /**
   * {@return whether {@code condition} is met for the request being checked}
   *
   * @param condition one condition of the list being evaluated
   */
  boolean isMet(Condition condition);
}
