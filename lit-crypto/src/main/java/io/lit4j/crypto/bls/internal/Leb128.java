package io.lit4j.crypto.bls.internal;

import io.lit4j.core.errors.LitValidationException;
import java.io.ByteArrayOutputStream;

/**
 * Unsigned LEB128 (7 bits per byte, low group first, high bit = more follows), as serde_bare
 * lengths and uint-zigzag {@code Uint::to_vec} write it.
 */
public final class Leb128 {
  private Leb128() {}

  /**
   * Encodes a non-negative value.
   *
   * @param value a non-negative value
   * @return its LEB128 bytes
   */
  public static byte[] encode(long value) {
    if (value < 0) throw new IllegalArgumentException("LEB128 value must be non-negative");
    ByteArrayOutputStream out = new ByteArrayOutputStream(10);
    long v = value;
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return out.toByteArray();
  }

  /** A decoded value and the number of bytes it took. */
  public record Decoded(long value, int length) {}

  /**
   * Decodes a value starting at {@code offset}.
   *
   * @param max largest value accepted (typically the number of bytes left)
   * @param field names the value in error messages
   * @param bytes the bytes to read
   * @param offset where the value starts
   * @return the value and the number of bytes it took
   * @throws LitValidationException when the input ends inside the value, it overflows 63 bits or it
   *     exceeds {@code max}
   */
  public static Decoded decode(byte[] bytes, int offset, long max, String field) {
    long value = 0;
    int shift = 0;
    int i = offset;
    while (true) {
      if (i >= bytes.length) {
        throw new LitValidationException(
            field + " is truncated: the input ends inside its LEB128 encoding (byte " + i + ")");
      }
      int b = bytes[i] & 0xff;
      long group = b & 0x7f;
      if (i - offset >= 10 || (shift == 63 && group != 0)) {
        throw new LitValidationException(
            field + " is not valid LEB128: the value overflows 63 bits");
      }
      value |= group << shift;
      i++;
      if ((b & 0x80) == 0) break;
      shift += 7;
    }
    if (value > max) {
      throw new LitValidationException(
          field + " is " + value + " bytes, more than the " + max + " bytes that are left");
    }
    return new Decoded(value, i - offset);
  }
}
