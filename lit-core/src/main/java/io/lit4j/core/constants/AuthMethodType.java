package io.lit4j.core.constants;

import io.lit4j.core.errors.LitValidationException;

/** Auth method types as the JS SDK 4.2.0 and the PKPPermissions contract number them. */
public enum AuthMethodType {
  ETH_WALLET(1),
  LIT_ACTION(2),
  WEB_AUTHN(3),
  DISCORD(4),
  GOOGLE(5),
  GOOGLE_JWT(6),
  /** The contract's {@code OTP}; the JS SDK has no name for 7. */
  OTP(7),
  APPLE_JWT(8),
  STYTCH_OTP(9),
  STYTCH_EMAIL_FACTOR_OTP(10),
  STYTCH_SMS_FACTOR_OTP(11),
  STYTCH_WHATSAPP_FACTOR_OTP(12),
  STYTCH_TOTP_FACTOR_OTP(13);

  private final int value;

  AuthMethodType(int value) {
    this.value = value;
  }

  /** The numeric type used on chain and on the wire. */
  public int value() {
    return value;
  }

  /** @throws LitValidationException for a number no auth method type has */
  public static AuthMethodType of(int value) {
    for (AuthMethodType t : values()) {
      if (t.value == value) return t;
    }
    throw new LitValidationException("authMethodType " + value + " is not a known auth method type (1-13)");
  }
}
