package io.lit4j.auth.siwe;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitValidationException;

/**
 * A SIWE (EIP-4361) message text or field is malformed; names the line (1-based, 0 when none) and
 * field.
 */
public final class SiweParseException extends LitValidationException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line of the message text that failed, or 0. */
  private final int line;

  /** The SIWE field that failed. */
  private final String field;

  SiweParseException(int line, String field, String problem) {
    super(
        builder()
            .message(
                (line > 0 ? "SIWE line " + line + " (" + field + "): " : "SIWE " + field + ": ")
                    + problem)
            .errorCode(LitErrorCode.SIWE_PARSE_ERROR));
    this.line = line;
    this.field = field;
  }

  /** {@return the 1-based line of the message text, or 0 for a field given to the builder} */
  public int line() {
    return line;
  }

  /** {@return the SIWE field, e.g. {@code nonce}, {@code Issued At}} */
  public String field() {
    return field;
  }
}
