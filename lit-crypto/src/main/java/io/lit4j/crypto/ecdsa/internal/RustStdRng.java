package io.lit4j.crypto.ecdsa.internal;

/**
 * Rust rand 0.8's {@code StdRng} (ChaCha with 12 rounds, rand_chacha 0.3) as made by {@code
 * SeedableRng::seed_from_u64}, with the two draws a slice shuffle uses. Reproduces the node's
 * stream word for word, so a client can predict what a node computes from it.
 */
public final class RustStdRng {
  private final int[] key = new int[8];
  private final int[] block = new int[16];
  private long counter;
  private int index = 16;

  private RustStdRng(byte[] seed) {
    for (int i = 0; i < 8; i++) key[i] = le32(seed, 4 * i);
  }

  /**
   * {@return the generator {@code StdRng::seed_from_u64(state)} gives}: the 32-byte seed is filled
   * with PCG32 outputs, as rand_core 0.6 does
   *
   * @param state the u64 seed
   */
  public static RustStdRng seedFromU64(long state) {
    byte[] seed = new byte[32];
    for (int chunk = 0; chunk < 8; chunk++) {
      state = state * 6364136223846793005L + 0xa17654e46fbe17f3L; // INC = 11634580027462260723
      int xorshifted = (int) (((state >>> 18) ^ state) >>> 27);
      int rot = (int) (state >>> 59);
      int x = Integer.rotateRight(xorshifted, rot);
      for (int i = 0; i < 4; i++) seed[4 * chunk + i] = (byte) (x >>> (8 * i));
    }
    return new RustStdRng(seed);
  }

  /** {@return the next u32 of the stream, as an int} */
  public int nextU32() {
    if (index == 16) refill();
    return block[index++];
  }

  /** {@return the next u64: two u32 words, low first, as rand's block RNG combines them} */
  public long nextU64() {
    long lo = nextU32() & 0xffffffffL;
    long hi = nextU32() & 0xffffffffL;
    return hi << 32 | lo;
  }

  /**
   * {@code rng.gen_range(0..bound)} for a u32 bound, as rand 0.8's single-sample uniform integer
   * draw: widening multiply with the conservative rejection zone.
   *
   * @param bound exclusive upper bound, at least 1
   * @return a value in {@code [0, bound)}
   */
  public int genIndex(int bound) {
    if (bound < 1) throw new IllegalArgumentException("bound must be at least 1, got " + bound);
    long range = bound & 0xffffffffL;
    long zone = ((range << Integer.numberOfLeadingZeros(bound)) - 1) & 0xffffffffL;
    while (true) {
      long v = nextU32() & 0xffffffffL;
      long m = v * range;
      long lo = m & 0xffffffffL;
      if (lo <= zone) return (int) (m >>> 32);
    }
  }

  /**
   * Shuffles {@code items} in place as rand 0.8's {@code SliceRandom::shuffle}: for i from len−1
   * down to 1, swap i with {@code gen_index(i + 1)}.
   *
   * @param items the list to shuffle
   * @param <T> element type
   */
  public <T> void shuffle(java.util.List<T> items) {
    for (int i = items.size() - 1; i >= 1; i--)
      java.util.Collections.swap(items, i, genIndex(i + 1));
  }

  private void refill() {
    int[] x = new int[16];
    x[0] = 0x61707865;
    x[1] = 0x3320646e;
    x[2] = 0x79622d32;
    x[3] = 0x6b206574;
    System.arraycopy(key, 0, x, 4, 8);
    x[12] = (int) counter;
    x[13] = (int) (counter >>> 32);
    x[14] = 0;
    x[15] = 0;
    int[] w = x.clone();
    for (int r = 0; r < 6; r++) {
      quarter(w, 0, 4, 8, 12);
      quarter(w, 1, 5, 9, 13);
      quarter(w, 2, 6, 10, 14);
      quarter(w, 3, 7, 11, 15);
      quarter(w, 0, 5, 10, 15);
      quarter(w, 1, 6, 11, 12);
      quarter(w, 2, 7, 8, 13);
      quarter(w, 3, 4, 9, 14);
    }
    for (int i = 0; i < 16; i++) block[i] = w[i] + x[i];
    counter++;
    index = 0;
  }

  private static void quarter(int[] s, int a, int b, int c, int d) {
    s[a] += s[b];
    s[d] = Integer.rotateLeft(s[d] ^ s[a], 16);
    s[c] += s[d];
    s[b] = Integer.rotateLeft(s[b] ^ s[c], 12);
    s[a] += s[b];
    s[d] = Integer.rotateLeft(s[d] ^ s[a], 8);
    s[c] += s[d];
    s[b] = Integer.rotateLeft(s[b] ^ s[c], 7);
  }

  private static int le32(byte[] b, int off) {
    return (b[off] & 0xff)
        | (b[off + 1] & 0xff) << 8
        | (b[off + 2] & 0xff) << 16
        | (b[off + 3] & 0xff) << 24;
  }
}
