package io.lit4j.crypto.ecdsa.internal;

/**
 * SipHash-1-3 with both keys zero: what Rust's {@code
 * std::collections::hash_map::DefaultHasher::new()} computes. Lit nodes hash {@code Vec<u8>} with
 * it, which feeds the length as a little-endian u64 and then the bytes.
 */
public final class SipHash13 {
  private SipHash13() {}

  /**
   * {@return the DefaultHasher value of a {@code Vec<u8>} or {@code [u8]} holding {@code bytes}}
   *
   * @param bytes the slice's contents
   */
  public static long hashByteVec(byte[] bytes) {
    byte[] in = new byte[8 + bytes.length];
    long len = bytes.length;
    for (int i = 0; i < 8; i++) in[i] = (byte) (len >>> (8 * i));
    System.arraycopy(bytes, 0, in, 8, bytes.length);
    return hash(in);
  }

  /** {@return SipHash-1-3 of {@code m} under the all-zero key} @param m the message */
  public static long hash(byte[] m) {
    long v0 = 0x736f6d6570736575L;
    long v1 = 0x646f72616e646f6dL;
    long v2 = 0x6c7967656e657261L;
    long v3 = 0x7465646279746573L;
    int full = m.length & ~7;
    for (int off = 0; off < full; off += 8) {
      long w = le64(m, off, 8);
      v3 ^= w;
      long[] s = round(v0, v1, v2, v3);
      v0 = s[0] ^ w;
      v1 = s[1];
      v2 = s[2];
      v3 = s[3];
    }
    long last = ((long) m.length & 0xff) << 56 | le64(m, full, m.length - full);
    v3 ^= last;
    long[] s = round(v0, v1, v2, v3);
    v0 = s[0] ^ last;
    v1 = s[1];
    v2 = s[2] ^ 0xff;
    v3 = s[3];
    for (int i = 0; i < 3; i++) {
      s = round(v0, v1, v2, v3);
      v0 = s[0];
      v1 = s[1];
      v2 = s[2];
      v3 = s[3];
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }

  private static long[] round(long v0, long v1, long v2, long v3) {
    v0 += v1;
    v1 = Long.rotateLeft(v1, 13);
    v1 ^= v0;
    v0 = Long.rotateLeft(v0, 32);
    v2 += v3;
    v3 = Long.rotateLeft(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = Long.rotateLeft(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = Long.rotateLeft(v1, 17);
    v1 ^= v2;
    v2 = Long.rotateLeft(v2, 32);
    return new long[] {v0, v1, v2, v3};
  }

  private static long le64(byte[] b, int off, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) v |= (b[off + i] & 0xffL) << (8 * i);
    return v;
  }
}
