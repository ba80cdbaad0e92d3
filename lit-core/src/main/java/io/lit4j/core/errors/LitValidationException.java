package io.lit4j.core.errors;

/** Input given to lit4j is malformed: the message names the field and what is wrong with it. */
public class LitValidationException extends LitException {
  private static final long serialVersionUID = 1L;

  public LitValidationException(String message) {
    super(builder().message(message));
  }

  public LitValidationException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  protected LitValidationException(Builder b) {
    super(b);
  }
}
