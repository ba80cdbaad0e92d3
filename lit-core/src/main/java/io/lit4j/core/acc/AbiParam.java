package io.lit4j.core.acc;

/**
 * One input or output of a contract function ABI, reduced to what the canonical form keeps ({@code
 * internalType} and {@code components} are dropped).
 *
 * @param name parameter name, may be {@code ""}
 * @param type Solidity type, e.g. {@code address}, {@code uint256}
 */
public record AbiParam(String name, String type) {
  /**
   * @param name parameter name, may be {@code ""}
   * @param type Solidity type, e.g. {@code address}, {@code uint256}
   * @throws InvalidAccessControlConditionsException naming the missing field
   */
  public AbiParam {
    Checks.string(name, "name");
    Checks.nonBlank(type, "type");
  }
}
