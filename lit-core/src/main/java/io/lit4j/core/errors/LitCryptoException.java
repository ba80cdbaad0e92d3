package io.lit4j.core.errors;

/**
 * Cryptographic material does not verify or cannot be combined: a bad share, a point off the curve,
 * a signature that does not match its key.
 */
public class LitCryptoException extends LitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a LitCryptoException with a message and no cause.
   *
   * @param message what went wrong and what to do next
   */
  public LitCryptoException(String message) {
    super(builder().message(message));
  }

  /**
   * Creates a LitCryptoException with a message and the failure that caused it.
   *
   * @param message what went wrong and what to do next
   * @param cause the underlying failure
   */
  public LitCryptoException(String message, Throwable cause) {
    super(builder().message(message).cause(cause));
  }

  /**
   * Creates a LitCryptoException from a builder (see {@link LitException#builder()}).
   *
   * @param b builder carrying the message, cause and request context
   */
  protected LitCryptoException(Builder b) {
    super(b);
  }
}
