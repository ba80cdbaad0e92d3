package io.lit4j.auth.methods;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitValidationException;

/** The auth method type has no auth method id rule ({@code Unsupported auth method type}). */
public final class UnsupportedAuthMethodException extends LitValidationException {
  private static final long serialVersionUID = 1L;

  /** The auth method type that is not supported. */
  private final int authMethodType;

  UnsupportedAuthMethodException(int authMethodType, String why) {
    super(
        builder()
            .message(
                "Unsupported auth method type: "
                    + authMethodType
                    + (why.isEmpty() ? "" : " (" + why + ")"))
            .errorCode(LitErrorCode.UNSUPPORTED_AUTH_METHOD_TYPE));
    this.authMethodType = authMethodType;
  }

  /** {@return the type that is not supported} */
  public int authMethodType() {
    return authMethodType;
  }
}
