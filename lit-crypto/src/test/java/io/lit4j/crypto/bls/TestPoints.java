package io.lit4j.crypto.bls;

import java.math.BigInteger;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/** Malformed points for parser tests, found by trying small x-coordinates. */
final class TestPoints {
  private TestPoints() {}

  /** A compressed G1 encoding of an x whose y² = x³ + 4 has no root: not on the curve. */
  static byte[] g1NotOnCurve() {
    return g1(false);
  }

  /** A compressed G1 point on the curve but outside the prime-order subgroup. */
  static byte[] g1OutsideSubgroup() {
    return g1(true);
  }

  /** A compressed G2 encoding whose x has no point on the curve. */
  static byte[] g2NotOnCurve() {
    return g2(false);
  }

  /** A compressed G2 point on the curve but outside the prime-order subgroup. */
  static byte[] g2OutsideSubgroup() {
    return g2(true);
  }

  static byte[] g1Identity() {
    byte[] b = new byte[48];
    b[0] = (byte) 0xc0;
    return b;
  }

  static byte[] g2Identity() {
    byte[] b = new byte[96];
    b[0] = (byte) 0xc0;
    return b;
  }

  private static byte[] g1(boolean onCurve) {
    for (int x = 1; x < 1000; x++) {
      byte[] b = fixed(BigInteger.valueOf(x), 48);
      b[0] |= (byte) 0x80;
      try {
        P1_Affine p = new P1_Affine(b);
        if (onCurve && p.on_curve() && !p.in_group()) return b;
      } catch (RuntimeException notOnCurve) {
        if (!onCurve) return b;
      }
    }
    throw new IllegalStateException("no test point found");
  }

  private static byte[] g2(boolean onCurve) {
    for (int x = 1; x < 1000; x++) {
      // x = x + 0·u; the c1 half comes first
      byte[] b = new byte[96];
      System.arraycopy(fixed(BigInteger.valueOf(x), 48), 0, b, 48, 48);
      b[0] |= (byte) 0x80;
      try {
        P2_Affine p = new P2_Affine(b);
        if (onCurve && p.on_curve() && !p.in_group()) return b;
      } catch (RuntimeException notOnCurve) {
        if (!onCurve) return b;
      }
    }
    throw new IllegalStateException("no test point found");
  }

  private static byte[] fixed(BigInteger v, int len) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[len];
    System.arraycopy(raw, 0, out, len - raw.length, raw.length);
    return out;
  }
}
