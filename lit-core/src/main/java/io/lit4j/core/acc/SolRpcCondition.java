package io.lit4j.core.acc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Solana RPC condition (an entry of {@code solRpcConditions}, or {@code conditionType:
 * "solRpc"}).
 *
 * <p>Two canonical forms, chosen as the JS SDK 4.2.0 chooses them:
 *
 * <ul>
 *   <li><b>v2</b>, when {@code pdaParams} is present, and always inside unified lists: {@code
 *       method, params, pdaParams, pdaInterface{offset, fields}, pdaKey, chain,
 *       returnValueTest{key, comparator, value}} (an absent {@code pdaParams} is omitted);
 *   <li><b>v1</b> otherwise: {@code method, params, chain, returnValueTest}; any {@code
 *       pdaInterface}/{@code pdaKey} is dropped.
 * </ul>
 *
 * Build with {@link #builder()}.
 */
public final class SolRpcCondition implements Condition {
  private final String method;
  private final List<String> params;
  private final List<String> pdaParams;
  private final PdaInterface pdaInterface;
  private final String pdaKey;
  private final String chain;
  private final ReturnValueTest returnValueTest;

  private SolRpcCondition(Builder b) {
    this.method = Checks.string(b.method, "method");
    this.params = Checks.strings(b.params, "params");
    this.pdaParams = b.pdaParams == null ? null : Checks.strings(b.pdaParams, "pdaParams");
    this.pdaInterface = b.pdaInterface;
    this.pdaKey = b.pdaKey;
    this.chain = Checks.nonBlank(b.chain, "chain");
    this.returnValueTest = Checks.present(b.returnValueTest, "returnValueTest");
    if (pdaParams != null) requireV2Fields();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the RPC method, e.g. {@code getBalance}} */
  public String method() {
    return method;
  }

  /** {@return the RPC parameters, e.g. {@code [":userAddress"]}} */
  public List<String> params() {
    return params;
  }

  /**
   * Seeds of the program-derived account; present makes this a v2 condition.
   *
   * @return the PDA seeds, or empty for a v1 condition
   */
  public Optional<List<String>> pdaParams() {
    return Optional.ofNullable(pdaParams);
  }

  /** {@return where to read inside the program-derived account} */
  public Optional<PdaInterface> pdaInterface() {
    return Optional.ofNullable(pdaInterface);
  }

  /** {@return the field of {@link #pdaInterface()} to compare} */
  public Optional<String> pdaKey() {
    return Optional.ofNullable(pdaKey);
  }

  @Override
  public String chain() {
    return chain;
  }

  @Override
  public ReturnValueTest returnValueTest() {
    return returnValueTest;
  }

  @Override
  public ConditionType conditionType() {
    return ConditionType.SOL_RPC;
  }

  /**
   * {@return whether the canonical form outside unified lists is v2 (that is, {@code pdaParams} is
   * present)}
   */
  public boolean isV2() {
    return pdaParams != null;
  }

  void requireV2Fields() {
    if (pdaInterface == null) {
      throw Checks.invalid(
          "pdaInterface",
          "is required by v2 Solana conditions (pdaParams given, or inside unified conditions)");
    }
    if (pdaKey == null) {
      throw Checks.invalid(
          "pdaKey",
          "is required by v2 Solana conditions (pdaParams given, or inside unified conditions)");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SolRpcCondition s
        && method.equals(s.method)
        && params.equals(s.params)
        && Objects.equals(pdaParams, s.pdaParams)
        && Objects.equals(pdaInterface, s.pdaInterface)
        && Objects.equals(pdaKey, s.pdaKey)
        && chain.equals(s.chain)
        && returnValueTest.equals(s.returnValueTest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, params, pdaParams, pdaInterface, pdaKey, chain, returnValueTest);
  }

  @Override
  public String toString() {
    return "SolRpcCondition[method="
        + method
        + ", params="
        + params
        + ", pdaParams="
        + pdaParams
        + ", pdaInterface="
        + pdaInterface
        + ", pdaKey="
        + pdaKey
        + ", chain="
        + chain
        + ", returnValueTest="
        + returnValueTest
        + "]";
  }

  /**
   * Builder of {@link SolRpcCondition}; {@code method, params, chain, returnValueTest} are
   * required.
   */
  public static final class Builder {
    private String method;
    private List<String> params;
    private List<String> pdaParams;
    private PdaInterface pdaInterface;
    private String pdaKey;
    private String chain;
    private ReturnValueTest returnValueTest;

    private Builder() {}

    /**
     * The RPC method.
     *
     * @param method the RPC method
     * @return this builder
     */
    public Builder method(String method) {
      this.method = method;
      return this;
    }

    /**
     * The RPC parameters.
     *
     * @param params the RPC parameters
     * @return this builder
     */
    public Builder params(List<String> params) {
      this.params = params;
      return this;
    }

    /**
     * Program-derived account seeds; makes the condition v2.
     *
     * @param pdaParams Program-derived account seeds; makes the condition v2
     * @return this builder
     */
    public Builder pdaParams(List<String> pdaParams) {
      this.pdaParams = pdaParams;
      return this;
    }

    /**
     * Where to read inside the program-derived account.
     *
     * @param pdaInterface where to read inside the program-derived account
     * @return this builder
     */
    public Builder pdaInterface(PdaInterface pdaInterface) {
      this.pdaInterface = pdaInterface;
      return this;
    }

    /**
     * The field of the PDA interface to compare.
     *
     * @param pdaKey the field of the PDA interface to compare
     * @return this builder
     */
    public Builder pdaKey(String pdaKey) {
      this.pdaKey = pdaKey;
      return this;
    }

    /**
     * The chain, e.g. {@code solana}.
     *
     * @param chain the chain, e.g. {@code solana}
     * @return this builder
     */
    public Builder chain(String chain) {
      this.chain = chain;
      return this;
    }

    /**
     * The comparison.
     *
     * @param returnValueTest the comparison
     * @return this builder
     */
    public Builder returnValueTest(ReturnValueTest returnValueTest) {
      this.returnValueTest = returnValueTest;
      return this;
    }

    /**
     * {@return the condition}
     *
     * @throws InvalidAccessControlConditionsException naming a missing field, or a missing {@code
     *     pdaInterface}/{@code pdaKey} when {@code pdaParams} is given
     */
    public SolRpcCondition build() {
      return new SolRpcCondition(this);
    }
  }
}
