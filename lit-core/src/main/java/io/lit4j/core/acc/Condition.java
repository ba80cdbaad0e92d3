package io.lit4j.core.acc;

/** A single condition a node evaluates to true or false. */
public sealed interface Condition extends ConditionEntry
    permits EvmBasicCondition, EvmContractCondition, SolRpcCondition, CosmosCondition {
  /** {@return the kind of condition ({@code conditionType} in unified lists)} */
  ConditionType conditionType();

  /** {@return the chain the condition is evaluated on, e.g. {@code ethereum}} */
  String chain();

  /** {@return how the node compares the value it reads} */
  ReturnValueTest returnValueTest();
}
