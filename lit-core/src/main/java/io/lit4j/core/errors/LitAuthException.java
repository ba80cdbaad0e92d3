package io.lit4j.core.errors;

/**
 * Auth material (auth sig, session sig, SIWE message, capability) is missing, expired, malformed or
 * does not verify.
 */
public class LitAuthException extends LitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a LitAuthException with a message and no cause.
   *
   * @param message what went wrong and what to do next
   */
  public LitAuthException(String message) {
    super(builder().message(message));
  }

  /**
   * Creates a LitAuthException with a message and the failure that caused it.
   *
   * @param message what went wrong and what to do next
   * @param cause the underlying failure
   */
  public LitAuthException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  /**
   * Creates a LitAuthException from a builder (see {@link LitException#builder()}).
   *
   * @param b builder carrying the message, cause and request context
   */
  protected LitAuthException(Builder b) {
    super(b);
  }
}
