package io.lit4j.auth.recap;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitValidationException;

/**
 * A ReCap (EIP-5573) URN, its JSON, an ability string or a proof is malformed; the message names
 * the part.
 */
public final class RecapException extends LitValidationException {
  private static final long serialVersionUID = 1L;

  RecapException(String message) {
    super(builder().message(message).errorCode(LitErrorCode.RECAP_ERROR));
  }

  RecapException(String message, Throwable cause) {
    super(builder().message(message).cause(cause).errorCode(LitErrorCode.RECAP_ERROR));
  }
}
