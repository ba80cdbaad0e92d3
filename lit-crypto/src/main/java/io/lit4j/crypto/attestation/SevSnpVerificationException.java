package io.lit4j.crypto.attestation;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node's SEV-SNP attestation did not verify. {@link #failedCheck()} says which check failed;
 * {@link #errorCode()} is {@code InvalidNodeAttestation}, the JS SDK's name for this failure, and
 * {@link #details()} holds {@code check} (and {@code vcekUrl} once it is known).
 */
public final class SevSnpVerificationException extends LitCryptoException {
  private static final long serialVersionUID = 1L;

  /**
   * The JS SDK's error name for a node whose attestation fails ({@code
   * LIT_ERROR.INVALID_NODE_ATTESTATION}).
   *
   * @deprecated use {@link LitErrorCode#INVALID_NODE_ATTESTATION} (same code string)
   */
  @Deprecated public static final String ERROR_CODE = LitErrorCode.INVALID_NODE_ATTESTATION.code();

  /** The check that failed. */
  private final SevSnpCheck failedCheck;

  private SevSnpVerificationException(Builder b, SevSnpCheck failedCheck) {
    super(b);
    this.failedCheck = failedCheck;
  }

  static SevSnpVerificationException of(
      SevSnpCheck check, String nodeUrl, String vcekUrl, String message, Throwable cause) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("check", check.name());
    if (vcekUrl != null) details.put("vcekUrl", vcekUrl);
    Builder b =
        builder()
            .message("SEV-SNP attestation check " + check + " failed: " + message)
            .cause(cause)
            .errorCode(LitErrorCode.INVALID_NODE_ATTESTATION)
            .errorKind("Unexpected")
            .nodeUrl(nodeUrl)
            .details(details);
    return new SevSnpVerificationException(b, check);
  }

  /** {@return the check that failed} */
  public SevSnpCheck failedCheck() {
    return failedCheck;
  }
}
