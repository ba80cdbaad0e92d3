package io.lit4j.core.errors;

/** Cryptographic material does not verify or cannot be combined: a bad share, a point off the curve, a signature that does not match its key. */
public class LitCryptoException extends LitException {
  private static final long serialVersionUID = 1L;

  public LitCryptoException(String message) {
    super(builder().message(message));
  }

  public LitCryptoException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  protected LitCryptoException(Builder b) {
    super(b);
  }
}
