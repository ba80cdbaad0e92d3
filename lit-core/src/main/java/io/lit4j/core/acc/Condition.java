package io.lit4j.core.acc;

/** A single condition a node evaluates to true or false. */
public sealed interface Condition extends ConditionEntry
    permits EvmBasicCondition, EvmContractCondition, SolRpcCondition, CosmosCondition {
  /**
   * The kind of condition ({@code conditionType} in unified lists).
   *
   * @return the kind of condition ({@code conditionType} in unified lists)
   */
  ConditionType conditionType();

  /**
   * The chain the condition is evaluated on, e.g. {@code ethereum}.
   *
   * @return the chain the condition is evaluated on, e.g. {@code ethereum}
   */
  String chain();

  /**
   * How the node compares the value it reads.
   *
   * @return how the node compares the value it reads
   */
  ReturnValueTest returnValueTest();
}
