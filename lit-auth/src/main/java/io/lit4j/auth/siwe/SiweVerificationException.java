package io.lit4j.auth.siwe;

import io.lit4j.core.errors.LitAuthException;

/**
 * A well-formed SIWE message failed verification: expired, not yet valid, bound to another domain,
 * nonce or scheme, or not signed by its address.
 */
public final class SiweVerificationException extends LitAuthException {
  private static final long serialVersionUID = 1L;

  /** Why verification failed (siwe's {@code SiweErrorType}). */
  public enum Reason {
    /** The message's Expiration Time has passed. */
    EXPIRED_MESSAGE,
    /** The message's Not Before time has not come yet. */
    NOT_YET_VALID_MESSAGE,
    /** The message's domain is not the one required. */
    DOMAIN_MISMATCH,
    /** The message's nonce is not the one required. */
    NONCE_MISMATCH,
    /** The message's URI scheme is not the one required. */
    SCHEME_MISMATCH,
    /** The signature does not recover the message's address. */
    INVALID_SIGNATURE
  }

  /** Why verification failed. */
  private final Reason reason;

  SiweVerificationException(Reason reason, String message) {
    super(builder().message(message).errorCode(reason.name()));
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
