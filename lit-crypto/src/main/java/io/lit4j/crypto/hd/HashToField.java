package io.lit4j.crypto.hd;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9380 {@code expand_message_xmd} with SHA-256 and {@code hash_to_field} for a prime modulus
 * (one element, {@code L} bytes, big-endian, reduced mod the modulus). BouncyCastle does not expose
 * these, so they live here.
 */
public final class HashToField {
  private static final int B_IN_BYTES = 32; // SHA-256 output
  private static final int R_IN_BYTES = 64; // SHA-256 block
  private static final byte[] OVERSIZE_PREFIX =
      "H2C-OVERSIZE-DST-".getBytes(StandardCharsets.US_ASCII);

  private HashToField() {}

  /**
   * {@code expand_message_xmd(msg, DST, lenInBytes)} with SHA-256 (RFC 9380 §5.3.1); a DST longer
   * than 255 bytes is first hashed as §5.3.3 prescribes.
   *
   * @param msg the message
   * @param dst the domain separation tag
   * @param lenInBytes how many bytes to produce
   * @return {@code lenInBytes} uniform bytes
   * @throws LitValidationException for a null input or a length above 8160 bytes
   */
  public static byte[] expandMessageXmd(byte[] msg, byte[] dst, int lenInBytes) {
    if (msg == null) throw new LitValidationException("message to hash is missing");
    if (dst == null) throw new LitValidationException("domain separation tag is missing");
    if (lenInBytes < 1 || lenInBytes > 255 * B_IN_BYTES || lenInBytes > 65535) {
      throw new LitValidationException(
          "expand_message_xmd length must be 1..8160 bytes, got " + lenInBytes);
    }
    if (dst.length > 255) {
      MessageDigest h = sha256();
      h.update(OVERSIZE_PREFIX);
      h.update(dst);
      dst = h.digest();
    }
    int ell = (lenInBytes + B_IN_BYTES - 1) / B_IN_BYTES;
    byte[] dstPrime = new byte[dst.length + 1];
    System.arraycopy(dst, 0, dstPrime, 0, dst.length);
    dstPrime[dst.length] = (byte) dst.length;

    MessageDigest h = sha256();
    h.update(new byte[R_IN_BYTES]);
    h.update(msg);
    h.update(new byte[] {(byte) (lenInBytes >>> 8), (byte) lenInBytes, 0});
    h.update(dstPrime);
    byte[] b0 = h.digest();

    byte[] out = new byte[ell * B_IN_BYTES];
    byte[] prev = new byte[B_IN_BYTES];
    for (int i = 1; i <= ell; i++) {
      byte[] x = new byte[B_IN_BYTES];
      for (int j = 0; j < B_IN_BYTES; j++) x[j] = (byte) (b0[j] ^ prev[j]);
      h.update(i == 1 ? b0 : x);
      h.update((byte) i);
      h.update(dstPrime);
      prev = h.digest();
      System.arraycopy(prev, 0, out, (i - 1) * B_IN_BYTES, B_IN_BYTES);
    }
    if (out.length == lenInBytes) return out;
    byte[] trimmed = new byte[lenInBytes];
    System.arraycopy(out, 0, trimmed, 0, lenInBytes);
    return trimmed;
  }

  /**
   * {@code hash_to_field(msg, 1)} over the integers mod {@code modulus}, expanding to {@code L}
   * bytes: {@code OS2IP(expand_message_xmd(msg, DST, L)) mod modulus}.
   *
   * @param msg the message
   * @param dst the domain separation tag
   * @param modulus the field's modulus
   * @param l how many bytes to expand to
   * @return the field element
   * @throws LitValidationException for null input or a bad length
   */
  public static BigInteger hashToField(byte[] msg, byte[] dst, BigInteger modulus, int l) {
    if (modulus == null || modulus.signum() <= 0) {
      throw new LitValidationException("modulus must be positive");
    }
    return new BigInteger(1, expandMessageXmd(msg, dst, l)).mod(modulus);
  }

  /**
   * {@code hash_to_field} for a 256-bit prime modulus (secp256k1 or P-256 scalars): {@code L = 48}
   * bytes, security level 128.
   *
   * @param msg the message
   * @param dst the domain separation tag
   * @param modulus the 256-bit prime modulus
   * @return the scalar
   * @throws LitValidationException for null input
   */
  public static BigInteger hashToScalar(byte[] msg, String dst, BigInteger modulus) {
    if (dst == null) throw new LitValidationException("domain separation tag is missing");
    return hashToField(msg, dst.getBytes(StandardCharsets.US_ASCII), modulus, 48);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
