package io.lit4j.core.constants;

import io.lit4j.core.errors.LitValidationException;

/** Auth method types as the JS SDK 4.2.0 and the PKPPermissions contract number them. */
public enum AuthMethodType {
  /** An Ethereum wallet signature (an auth sig). */
  ETH_WALLET(1),
  /** A Lit Action, identified by its IPFS CID. */
  LIT_ACTION(2),
  /** A WebAuthn (passkey) credential. */
  WEB_AUTHN(3),
  /** A Discord OAuth access token. */
  DISCORD(4),
  /** A Google OAuth access token. */
  GOOGLE(5),
  /** A Google OIDC id token (JWT). */
  GOOGLE_JWT(6),
  /** The contract's {@code OTP}; the JS SDK has no name for 7. */
  OTP(7),
  /** An Apple id token (JWT). */
  APPLE_JWT(8),
  /** A Stytch OTP session JWT. */
  STYTCH_OTP(9),
  /** A Stytch email factor OTP session JWT. */
  STYTCH_EMAIL_FACTOR_OTP(10),
  /** A Stytch SMS factor OTP session JWT. */
  STYTCH_SMS_FACTOR_OTP(11),
  /** A Stytch WhatsApp factor OTP session JWT. */
  STYTCH_WHATSAPP_FACTOR_OTP(12),
  /** A Stytch TOTP factor session JWT. */
  STYTCH_TOTP_FACTOR_OTP(13);

  private final int value;

  AuthMethodType(int value) {
    this.value = value;
  }

  /** {@return the numeric type used on chain and on the wire} */
  public int value() {
    return value;
  }

  /**
   * {@return the type with this number}
   *
   * @param value the auth method type number as stored on chain
   * @throws LitValidationException for a number no auth method type has
   */
  public static AuthMethodType of(int value) {
    for (AuthMethodType t : values()) {
      if (t.value == value) return t;
    }
    throw new LitValidationException(
        "authMethodType " + value + " is not a known auth method type (1-13)");
  }
}
