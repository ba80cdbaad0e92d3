package io.lit4j.auth.siwe;

import io.lit4j.core.errors.LitAuthException;

/** A well-formed SIWE message failed verification: expired, not yet valid, bound to another domain, nonce or scheme, or not signed by its address. */
public final class SiweVerificationException extends LitAuthException {
  private static final long serialVersionUID = 1L;

  /** Why verification failed (siwe's {@code SiweErrorType}). */
  public enum Reason {
    EXPIRED_MESSAGE,
    NOT_YET_VALID_MESSAGE,
    DOMAIN_MISMATCH,
    NONCE_MISMATCH,
    SCHEME_MISMATCH,
    INVALID_SIGNATURE
  }

  private final Reason reason;

  SiweVerificationException(Reason reason, String message) {
    super(builder().message(message).errorCode(reason.name()));
    this.reason = reason;
  }

  /** Why verification failed. */
  public Reason reason() {
    return reason;
  }
}
