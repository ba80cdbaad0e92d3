package io.lit4j.core.acc;

/**
 * The kind of one condition, as the {@code conditionType} field of a unified condition names it.
 * Only unified conditions carry the field; it is dropped from the canonical form.
 */
public enum ConditionType {
  /** Basic EVM condition ({@link EvmBasicCondition}). */
  EVM_BASIC("evmBasic"),
  /** Custom EVM contract call ({@link EvmContractCondition}). */
  EVM_CONTRACT("evmContract"),
  /** Solana RPC condition ({@link SolRpcCondition}). */
  SOL_RPC("solRpc"),
  /** Cosmos condition ({@link CosmosCondition}); only inside unified conditions. */
  COSMOS("cosmos");

  private final String wireName;

  ConditionType(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the {@code conditionType} value, e.g. {@code evmBasic}} */
  public String wireName() {
    return wireName;
  }

  /**
   * {@return the type with this {@code conditionType} value}
   *
   * @param name the {@code conditionType} JSON value, e.g. {@code evmBasic}
   * @throws InvalidAccessControlConditionsException naming {@code conditionType} for any other
   *     value
   */
  public static ConditionType fromWireName(String name) {
    for (ConditionType t : values()) {
      if (t.wireName.equals(name)) return t;
    }
    throw new InvalidAccessControlConditionsException(
        "conditionType", "'" + name + "' is not one of evmBasic, evmContract, solRpc, cosmos");
  }
}
