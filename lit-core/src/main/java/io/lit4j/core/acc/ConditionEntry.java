package io.lit4j.core.acc;

/**
 * One element of a condition list: a {@link Condition}, a boolean {@link ConditionOperator} ({@code
 * {"operator":"and"}}), or a nested {@link ConditionGroup} (a JSON array).
 */
public sealed interface ConditionEntry permits Condition, ConditionOperator, ConditionGroup {}
