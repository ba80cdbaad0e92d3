package io.lit4j.core.network;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.util.Map;

/**
 * A chain name (the {@code chain} of a condition or request) is not in lit4j's chain table, or is
 * not of the kind asked for. Carries the JS SDK's code for this case, {@code
 * UnsupportedChainException}.
 */
public final class UnknownChainException extends LitValidationException {
  private static final long serialVersionUID = 1L;

  /** The chain name that was asked for. */
  private final String chainName;

  UnknownChainException(String chainName, String message) {
    super(
        LitException.builder()
            .message(message)
            .errorKind("Validation")
            .errorCode(LitErrorCode.UNSUPPORTED_CHAIN)
            .details(Map.of("field", "chain")));
    this.chainName = chainName;
  }

  /** {@return the chain name that was asked for, as given} */
  public String chainName() {
    return chainName;
  }
}
