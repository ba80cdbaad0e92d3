package io.lit4j.core.acc;

/**
 * The four ways a request can carry conditions, each under its own key. With several present, the
 * first non-empty one in this order wins (as in the JS SDK).
 */
public enum ConditionKind {
  /** {@code accessControlConditions}: basic EVM conditions only. */
  ACCESS_CONTROL_CONDITIONS("accessControlConditions"),
  /** {@code evmContractConditions}: EVM contract-call conditions only. */
  EVM_CONTRACT_CONDITIONS("evmContractConditions"),
  /** {@code solRpcConditions}: Solana RPC conditions only. */
  SOL_RPC_CONDITIONS("solRpcConditions"),
  /** {@code unifiedAccessControlConditions}: any mix, each tagged with {@code conditionType}. */
  UNIFIED_ACCESS_CONTROL_CONDITIONS("unifiedAccessControlConditions");

  private final String requestKey;

  ConditionKind(String requestKey) {
    this.requestKey = requestKey;
  }

  /** {@return the JSON key of this kind in SDK parameters and node request bodies} */
  public String requestKey() {
    return requestKey;
  }

  /**
   * {@return whether a condition of {@code type} may appear in a list of this kind}
   *
   * @param type the condition type to check
   */
  public boolean accepts(ConditionType type) {
    return switch (this) {
      case ACCESS_CONTROL_CONDITIONS -> type == ConditionType.EVM_BASIC;
      case EVM_CONTRACT_CONDITIONS -> type == ConditionType.EVM_CONTRACT;
      case SOL_RPC_CONDITIONS -> type == ConditionType.SOL_RPC;
      case UNIFIED_ACCESS_CONTROL_CONDITIONS -> true;
    };
  }
}
