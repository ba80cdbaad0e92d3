package io.lit4j.crypto.bls;

import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.internal.BlsPoints;
import java.util.Arrays;

/**
 * A BLS12-381 signature in G2 (a combined network signature): 96 bytes, compressed (ZCash/IETF
 * encoding, c1 half first), written as 192 lowercase hex characters.
 *
 * <p>Construction checks the point completely: length, encoding, on the curve, in the prime-order
 * subgroup, not the identity.
 *
 * @param bytes the 96-byte compressed point (copied in and out)
 */
public record BlsSignature(byte[] bytes) {
  /** Length of a compressed G2 point. */
  public static final int LENGTH = BlsPoints.G2_COMPRESSED_LENGTH;

  /**
   * Checks and copies the signature.
   *
   * @param bytes the 96-byte compressed point (copied in and out)
   * @throws io.lit4j.core.errors.LitValidationException on a missing value, a length other than 96
   *     or bytes that are not a compressed point
   * @throws io.lit4j.core.errors.LitCryptoException when the point is off the curve, not in the
   *     subgroup, or the identity
   */
  public BlsSignature {
    BlsPoints.decodeG2(bytes, "BLS signature");
    bytes = bytes.clone();
  }

  /**
   * Parses a signature from hex (192 characters; a {@code 0x} prefix and upper case are accepted).
   *
   * @param hex the signature, hex
   * @return the signature
   * @throws io.lit4j.core.errors.LitValidationException when the text is not hex of 96 bytes or not
   *     a compressed point
   * @throws io.lit4j.core.errors.LitCryptoException when the point is off the curve, not in the
   *     subgroup, or the identity
   */
  public static BlsSignature fromHex(String hex) {
    return new BlsSignature(Hex.decode(hex, "BLS signature"));
  }

  /**
   * Wraps 96 compressed bytes; same checks as the constructor.
   *
   * @param bytes 96 compressed G2 bytes
   * @return the signature
   */
  public static BlsSignature fromBytes(byte[] bytes) {
    return new BlsSignature(bytes);
  }

  /** {@return the 96-byte compressed point (a copy)} */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * {@return the signature as 192 lowercase hex characters (what the SDK's {@code
   * combine_signature_shares} returns)}
   */
  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsSignature other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "BlsSignature[" + toHex() + "]";
  }
}
