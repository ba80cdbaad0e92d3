package io.lit4j.core.errors;

/**
 * A contract call or transaction failed: reverted (the revert reason is in the message), or the
 * chain could not be reached.
 */
public class LitContractException extends LitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a LitContractException with a message and no cause.
   *
   * @param message what went wrong and what to do next
   */
  public LitContractException(String message) {
    super(builder().message(message));
  }

  /**
   * Creates a LitContractException with a message and the failure that caused it.
   *
   * @param message what went wrong and what to do next
   * @param cause the underlying failure
   */
  public LitContractException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  /**
   * Creates a LitContractException from a builder (see {@link LitException#builder()}).
   *
   * @param b builder carrying the message, cause and request context
   */
  protected LitContractException(Builder b) {
    super(b);
  }
}
