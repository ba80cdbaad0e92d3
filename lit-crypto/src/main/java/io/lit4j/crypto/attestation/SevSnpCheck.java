package io.lit4j.crypto.attestation;

/**
 * The checks {@link SevSnpVerifier} makes, in the order it makes them. A {@link
 * SevSnpVerificationException} names the one that failed.
 */
public enum SevSnpCheck {
  /** The attestation's {@code noonce} equals the challenge the client sent. */
  NOONCE,
  /**
   * {@code data.EXTERNAL_ADDR} ({@code ip:port}) equals the host and port of the node URL called.
   */
  EXTERNAL_ADDR,
  /**
   * The report's {@code report_data} equals SHA-512 over the challenge, the data entries and all
   * signatures but the last.
   */
  REPORT_DATA,
  /**
   * A VCEK certificate for the report's chip and TCB could be had: at least 256 bytes of X.509 DER.
   */
  VCEK,
  /**
   * ARK (self-signed) signs ASK, ASK signs the VCEK: RSASSA-PSS, SHA-384, MGF1 SHA-384, salt 48.
   */
  CERTIFICATE_CHAIN,
  /**
   * The VCEK's P-384 key verifies the report's ECDSA-SHA-384 signature over bytes {@code [0,
   * 0x2A0)}.
   */
  REPORT_SIGNATURE
}
