package io.lit4j.core.util;

import java.math.BigInteger;
import java.util.Arrays;

/** Small byte helpers used across modules. */
public final class Bytes {
  private Bytes() {}

  /** Concatenates arrays. */
  public static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) len += p.length;
    byte[] out = new byte[len];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }

  /** Unsigned big-endian encoding of {@code value}, left-padded with zeros to {@code length}. */
  public static byte[] toFixed(BigInteger value, int length) {
    if (value.signum() < 0) throw new IllegalArgumentException("negative value");
    byte[] raw = value.toByteArray();
    if (raw.length == length) return raw;
    if (raw.length == length + 1 && raw[0] == 0) return Arrays.copyOfRange(raw, 1, raw.length);
    if (raw.length > length) throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    byte[] out = new byte[length];
    System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    return out;
  }

  /** Reads bytes as an unsigned big-endian integer. */
  public static BigInteger toUnsigned(byte[] bytes) {
    return new BigInteger(1, bytes);
  }

  /** Reversed copy (little-endian to big-endian and back). */
  public static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) out[i] = bytes[bytes.length - 1 - i];
    return out;
  }
}
