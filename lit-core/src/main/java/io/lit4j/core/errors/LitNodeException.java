package io.lit4j.core.errors;

/** A Lit node answered with an error, or with something that could not be used; carries the node's {@code errorKind}, {@code errorCode}, status and the request id. */
public class LitNodeException extends LitException {
  private static final long serialVersionUID = 1L;

  public LitNodeException(String message) {
    super(builder().message(message));
  }

  public LitNodeException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  protected LitNodeException(Builder b) {
    super(b);
  }
}
