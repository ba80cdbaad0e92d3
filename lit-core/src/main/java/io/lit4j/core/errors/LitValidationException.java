package io.lit4j.core.errors;

/** Input given to lit4j is malformed: the message names the field and what is wrong with it. */
public class LitValidationException extends LitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a LitValidationException with a message and no cause.
   *
   * @param message what went wrong and what to do next
   */
  public LitValidationException(String message) {
    super(builder().message(message));
  }

  /**
   * Creates a LitValidationException with a message and the failure that caused it.
   *
   * @param message what went wrong and what to do next
   * @param cause the underlying failure
   */
  public LitValidationException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  /**
   * Creates a LitValidationException from a builder (see {@link LitException#builder()}).
   *
   * @param b builder carrying the message, cause and request context
   */
  protected LitValidationException(Builder b) {
    super(b);
  }
}
