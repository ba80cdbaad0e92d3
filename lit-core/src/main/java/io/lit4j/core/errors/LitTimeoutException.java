package io.lit4j.core.errors;

/** A node, the chain or a whole operation did not answer within its configured timeout. */
public class LitTimeoutException extends LitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a LitTimeoutException with a message and no cause.
   *
   * @param message what went wrong and what to do next
   */
  public LitTimeoutException(String message) {
    super(builder().message(message));
  }

  /**
   * Creates a LitTimeoutException with a message and the failure that caused it.
   *
   * @param message what went wrong and what to do next
   * @param cause the underlying failure
   */
  public LitTimeoutException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  /**
   * Creates a LitTimeoutException from a builder (see {@link LitException#builder()}).
   *
   * @param b builder carrying the message, cause and request context
   */
  protected LitTimeoutException(Builder b) {
    super(b);
  }
}
