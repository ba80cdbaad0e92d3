package io.lit4j.crypto.bls.internal;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lagrange coefficients at x = 0 over the scalar field of BLS12-381 (vsss-rs {@code
 * combine_shares_group}).
 */
public final class Lagrange {
  private Lagrange() {}

  /**
   * {@code λᵢ = Π_{j≠i} xⱼ / (xⱼ − xᵢ) mod r} for each identifier, in the order given. Identifiers
   * must be distinct and non-zero mod r; callers check that first.
   *
   * @param identifiers the share identifiers
   * @return {@code λᵢ = Π_{j≠i} xⱼ / (xⱼ − xᵢ) mod r} for each identifier, in the order given
   */
  public static BigInteger[] coefficientsAtZero(List<Integer> identifiers) {
    List<Integer> key = List.copyOf(identifiers);
    BigInteger[] known = KNOWN.get(key);
    if (known == null) {
      known = compute(key);
      KNOWN.put(key, known);
    }
    return known.clone();
  }

  /**
   * Coefficients of the identifier sets used lately: a client combines shares from the same nodes
   * call after call, and each set costs t modular inversions.
   */
  private static final Map<List<Integer>, BigInteger[]> KNOWN =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Integer>, BigInteger[]> eldest) {
              return size() > 64;
            }
          });

  private static BigInteger[] compute(List<Integer> identifiers) {
    BigInteger r = BlsPoints.R;
    BigInteger[] out = new BigInteger[identifiers.size()];
    for (int i = 0; i < identifiers.size(); i++) {
      BigInteger xi = BigInteger.valueOf(identifiers.get(i));
      BigInteger num = BigInteger.ONE;
      BigInteger den = BigInteger.ONE;
      for (int j = 0; j < identifiers.size(); j++) {
        if (j == i) continue;
        BigInteger xj = BigInteger.valueOf(identifiers.get(j));
        num = num.multiply(xj).mod(r);
        den = den.multiply(xj.subtract(xi)).mod(r);
      }
      out[i] = num.multiply(den.modInverse(r)).mod(r);
    }
    return out;
  }
}
