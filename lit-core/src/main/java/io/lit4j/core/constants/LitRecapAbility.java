package io.lit4j.core.constants;

/** ReCap ability names Lit uses (JS SDK 4.2.0 {@code LitRecapAbility}). */
public enum LitRecapAbility {
  /** {@code Decryption}. */
  DECRYPTION("Decryption"),
  /** {@code Signing}. */
  SIGNING("Signing"),
  /** {@code Auth}. */
  AUTH("Auth"),
  /** {@code Execution}. */
  EXECUTION("Execution");

  private final String wire;

  LitRecapAbility(String wire) {
    this.wire = wire;
  }

  /** {@return the ability name as written in a ReCap ability key, e.g. {@code Signing}} */
  public String wire() {
    return wire;
  }

  @Override
  public String toString() {
    return wire;
  }
}
