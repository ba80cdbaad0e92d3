package io.lit4j.core.util;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.util.Arrays;

/** Small byte helpers used across modules. */
public final class Bytes {
  private Bytes() {}

  /**
   * Concatenates arrays.
   *
   * @param parts the arrays, in order
   * @return a new array holding all parts one after another
   * @throws LitValidationException when the array of parts or one part is null
   */
  public static byte[] concat(byte[]... parts) {
    if (parts == null) throw new LitValidationException("parts to concatenate are missing");
    int len = 0;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] == null)
        throw new LitValidationException("part " + i + " to concatenate is missing");
      len += parts[i].length;
    }
    byte[] out = new byte[len];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }

  /**
   * Unsigned big-endian encoding of {@code value}, left-padded with zeros to {@code length}.
   *
   * @param value a non-negative integer
   * @param length the number of bytes to produce
   * @return exactly {@code length} bytes
   * @throws LitValidationException when the value is null, negative or does not fit
   */
  public static byte[] toFixed(BigInteger value, int length) {
    if (value == null) throw new LitValidationException("value to encode is missing");
    if (length < 0) throw new LitValidationException("length must not be negative, got " + length);
    if (value.signum() < 0)
      throw new LitValidationException("value to encode must not be negative");
    if (value.signum() == 0) return new byte[length];
    byte[] raw = value.toByteArray();
    if (raw.length == length) return raw;
    if (raw.length == length + 1 && raw[0] == 0) return Arrays.copyOfRange(raw, 1, raw.length);
    if (raw.length > length)
      throw new LitValidationException("value does not fit in " + length + " bytes");
    byte[] out = new byte[length];
    System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    return out;
  }

  /**
   * Reads bytes as an unsigned big-endian integer.
   *
   * @param bytes big-endian bytes
   * @return the non-negative integer they encode
   * @throws LitValidationException when {@code bytes} is null
   */
  public static BigInteger toUnsigned(byte[] bytes) {
    if (bytes == null) throw new LitValidationException("bytes are missing");
    return new BigInteger(1, bytes);
  }

  /**
   * Reversed copy (little-endian to big-endian and back).
   *
   * @param bytes the bytes to reverse
   * @return a new array with the bytes in reverse order
   * @throws LitValidationException when {@code bytes} is null
   */
  public static byte[] reverse(byte[] bytes) {
    if (bytes == null) throw new LitValidationException("bytes are missing");
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) out[i] = bytes[bytes.length - 1 - i];
    return out;
  }
}
