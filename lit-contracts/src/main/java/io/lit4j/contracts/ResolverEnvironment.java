package io.lit4j.contracts;

/** The ContractResolver's environment enum ({@code uint8} on chain). */
public enum ResolverEnvironment {
  /** Development deployments ({@code env = 0}). */
  DEV(0),
  /** Staging deployments ({@code env = 1}). */
  STAGING(1),
  /** Production deployments ({@code env = 2}). */
  PROD(2);

  private final int value;

  ResolverEnvironment(int value) {
    this.value = value;
  }

  /** {@return the {@code uint8} value passed to {@code getContract(bytes32, uint8)}} */
  public int value() {
    return value;
  }
}
