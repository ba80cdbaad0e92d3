package io.lit4j.crypto.bls.internal;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.BlsSignatureShare;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * Lagrange combination of BLS signature shares at 0, done cheaply: the network signature is {@code
 * σ = Σ λᵢ·σᵢ} with {@code λᵢ = P / dᵢ}, where {@code P = Π xⱼ} and {@code dᵢ = xᵢ·Π_{j≠i}(xⱼ −
 * xᵢ)} are small integers for identifiers 1..255. With {@code M = lcm |dᵢ|}, {@code σ = (P·M⁻¹ mod
 * r) · Σ cᵢ·σᵢ} where {@code cᵢ = M / dᵢ} has a few dozen bits: the sum takes one shared
 * double-and-add pass (Straus) over short integers instead of t full 255-bit multiplications, and
 * the single full-size factor {@link #scale()} is applied once (or moved into G1 by the caller,
 * where multiplying is cheaper). Internal: use {@code io.lit4j.crypto.bls.Bls}.
 *
 * @param sum {@code Σ cᵢ·σᵢ} (never the identity)
 * @param scale the factor with {@code σ = scale · sum}, in [1, r)
 */
public record ShareSum(P2 sum, BigInteger scale) {
  /**
   * Above this many bits the short coefficients stop paying off; full λᵢ multiplications are used.
   */
  private static final int MAX_SHORT_BITS = 128;

  /**
   * Validates the shares (at least 2, none missing, distinct identifiers) and sums them.
   *
   * @param shares the nodes' shares
   * @return the scaled sum
   * @throws LitValidationException when the list is missing, holds fewer than 2 shares, a missing
   *     share, or two shares with the same identifier
   * @throws LitCryptoException when the shares combine to the identity point
   */
  public static ShareSum of(List<BlsSignatureShare> shares) {
    if (shares == null) {
      throw new LitValidationException("BLS signature shares are missing");
    }
    if (shares.size() < 2) {
      throw new LitValidationException(
          "at least 2 BLS signature shares are needed to combine, got " + shares.size());
    }
    int t = shares.size();
    long[] ids = new long[t];
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < t; i++) {
      BlsSignatureShare s = shares.get(i);
      if (s == null) {
        throw new LitValidationException("BLS signature share " + i + " is missing");
      }
      if (!seen.add(s.identifier())) {
        throw new LitValidationException(
            "BLS signature shares have the duplicate identifier "
                + s.identifier()
                + "; each node's share must appear once");
      }
      ids[i] = s.identifier();
    }
    BigInteger product = BigInteger.ONE;
    BigInteger[] d = new BigInteger[t];
    BigInteger lcm = BigInteger.ONE;
    for (int i = 0; i < t; i++) {
      product = product.multiply(BigInteger.valueOf(ids[i]));
      BigInteger di = BigInteger.valueOf(ids[i]);
      for (int j = 0; j < t; j++) {
        if (j != i) di = di.multiply(BigInteger.valueOf(ids[j] - ids[i]));
      }
      d[i] = di;
      BigInteger a = di.abs();
      lcm = lcm.divide(lcm.gcd(a)).multiply(a);
    }
    BigInteger[] c = new BigInteger[t];
    int maxBits = 0;
    for (int i = 0; i < t; i++) {
      c[i] = lcm.divide(d[i]);
      maxBits = Math.max(maxBits, c[i].abs().bitLength());
    }
    P2 sum;
    BigInteger scale;
    if (maxBits <= MAX_SHORT_BITS) {
      sum = straus(shares, c, maxBits);
      scale = product.multiply(lcm.modInverse(BlsPoints.R)).mod(BlsPoints.R);
    } else {
      BigInteger[] lambdas =
          Lagrange.coefficientsAtZero(shares.stream().map(BlsSignatureShare::identifier).toList());
      sum = new P2();
      for (int i = 0; i < t; i++) {
        sum = sum.add(new P2(point(shares.get(i))).mult(lambdas[i]));
      }
      scale = BigInteger.ONE;
    }
    if (sum.is_inf()) {
      throw new LitCryptoException(
          "BLS signature shares combine to the identity point; the shares are not valid");
    }
    return new ShareSum(sum, scale);
  }

  /** {@return the combined signature {@code scale · sum}} */
  public P2 signature() {
    return scale.equals(BigInteger.ONE) ? sum.dup() : sum.dup().mult(scale);
  }

  /** Σ cᵢ·σᵢ with one shared doubling chain; negative cᵢ add the negated point. */
  private static P2 straus(List<BlsSignatureShare> shares, BigInteger[] c, int bits) {
    int t = shares.size();
    P2[] points = new P2[t];
    BigInteger[] magnitude = new BigInteger[t];
    for (int i = 0; i < t; i++) {
      P2 p = new P2(point(shares.get(i)));
      points[i] = c[i].signum() < 0 ? p.neg() : p;
      magnitude[i] = c[i].abs();
    }
    P2 acc = new P2();
    for (int bit = bits - 1; bit >= 0; bit--) {
      acc = acc.dbl();
      for (int i = 0; i < t; i++) {
        if (magnitude[i].testBit(bit)) acc = acc.add(points[i]);
      }
    }
    return acc;
  }

  // the point was fully checked when the share was built
  private static P2_Affine point(BlsSignatureShare share) {
    return new P2_Affine(share.point());
  }
}
