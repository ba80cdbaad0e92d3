package io.lit4j.core.constants;

import io.lit4j.core.errors.LitValidationException;

/**
 * Prefixes of Lit resource keys as they appear on the wire ({@code <prefix>://<resource>}) and in
 * the {@code resourcePrefix} field of a session's resource-ability requests (JS SDK 4.2.0 {@code
 * LitResourcePrefix}).
 */
public enum LitResourcePrefix {
  /** Access control conditions ({@code lit-accesscontrolcondition}). */
  ACCESS_CONTROL_CONDITION("lit-accesscontrolcondition"),
  /** PKPs ({@code lit-pkp}). */
  PKP("lit-pkp"),
  /** Capacity credits (rate limit increase NFTs). */
  RLI("lit-ratelimitincrease"),
  /** Lit Actions ({@code lit-litaction}). */
  LIT_ACTION("lit-litaction");

  private final String wire;

  LitResourcePrefix(String wire) {
    this.wire = wire;
  }

  /** {@return the prefix as written on the wire, e.g. {@code lit-pkp}} */
  public String wire() {
    return wire;
  }

  /**
   * {@return the prefix with this wire spelling}
   *
   * @param wire the prefix as written before {@code ://}, e.g. {@code lit-pkp}
   * @throws LitValidationException when no prefix is spelled so
   */
  public static LitResourcePrefix fromWire(String wire) {
    for (LitResourcePrefix p : values()) {
      if (p.wire.equals(wire)) return p;
    }
    throw new LitValidationException(
        "resourcePrefix '"
            + wire
            + "' is not a Lit resource prefix"
            + " (lit-accesscontrolcondition, lit-pkp, lit-ratelimitincrease, lit-litaction)");
  }

  @Override
  public String toString() {
    return wire;
  }
}
