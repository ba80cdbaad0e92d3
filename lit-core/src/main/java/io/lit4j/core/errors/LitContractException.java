package io.lit4j.core.errors;

/** A contract call or transaction failed: reverted (the revert reason is in the message), or the chain could not be reached. */
public class LitContractException extends LitException {
  private static final long serialVersionUID = 1L;

  public LitContractException(String message) {
    super(builder().message(message));
  }

  public LitContractException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  protected LitContractException(Builder b) {
    super(b);
  }
}
