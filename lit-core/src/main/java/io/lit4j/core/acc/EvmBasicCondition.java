package io.lit4j.core.acc;

import java.util.List;

/**
 * A basic EVM condition (an entry of {@code accessControlConditions}, or {@code conditionType:
 * "evmBasic"} in unified lists). Canonical form, in this order: {@code contractAddress, chain,
 * standardContractType, method, parameters, returnValueTest{comparator, value}}.
 *
 * <p>Example, "any wallet": {@code new EvmBasicCondition("", "ethereum", "", "eth_getBalance",
 * List.of(":userAddress", "latest"), ReturnValueTest.of(">=", "0"))}.
 *
 * @param contractAddress contract address, {@code ""} for none
 * @param chain chain name, e.g. {@code ethereum}
 * @param standardContractType e.g. {@code ""}, {@code ERC20}, {@code ERC721}, {@code timestamp},
 *     {@code LitAction}
 * @param method method or RPC call, e.g. {@code eth_getBalance}, {@code balanceOf}, {@code ""}
 * @param parameters call parameters; may contain {@code :userAddress}, {@code
 *     :currentActionIpfsId}, {@code :litParam:<name>}
 * @param returnValueTest the comparison; a {@code key} it carries is not part of the canonical form
 */
public record EvmBasicCondition(
    String contractAddress,
    String chain,
    String standardContractType,
    String method,
    List<String> parameters,
    ReturnValueTest returnValueTest)
    implements Condition {

  /**
   * @param contractAddress contract address, {@code ""} for none
   * @param chain chain name, e.g. {@code ethereum}
   * @param standardContractType e.g. {@code ""}, {@code ERC20}, {@code ERC721}, {@code timestamp},
   *     {@code LitAction}
   * @param method method or RPC call, e.g. {@code eth_getBalance}, {@code balanceOf}, {@code ""}
   * @param parameters call parameters; may contain {@code :userAddress}, {@code
   *     :currentActionIpfsId}, {@code :litParam:<name>}
   * @param returnValueTest the comparison; a {@code key} it carries is not part of the canonical
   *     form
   * @throws InvalidAccessControlConditionsException naming the missing or blank field
   */
  public EvmBasicCondition {
    Checks.string(contractAddress, "contractAddress");
    Checks.nonBlank(chain, "chain");
    Checks.string(standardContractType, "standardContractType");
    Checks.string(method, "method");
    parameters = Checks.strings(parameters, "parameters");
    Checks.present(returnValueTest, "returnValueTest");
  }

  @Override
  public ConditionType conditionType() {
    return ConditionType.EVM_BASIC;
  }
}
