package io.lit4j.localnet.keys;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.Bls;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsSecretKeyShare;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * <b>Test-network material.</b> A trusted dealer for the simulated nodes of lit-localnet: splits
 * one BLS secret into t-of-n Shamir shares (identifiers 1..n) with the group public key, as a real
 * Lit network holds its key after its distributed key generation. Real networks never have a
 * dealer; the SDK never needs this class.
 *
 * <p>The polynomial is {@code f(x) = a₀ + a₁x + … + a_{t−1}x^{t−1} mod r} with secret {@code a₀};
 * share i is {@code f(i)}; the public key is {@code a₀ · G1}. Each node signs with {@link
 * BlsSecretKeyShare#sign} (the public key is {@code a₀ · G1}, computed as the public key share of
 * a₀); any t of the shares combine to a signature valid under the public key.
 */
public final class BlsDealer {
  private static final byte[] SEED_SALT =
      "lit4j-localnet-bls-dealer-v1".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_SHARES = 255;

  private BlsDealer() {}

  /**
   * Deals a key from a seed: the same seed, threshold and n always give the same key set (so a
   * local network can restart with the same network key).
   *
   * @param seed any bytes, at least 16 (the coefficients are HKDF-SHA-256 outputs of it)
   * @param threshold shares needed to sign
   * @param n number of shares
   * @return the key set
   * @throws LitValidationException unless 2 ≤ threshold ≤ n ≤ 255 and the seed has at least 16
   *     bytes
   */
  public static BlsKeySet deal(int threshold, int n, byte[] seed) {
    checkSizes(threshold, n);
    if (seed == null || seed.length < 16) {
      throw new LitValidationException("BLS dealer seed must have at least 16 bytes");
    }
    List<BigInteger> coefficients = new ArrayList<>(threshold);
    for (int k = 0; k < threshold; k++) {
      BigInteger c = BigInteger.ZERO;
      for (int attempt = 0; c.signum() == 0; attempt++) {
        c = seededScalar(seed, k, attempt);
      }
      coefficients.add(c);
    }
    return fromPolynomial(coefficients, n);
  }

  /**
   * Deals a fresh random key.
   *
   * @param threshold shares needed to sign
   * @param n number of shares
   * @param random the source of the secret coefficients
   * @return the key set
   * @throws LitValidationException unless 2 ≤ threshold ≤ n ≤ 255, or when random is missing
   */
  public static BlsKeySet deal(int threshold, int n, SecureRandom random) {
    checkSizes(threshold, n);
    if (random == null) throw new LitValidationException("BLS dealer random source is missing");
    List<BigInteger> coefficients = new ArrayList<>(threshold);
    for (int k = 0; k < threshold; k++) {
      BigInteger c = BigInteger.ZERO;
      while (c.signum() == 0) {
        byte[] wide = new byte[48];
        random.nextBytes(wide);
        c = new BigInteger(1, wide).mod(Bls.SCALAR_ORDER);
      }
      coefficients.add(c);
    }
    return fromPolynomial(coefficients, n);
  }

  /**
   * Shares a given polynomial: {@code coefficients[0]} is the secret, the threshold is the number
   * of coefficients. Used to reproduce a known key (e.g. a vector file's).
   *
   * @param coefficients the polynomial's coefficients, constant term first
   * @param n number of shares
   * @return the key set
   * @throws LitValidationException when a coefficient is missing or outside [0, r), the secret is
   *     0, or 2 ≤ t ≤ n ≤ 255 does not hold
   */
  public static BlsKeySet fromPolynomial(List<BigInteger> coefficients, int n) {
    if (coefficients == null)
      throw new LitValidationException("BLS polynomial coefficients are missing");
    int t = coefficients.size();
    checkSizes(t, n);
    for (int k = 0; k < t; k++) {
      BigInteger c = coefficients.get(k);
      if (c == null || c.signum() < 0 || c.compareTo(Bls.SCALAR_ORDER) >= 0) {
        throw new LitValidationException("BLS polynomial coefficient " + k + " must be in [0, r)");
      }
    }
    BigInteger secret = coefficients.get(0);
    if (secret.signum() == 0)
      throw new LitValidationException("BLS secret (coefficient 0) must not be 0");
    List<BlsSecretKeyShare> shares = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      shares.add(new BlsSecretKeyShare(i, evaluate(coefficients, BigInteger.valueOf(i))));
    }
    return new BlsKeySet(t, new BlsSecretKeyShare(1, secret).publicKeyShare(), shares);
  }

  private static BigInteger evaluate(List<BigInteger> coefficients, BigInteger x) {
    BigInteger acc = BigInteger.ZERO;
    for (int k = coefficients.size() - 1; k >= 0; k--) {
      acc = acc.multiply(x).add(coefficients.get(k)).mod(Bls.SCALAR_ORDER);
    }
    return acc;
  }

  private static BigInteger seededScalar(byte[] seed, int index, int attempt) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    byte[] info = ("coefficient-" + index + "-" + attempt).getBytes(StandardCharsets.US_ASCII);
    hkdf.init(new HKDFParameters(seed, SEED_SALT, info));
    byte[] okm = new byte[48];
    hkdf.generateBytes(okm, 0, okm.length);
    return new BigInteger(1, okm).mod(Bls.SCALAR_ORDER);
  }

  private static void checkSizes(int threshold, int n) {
    if (n < 2 || n > MAX_SHARES) {
      throw new LitValidationException("BLS dealer share count n must be in [2, 255], got " + n);
    }
    if (threshold < 2 || threshold > n) {
      throw new LitValidationException(
          "BLS dealer threshold must be in [2, n = " + n + "], got " + threshold);
    }
  }
}
