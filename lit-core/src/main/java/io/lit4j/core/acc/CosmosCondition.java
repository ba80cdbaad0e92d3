package io.lit4j.core.acc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cosmos condition ({@code conditionType: "cosmos"}, only inside unified lists). Canonical form,
 * in this order: {@code path, chain, method?, parameters?, returnValueTest{key, comparator,
 * value}}; absent optional fields are omitted. Build with {@link #builder()}.
 */
public final class CosmosCondition implements Condition {
  private final String path;
  private final String chain;
  private final String method;
  private final List<String> parameters;
  private final ReturnValueTest returnValueTest;

  private CosmosCondition(Builder b) {
    this.path = Checks.string(b.path, "path");
    this.chain = Checks.nonBlank(b.chain, "chain");
    this.method = b.method;
    this.parameters = b.parameters == null ? null : Checks.strings(b.parameters, "parameters");
    this.returnValueTest = Checks.present(b.returnValueTest, "returnValueTest");
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the REST path queried, e.g. {@code /cosmos/bank/v1beta1/balances/:userAddress}} */
  public String path() {
    return path;
  }

  @Override
  public String chain() {
    return chain;
  }

  /**
   * Optional method (used by some chains).
   *
   * @return the method, or empty when none is set
   */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /**
   * Optional parameters.
   *
   * @return the parameters, or empty when none are set
   */
  public Optional<List<String>> parameters() {
    return Optional.ofNullable(parameters);
  }

  @Override
  public ReturnValueTest returnValueTest() {
    return returnValueTest;
  }

  @Override
  public ConditionType conditionType() {
    return ConditionType.COSMOS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CosmosCondition c
        && path.equals(c.path)
        && chain.equals(c.chain)
        && Objects.equals(method, c.method)
        && Objects.equals(parameters, c.parameters)
        && returnValueTest.equals(c.returnValueTest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, chain, method, parameters, returnValueTest);
  }

  @Override
  public String toString() {
    return "CosmosCondition[path="
        + path
        + ", chain="
        + chain
        + ", method="
        + method
        + ", parameters="
        + parameters
        + ", returnValueTest="
        + returnValueTest
        + "]";
  }

  /** Builder of {@link CosmosCondition}; {@code path, chain, returnValueTest} are required. */
  public static final class Builder {
    private String path;
    private String chain;
    private String method;
    private List<String> parameters;
    private ReturnValueTest returnValueTest;

    private Builder() {}

    /**
     * The REST path.
     *
     * @param path the REST path
     * @return this builder
     */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /**
     * The chain, e.g. {@code cosmos}.
     *
     * @param chain the chain, e.g. {@code cosmos}
     * @return this builder
     */
    public Builder chain(String chain) {
      this.chain = chain;
      return this;
    }

    /**
     * Optional method.
     *
     * @param method optional method
     * @return this builder
     */
    public Builder method(String method) {
      this.method = method;
      return this;
    }

    /**
     * Optional parameters.
     *
     * @param parameters optional parameters
     * @return this builder
     */
    public Builder parameters(List<String> parameters) {
      this.parameters = parameters;
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
     * @throws InvalidAccessControlConditionsException naming a missing field
     */
    public CosmosCondition build() {
      return new CosmosCondition(this);
    }
  }
}
