package io.lit4j.crypto.bls.internal;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * Decoding of compressed BLS12-381 points with every check the Rust side makes (length, encoding,
 * on the curve, in the prime-order subgroup, not the identity), and the constants of the scheme.
 * Internal: use the public types of {@code io.lit4j.crypto.bls}.
 */
public final class BlsPoints {
  /** Order r of G1, G2 and GT (the scalar field modulus). */
  public static final BigInteger R =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  /** DST of signatures in the proof-of-possession scheme, the one every v4 signature uses. */
  public static final String POP_SIGNATURE_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

  /** Bytes of a compressed G1 point (public keys, U). */
  public static final int G1_COMPRESSED_LENGTH = 48;

  /** Bytes of a compressed G2 point (signatures and shares). */
  public static final int G2_COMPRESSED_LENGTH = 96;

  private BlsPoints() {}

  /**
   * Decompresses a 48-byte G1 point and checks it.
   *
   * @param field names the value in error messages
   * @param bytes 48 compressed bytes
   * @return the point
   * @throws LitValidationException on a wrong length or a byte string that is not a compressed
   *     point
   * @throws LitCryptoException when the point is off the curve, outside the subgroup or the
   *     identity
   */
  public static P1_Affine decodeG1(byte[] bytes, String field) {
    requireCompressed(bytes, G1_COMPRESSED_LENGTH, field, "G1");
    P1_Affine p;
    try {
      p = new P1_Affine(bytes);
    } catch (RuntimeException e) {
      throw blstError(e, field, "G1");
    }
    if (p.is_inf()) {
      throw new LitCryptoException(
          field + " is the identity point of G1, which is never a valid value");
    }
    if (!p.on_curve()) {
      throw new LitCryptoException(field + " is not a point on the BLS12-381 G1 curve");
    }
    if (!p.in_group()) {
      throw new LitCryptoException(
          field + " is on the G1 curve but not in the prime-order subgroup");
    }
    return p;
  }

  /**
   * Decompresses a 96-byte G2 point and checks it.
   *
   * @param field names the value in error messages
   * @param bytes 96 compressed bytes
   * @return the point
   * @throws LitValidationException on a wrong length or a byte string that is not a compressed
   *     point
   * @throws LitCryptoException when the point is off the curve, outside the subgroup or the
   *     identity
   */
  public static P2_Affine decodeG2(byte[] bytes, String field) {
    requireCompressed(bytes, G2_COMPRESSED_LENGTH, field, "G2");
    P2_Affine p;
    try {
      p = new P2_Affine(bytes);
    } catch (RuntimeException e) {
      throw blstError(e, field, "G2");
    }
    if (p.is_inf()) {
      throw new LitCryptoException(
          field + " is the identity point of G2, which is never a valid value");
    }
    if (!p.on_curve()) {
      throw new LitCryptoException(field + " is not a point on the BLS12-381 G2 curve");
    }
    if (!p.in_group()) {
      throw new LitCryptoException(
          field + " is on the G2 curve but not in the prime-order subgroup");
    }
    return p;
  }

  /**
   * Hashes a message to G2 with the proof-of-possession signature DST (RFC 9380, SSWU, random
   * oracle).
   *
   * @param message the message to hash
   * @return the G2 point
   */
  public static P2 hashToG2(byte[] message) {
    return new P2().hash_to(message, POP_SIGNATURE_DST);
  }

  /**
   * {@return {@code scalar · G1}, compressed (48 bytes)}
   *
   * @param scalar the scalar
   */
  public static byte[] g1Times(BigInteger scalar) {
    return P1.generator().mult(scalar.mod(R)).compress();
  }

  private static void requireCompressed(byte[] bytes, int length, String field, String group) {
    if (bytes == null) {
      throw new LitValidationException(
          field + " is missing: expected " + length + " bytes (compressed " + group + " point)");
    }
    if (bytes.length != length) {
      throw new LitValidationException(
          field
              + " must be "
              + length
              + " bytes (compressed "
              + group
              + " point), got "
              + bytes.length);
    }
    if ((bytes[0] & 0x80) == 0) {
      throw new LitValidationException(
          field + " is not a compressed " + group + " point: the compression flag bit is not set");
    }
  }

  private static RuntimeException blstError(RuntimeException e, String field, String group) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("not on curve")) {
      return new LitCryptoException(
          field + " is not a point on the BLS12-381 " + group + " curve", e);
    }
    return new LitValidationException(
        field + " is not a valid compressed " + group + " point (" + m + ")", e);
  }
}
