package io.lit4j.core.errors;

/** A node, the chain or a whole operation did not answer within its configured timeout. */
public class LitTimeoutException extends LitException {
  private static final long serialVersionUID = 1L;

  public LitTimeoutException(String message) {
    super(builder().message(message));
  }

  public LitTimeoutException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  protected LitTimeoutException(Builder b) {
    super(b);
  }
}
