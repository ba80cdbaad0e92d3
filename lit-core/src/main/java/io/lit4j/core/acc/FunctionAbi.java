package io.lit4j.core.acc;

import java.util.List;

/**
 * The ABI of the function an {@link EvmContractCondition} calls, as the canonical form keeps it:
 * {@code name, inputs[{name,type}], outputs[{name,type}], constant, stateMutability}. The ABI's
 * {@code type} field is dropped; {@code constant} defaults to {@code false} when absent.
 *
 * @param name function name
 * @param inputs inputs, may be empty
 * @param outputs outputs, may be empty
 * @param constant the legacy {@code constant} flag
 * @param stateMutability e.g. {@code view}, {@code pure}
 */
public record FunctionAbi(
    String name,
    List<AbiParam> inputs,
    List<AbiParam> outputs,
    boolean constant,
    String stateMutability) {

  /**
   * @param name function name
   * @param inputs inputs, may be empty
   * @param outputs outputs, may be empty
   * @param constant the legacy {@code constant} flag
   * @param stateMutability e.g. {@code view}, {@code pure}
   * @throws InvalidAccessControlConditionsException naming the missing field
   */
  public FunctionAbi {
    Checks.nonBlank(name, "name");
    inputs = params(inputs, "inputs");
    outputs = params(outputs, "outputs");
    Checks.string(stateMutability, "stateMutability");
  }

  /**
   * {@return a function ABI with {@code constant = false}}
   *
   * @param name the function name
   * @param inputs the function's inputs, in order
   * @param outputs the function's outputs, in order
   * @param stateMutability e.g. {@code view} or {@code nonpayable}
   */
  public static FunctionAbi of(
      String name, List<AbiParam> inputs, List<AbiParam> outputs, String stateMutability) {
    return new FunctionAbi(name, inputs, outputs, false, stateMutability);
  }

  private static List<AbiParam> params(List<AbiParam> params, String field) {
    Checks.present(params, field);
    for (int i = 0; i < params.size(); i++) Checks.present(params.get(i), field + "[" + i + "]");
    return List.copyOf(params);
  }
}
