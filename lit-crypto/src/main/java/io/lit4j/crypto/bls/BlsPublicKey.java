package io.lit4j.crypto.bls;

import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.internal.BlsPoints;
import java.util.Arrays;

/**
 * A BLS12-381 public key in G1, as the Lit network key ({@code subnetPubKey}, {@code
 * networkPubKey}): 48 bytes, compressed (ZCash/IETF encoding), written as 96 lowercase hex
 * characters.
 *
 * <p>Construction checks the point completely: length, encoding, on the curve, in the prime-order
 * subgroup, not the identity. An instance is therefore always a usable key.
 *
 * @param bytes the 48-byte compressed point (copied in and out)
 */
public record BlsPublicKey(byte[] bytes) {
  /** Length of a compressed G1 point. */
  public static final int LENGTH = BlsPoints.G1_COMPRESSED_LENGTH;

  /**
   * Checks and copies the key.
   *
   * @param bytes the 48-byte compressed point (copied in and out)
   * @throws io.lit4j.core.errors.LitValidationException on a missing value, a length other than 48
   *     or bytes that are not a compressed point
   * @throws io.lit4j.core.errors.LitCryptoException when the point is off the curve, not in the
   *     subgroup, or the identity
   */
  public BlsPublicKey {
    BlsPoints.decodeG1(bytes, "BLS public key");
    bytes = bytes.clone();
  }

  /**
   * Parses a network key from hex (96 characters; a {@code 0x} prefix and upper case are accepted).
   *
   * @param hex the key, hex
   * @return the public key
   * @throws io.lit4j.core.errors.LitValidationException when the text is not hex of 48 bytes or not
   *     a compressed point
   * @throws io.lit4j.core.errors.LitCryptoException when the point is off the curve, not in the
   *     subgroup, or the identity
   */
  public static BlsPublicKey fromHex(String hex) {
    return new BlsPublicKey(Hex.decode(hex, "BLS public key"));
  }

  /**
   * Wraps 48 compressed bytes; same checks as the constructor.
   *
   * @param bytes 48 compressed G1 bytes
   * @return the public key
   */
  public static BlsPublicKey fromBytes(byte[] bytes) {
    return new BlsPublicKey(bytes);
  }

  /** {@return the 48-byte compressed point (a copy)} */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@return the key as 96 lowercase hex characters, the form nodes and the SDK use} */
  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsPublicKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "BlsPublicKey[" + toHex() + "]";
  }
}
