package io.lit4j.core.acc;

import java.util.List;

/**
 * A custom EVM contract-call condition (an entry of {@code evmContractConditions}, or {@code
 * conditionType: "evmContract"}). Canonical form, in this order: {@code contractAddress,
 * functionName, functionParams, functionAbi, chain, returnValueTest{key, comparator, value}}.
 *
 * @param contractAddress the contract called
 * @param functionName the function called
 * @param functionParams its arguments, may use {@code :userAddress}
 * @param functionAbi the function's ABI
 * @param chain chain name
 * @param returnValueTest the comparison; {@code key} names an output ({@code ""} for the only one)
 */
public record EvmContractCondition(
    String contractAddress,
    String functionName,
    List<String> functionParams,
    FunctionAbi functionAbi,
    String chain,
    ReturnValueTest returnValueTest)
    implements Condition {

  /**
   * @param contractAddress the contract called
   * @param functionName the function called
   * @param functionParams its arguments, may use {@code :userAddress}
   * @param functionAbi the function's ABI
   * @param chain chain name
   * @param returnValueTest the comparison; {@code key} names an output ({@code ""} for the only
   *     one)
   * @throws InvalidAccessControlConditionsException naming the missing or blank field
   */
  public EvmContractCondition {
    Checks.string(contractAddress, "contractAddress");
    Checks.string(functionName, "functionName");
    functionParams = Checks.strings(functionParams, "functionParams");
    Checks.present(functionAbi, "functionAbi");
    Checks.nonBlank(chain, "chain");
    Checks.present(returnValueTest, "returnValueTest");
  }

  @Override
  public ConditionType conditionType() {
    return ConditionType.EVM_CONTRACT;
  }
}
