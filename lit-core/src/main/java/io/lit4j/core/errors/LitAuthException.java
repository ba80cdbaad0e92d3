package io.lit4j.core.errors;

/** Auth material (auth sig, session sig, SIWE message, capability) is missing, expired, malformed or does not verify. */
public class LitAuthException extends LitException {
  private static final long serialVersionUID = 1L;

  public LitAuthException(String message) {
    super(builder().message(message));
  }

  public LitAuthException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  protected LitAuthException(Builder b) {
    super(b);
  }
}
