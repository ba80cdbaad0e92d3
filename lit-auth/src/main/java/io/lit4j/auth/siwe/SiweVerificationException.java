package io.lit4j.auth.siwe;

import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitErrorCode;

/**
 * A well-formed SIWE message failed verification: expired, not yet valid, bound to another domain,
 * nonce or scheme, or not signed by its address.
 */
public final class SiweVerificationException extends LitAuthException {
  private static final long serialVersionUID = 1L;

  /**
   * Why verification failed (siwe's {@code SiweErrorType}); {@link #errorCode()} is the reason's
   * name.
   */
  public enum Reason {
    /** The message's Expiration Time has passed. */
    EXPIRED_MESSAGE(LitErrorCode.SIWE_EXPIRED_MESSAGE),
    /** The message's Not Before time has not come yet. */
    NOT_YET_VALID_MESSAGE(LitErrorCode.SIWE_NOT_YET_VALID_MESSAGE),
    /** The message's domain is not the one required. */
    DOMAIN_MISMATCH(LitErrorCode.SIWE_DOMAIN_MISMATCH),
    /** The message's nonce is not the one required. */
    NONCE_MISMATCH(LitErrorCode.SIWE_NONCE_MISMATCH),
    /** The message's URI scheme is not the one required. */
    SCHEME_MISMATCH(LitErrorCode.SIWE_SCHEME_MISMATCH),
    /** The signature does not recover the message's address. */
    INVALID_SIGNATURE(LitErrorCode.SIWE_INVALID_SIGNATURE);

    private final LitErrorCode errorCode;

    Reason(LitErrorCode errorCode) {
      this.errorCode = errorCode;
    }

    /** {@return the SDK error code the exception carries for this reason} */
    public LitErrorCode errorCode() {
      return errorCode;
    }
  }

  /** Why verification failed. */
  private final Reason reason;

  SiweVerificationException(Reason reason, String message) {
    super(builder().message(message).errorCode(reason.errorCode()));
    this.reason = reason;
  }

  /**
   * Why verification failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
