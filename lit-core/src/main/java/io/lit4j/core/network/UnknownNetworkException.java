package io.lit4j.core.network;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.util.Map;

/**
 * A network name is not one lit4j knows. Carries the JS SDK's code for this case, {@code
 * LitNodeClientBadConfigError}, so callers can match on {@link #errorCode()}.
 */
public final class UnknownNetworkException extends LitValidationException {
  private static final long serialVersionUID = 1L;

  /** The network name that was asked for. */
  private final String networkName;

  UnknownNetworkException(String networkName, String known) {
    super(
        LitException.builder()
            .message(
                "litNetwork '" + networkName + "' is not a known Lit network; use one of " + known)
            .errorKind("Config")
            .errorCode(LitErrorCode.BAD_CONFIG)
            .details(Map.of("field", "litNetwork")));
    this.networkName = networkName;
  }

  /** {@return the name that was asked for, as given} */
  public String networkName() {
    return networkName;
  }
}
