package io.lit4j.core.constants;

import io.lit4j.core.errors.LitValidationException;

/**
 * Permission scopes of a PKP auth method; on chain each is a bit in a uint256 bitmap (bit n = scope
 * n).
 */
public enum AuthMethodScope {
  /** No permission (scope 0). */
  NO_PERMISSIONS(0),
  /** May sign anything with the PKP (scope 1). */
  SIGN_ANYTHING(1),
  /** The JS SDK's {@code PersonalSign}; the node calls it {@code SignPersonalMessage}. */
  PERSONAL_SIGN(2);

  private final int value;

  AuthMethodScope(int value) {
    this.value = value;
  }

  /** {@return the scope number: its bit position in the on-chain bitmap} */
  public int value() {
    return value;
  }

  /**
   * {@return the scope with this number}
   *
   * @param value the scope number as stored on chain
   * @throws LitValidationException for an unknown scope number
   */
  public static AuthMethodScope of(int value) {
    for (AuthMethodScope s : values()) {
      if (s.value == value) return s;
    }
    throw new LitValidationException(
        "scope " + value + " is not a known auth method scope (0, 1, 2)");
  }
}
