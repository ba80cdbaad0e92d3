package io.lit4j.crypto.bls;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Bytes;
import io.lit4j.crypto.bls.internal.BlsPoints;
import io.lit4j.crypto.bls.internal.Leb128;
import io.lit4j.crypto.bls.internal.TimeCryptMath;
import java.util.Arrays;
import java.util.Base64;

/**
 * A parsed TimeCrypt ciphertext (serde_bare of blsful {@code TimeCryptCiphertext}): {@code U (48) ‖
 * V (32) ‖ LEB128(len W) ‖ W ‖ 0x03}, the last byte naming the proof-of-possession scheme. The
 * SDK's {@code ciphertext} string is standard base64 of these bytes.
 *
 * @param u the compressed G1 point {@code r·g1} (48 bytes; checked in the subgroup)
 * @param v the masked alpha, {@code SHA-256(GT bytes of K) ⊕ A} (32 bytes)
 * @param w the masked, length-framed message (its own length is written before it)
 */
public record TimeCryptCiphertext(byte[] u, byte[] v, byte[] w) {
  /** Length of V. */
  public static final int V_LENGTH = 32;

  /** Smallest possible ciphertext: U, V, a 1-byte length 0 and the scheme byte. */
  public static final int MIN_LENGTH = BlsPoints.G1_COMPRESSED_LENGTH + V_LENGTH + 1 + 1;

  /**
   * Checks and copies the parts.
   *
   * @param u the compressed G1 point {@code r·g1} (48 bytes; checked in the subgroup)
   * @param v the masked alpha, {@code SHA-256(GT bytes of K) ⊕ A} (32 bytes)
   * @param w the masked, length-framed message (its own length is written before it)
   * @throws LitValidationException when a part is missing, U is not 48 bytes of a compressed point
   *     or V is not 32 bytes
   * @throws io.lit4j.core.errors.LitCryptoException when U is off the curve, outside the subgroup
   *     or the identity
   */
  public TimeCryptCiphertext {
    BlsPoints.decodeG1(u, "TimeCrypt ciphertext U");
    if (v == null || v.length != V_LENGTH) {
      throw new LitValidationException(
          "TimeCrypt ciphertext V must be "
              + V_LENGTH
              + " bytes, got "
              + (v == null ? "none" : v.length));
    }
    if (w == null) throw new LitValidationException("TimeCrypt ciphertext W is missing");
    u = u.clone();
    v = v.clone();
    w = w.clone();
  }

  /**
   * Parses ciphertext bytes.
   *
   * @param bytes the ciphertext bytes
   * @return the parsed ciphertext
   * @throws LitValidationException when the bytes are missing or truncated, the W length is not
   *     valid LEB128 or larger than what is left, the scheme byte is not 3 (ProofOfPossession), or
   *     bytes follow it
   * @throws io.lit4j.core.errors.LitCryptoException when U is off the curve, outside the subgroup
   *     or the identity
   */
  public static TimeCryptCiphertext parse(byte[] bytes) {
    if (bytes == null) throw new LitValidationException("TimeCrypt ciphertext is missing");
    if (bytes.length < MIN_LENGTH) {
      throw new LitValidationException(
          "TimeCrypt ciphertext is truncated: "
              + bytes.length
              + " bytes, at least "
              + MIN_LENGTH
              + " needed (U 48, V 32, length, W, scheme byte)");
    }
    int off = BlsPoints.G1_COMPRESSED_LENGTH + V_LENGTH;
    // the scheme byte must still follow W
    Leb128.Decoded len =
        Leb128.decode(bytes, off, bytes.length - off - 1L, "TimeCrypt ciphertext W length");
    int wStart = off + len.length();
    int wEnd = wStart + (int) len.value();
    if (wEnd >= bytes.length) {
      throw new LitValidationException(
          "TimeCrypt ciphertext is truncated: the scheme byte after W is missing");
    }
    int scheme = bytes[wEnd] & 0xff;
    if (scheme != TimeCryptMath.SCHEME_PROOF_OF_POSSESSION) {
      throw new LitValidationException(
          "TimeCrypt ciphertext has the wrong scheme byte "
              + scheme
              + ": expected 3 (ProofOfPossession), the only scheme Lit uses");
    }
    if (wEnd + 1 != bytes.length) {
      throw new LitValidationException(
          "TimeCrypt ciphertext has "
              + (bytes.length - wEnd - 1)
              + " unexpected bytes after the scheme byte");
    }
    return new TimeCryptCiphertext(
        Arrays.copyOfRange(bytes, 0, BlsPoints.G1_COMPRESSED_LENGTH),
        Arrays.copyOfRange(bytes, BlsPoints.G1_COMPRESSED_LENGTH, off),
        Arrays.copyOfRange(bytes, wStart, wEnd));
  }

  /**
   * Parses the SDK's ciphertext string (standard base64, padding optional).
   *
   * @param base64 the ciphertext, base64
   * @return the parsed ciphertext
   * @throws LitValidationException when the text is not base64 or the bytes do not parse (see
   *     {@link #parse})
   * @throws io.lit4j.core.errors.LitCryptoException when U is off the curve, outside the subgroup
   *     or the identity
   */
  public static TimeCryptCiphertext fromBase64(String base64) {
    if (base64 == null) throw new LitValidationException("TimeCrypt ciphertext is missing");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new LitValidationException(
          "TimeCrypt ciphertext is not valid base64: " + e.getMessage(), e);
    }
    return parse(bytes);
  }

  /**
   * U, the compressed G1 point (a copy).
   *
   * @return the 48 bytes of U
   */
  @Override
  public byte[] u() {
    return u.clone();
  }

  /**
   * V, the masked alpha (a copy).
   *
   * @return the 32 bytes of V
   */
  @Override
  public byte[] v() {
    return v.clone();
  }

  /**
   * W, the masked message (a copy).
   *
   * @return the bytes of W
   */
  @Override
  public byte[] w() {
    return w.clone();
  }

  /** {@return the serialised bytes} */
  public byte[] toBytes() {
    return Bytes.concat(
        u, v, Leb128.encode(w.length), w, new byte[] {TimeCryptMath.SCHEME_PROOF_OF_POSSESSION});
  }

  /** {@return the SDK's ciphertext string: standard base64 with padding} */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeCryptCiphertext c
        && Arrays.equals(u, c.u)
        && Arrays.equals(v, c.v)
        && Arrays.equals(w, c.w);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "TimeCryptCiphertext[" + toBytes().length + " bytes]";
  }
}
