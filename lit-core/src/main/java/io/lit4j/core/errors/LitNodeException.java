package io.lit4j.core.errors;

/**
 * A Lit node answered with an error, or with something that could not be used; carries the node's
 * {@code errorKind}, {@code errorCode}, status and the request id.
 */
public class LitNodeException extends LitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a LitNodeException with a message and no cause.
   *
   * @param message what went wrong and what to do next
   */
  public LitNodeException(String message) {
    super(builder().message(message));
  }

  /**
   * Creates a LitNodeException with a message and the failure that caused it.
   *
   * @param message what went wrong and what to do next
   * @param cause the underlying failure
   */
  public LitNodeException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  /**
   * Creates a LitNodeException from a builder (see {@link LitException#builder()}).
   *
   * @param b builder carrying the message, cause and request context
   */
  protected LitNodeException(Builder b) {
    super(b);
  }
}
