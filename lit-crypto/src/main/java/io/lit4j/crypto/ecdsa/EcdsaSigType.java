package io.lit4j.crypto.ecdsa;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitValidationException;

/** The {@code sigType} / {@code sig_type} of a node's ECDSA share. */
public enum EcdsaSigType {
  /** {@code "K256"}: secp256k1, what v4 nodes send. */
  K256("K256"),
  /** {@code "ECDSA_CAIT_SITH"}: legacy name of K256. */
  ECDSA_CAIT_SITH("ECDSA_CAIT_SITH"),
  /** {@code "EcdsaCaitSithP256"}: P-256; accepted on the wire but never combinable in SDK 4.2.0. */
  ECDSA_CAIT_SITH_P256("EcdsaCaitSithP256");

  private final String wireName;

  EcdsaSigType(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the spelling on the wire} */
  public String wireName() {
    return wireName;
  }

  /** {@return true for the secp256k1 types the combiner handles} */
  public boolean isK256() {
    return this != ECDSA_CAIT_SITH_P256;
  }

  /**
   * Parses a wire spelling (exact, as the SDK compares it).
   *
   * @param value the wire spelling, e.g. {@code K256}
   * @param field names the value in error messages
   * @return the signature type
   * @throws LitValidationException for any other value, with errorCode {@code UnknownSignatureType}
   */
  public static EcdsaSigType fromWire(String value, String field) {
    for (EcdsaSigType t : values()) {
      if (t.wireName.equals(value)) return t;
    }
    throw io.lit4j.core.errors.LitException.builder()
        .message(field + " is '" + value + "': expected K256, ECDSA_CAIT_SITH or EcdsaCaitSithP256")
        .errorCode(LitErrorCode.UNKNOWN_SIGNATURE_TYPE)
        .buildValidation();
  }
}
