package io.lit4j.crypto.bls;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.internal.BlsPoints;
import io.lit4j.crypto.bls.internal.Lagrange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * Combines BLS signature shares when some may be wrong, at a bounded cost.
 *
 * <p>v4 nodes publish no per-node public key shares, so a single share cannot be checked alone. But
 * honest shares lie on one polynomial of degree t−1 "in the exponent", so they can be checked
 * against each other without a pairing: over any t+2 shares, the weights {@code wⱼ = 1/Πᵢ≠ⱼ(xⱼ −
 * xᵢ)} give two parity checks {@code s₁ = Σ wⱼσⱼ} and {@code s₂ = Σ wⱼxⱼσⱼ} that vanish for honest
 * shares. One wrong share k leaves {@code s₂ = x_k·s₁}, which names it, and {@code s₁ = w_k·E} is
 * its error E times a known weight, so the failed combination is corrected by subtracting {@code
 * (λ_k/w_k)·s₁}. The usual case (one bad share) thus costs one failed verification, t+3 scalar
 * multiplications and one more verification; only when that does not settle it does a subset search
 * run, capped at a fixed number of pairing checks.
 */
public final class BlsShareCombiner {
  /** Pairing checks a search makes at most before giving up. */
  public static final int DEFAULT_MAX_PAIRING_CHECKS = 32;

  private BlsShareCombiner() {}

  /**
   * The outcome of {@link #combineTolerant}.
   *
   * @param signature the verified network signature
   * @param usedIdentifiers identifiers of the shares that made it
   * @param suspectIdentifiers identifiers of shares found inconsistent with the others (likely
   *     wrong)
   * @param pairingChecks how many signature verifications it took
   */
  public record Combined(
      BlsSignature signature,
      List<Integer> usedIdentifiers,
      List<Integer> suspectIdentifiers,
      int pairingChecks) {
    /**
     * Copies the lists.
     *
     * @throws io.lit4j.core.errors.LitValidationException when a part is missing
     */
    public Combined {
      io.lit4j.core.util.Args.required(signature, "signature");
      usedIdentifiers = io.lit4j.core.util.Args.listCopy(usedIdentifiers, "usedIdentifiers");
      suspectIdentifiers =
          io.lit4j.core.util.Args.listCopy(suspectIdentifiers, "suspectIdentifiers");
    }
  }

  /**
   * Finds t shares that combine into a signature verifying against {@code publicKey}: the first t
   * as given, else without the share the parity checks name, else a bounded search over subsets.
   * Put the shares most likely good first.
   *
   * @param publicKey the network public key
   * @param message the signed message
   * @param shares the shares, distinct identifiers
   * @param threshold how many shares a combination needs (at least 2 are used)
   * @param maxPairingChecks the most verifications to try (at least 1)
   * @return the signature and which shares made it
   * @throws LitValidationException for missing input, duplicate identifiers or a bad bound
   * @throws LitCryptoException when fewer than the threshold shares are given or no combination
   *     within the bound verifies
   */
  public static Combined combineTolerant(
      BlsPublicKey publicKey,
      byte[] message,
      List<BlsSignatureShare> shares,
      int threshold,
      int maxPairingChecks) {
    if (publicKey == null || message == null || shares == null)
      throw new LitValidationException("publicKey, message and shares are required");
    if (maxPairingChecks < 1)
      throw new LitValidationException(
          "maxPairingChecks must be at least 1, got " + maxPairingChecks);
    int t = Math.max(2, threshold);
    Set<Integer> ids = new HashSet<>();
    for (BlsSignatureShare s : shares) {
      if (s == null) throw new LitValidationException("a BLS signature share is missing");
      if (!ids.add(s.identifier()))
        throw new LitValidationException(
            "BLS signature shares have the duplicate identifier " + s.identifier());
    }
    if (shares.size() < t) {
      throw new LitCryptoException(
          "only " + shares.size() + " BLS signature shares, " + t + " needed");
    }
    int[] checks = {0};
    // each point is decompressed once, however many combinations and checks use it
    java.util.Map<Integer, P2_Affine> points = new java.util.HashMap<>();
    for (BlsSignatureShare sh : shares) points.put(sh.identifier(), new P2_Affine(sh.point()));
    List<BlsSignatureShare> first = shares.subList(0, t);
    List<Integer> firstIds = identifiers(first);
    BigInteger[] firstLambdas = Lagrange.coefficientsAtZero(firstIds);
    P2 firstSum = new P2();
    for (int i = 0; i < t; i++)
      firstSum = firstSum.add(new P2(points.get(firstIds.get(i))).mult(firstLambdas[i]));
    BlsSignature sig = verified(publicKey, message, firstSum.dup(), checks);
    if (sig != null) return new Combined(sig, identifiers(first), List.of(), checks[0]);

    List<Integer> suspects = new ArrayList<>();
    if (shares.size() >= t + 2) {
      Located found = locateSingleError(shares.subList(0, t + 2), points);
      if (found != null) {
        int bad = found.identifier();
        suspects.add(bad);
        // the first t shares combined to σ + λ_k·E and the parity check gave s₁ = w_k·E, so the
        // right signature is that sum minus (λ_k / w_k)·s₁: one multiplication, not t
        int k = firstIds.indexOf(bad);
        if (k >= 0) {
          BigInteger factor =
              firstLambdas[k].multiply(found.weight().modInverse(BlsPoints.R)).mod(BlsPoints.R);
          sig =
              verified(
                  publicKey,
                  message,
                  firstSum.dup().add(found.s1().dup().mult(factor).neg()),
                  checks);
          List<Integer> used =
              shares.subList(0, t + 2).stream()
                  .map(BlsSignatureShare::identifier)
                  .filter(id -> id != bad)
                  .toList();
          if (sig != null) return new Combined(sig, used, suspects, checks[0]);
        }
        List<BlsSignatureShare> rest =
            shares.stream().filter(s -> s.identifier() != bad).limit(t).toList();
        sig = tryCombine(publicKey, message, rest, points, checks);
        if (sig != null) return new Combined(sig, identifiers(rest), suspects, checks[0]);
      }
    }
    // several wrong shares, or too few spare ones to locate one: a bounded search
    List<BlsSignatureShare> pool =
        shares.stream().filter(s -> !suspects.contains(s.identifier())).toList();
    if (pool.size() >= t) {
      int[] idx = new int[t];
      for (int i = 0; i < t; i++) idx[i] = i;
      do {
        if (checks[0] >= maxPairingChecks) break;
        List<BlsSignatureShare> subset = new ArrayList<>(t);
        for (int i : idx) subset.add(pool.get(i));
        if (subset.equals(first)) continue; // already known not to verify
        sig = tryCombine(publicKey, message, subset, points, checks);
        if (sig != null) {
          List<Integer> used = identifiers(subset);
          List<Integer> out = new ArrayList<>(suspects);
          return new Combined(sig, used, out, checks[0]);
        }
      } while (nextCombination(idx, pool.size()));
    }
    throw new LitCryptoException(
        "no "
            + t
            + " of the "
            + shares.size()
            + " BLS signature shares combine into a signature that verifies"
            + " against the network key "
            + publicKey.toHex()
            + " ("
            + checks[0]
            + " combinations checked"
            + (suspects.isEmpty()
                ? ""
                : ", share " + suspects.get(0) + " is inconsistent with the others")
            + ")");
  }

  /**
   * The identifier of the one share among {@code window} (t+2 shares) inconsistent with the others,
   * or null when none or more than one is.
   */
  private static Located locateSingleError(
      List<BlsSignatureShare> window, java.util.Map<Integer, P2_Affine> points) {
    BigInteger r = BlsPoints.R;
    int m = window.size();
    P2 s1 = new P2();
    P2 s2 = new P2();
    BigInteger[] weights = new BigInteger[m];
    for (int j = 0; j < m; j++) {
      BigInteger xj = BigInteger.valueOf(window.get(j).identifier());
      BigInteger den = BigInteger.ONE;
      for (int i = 0; i < m; i++) {
        if (i != j)
          den = den.multiply(xj.subtract(BigInteger.valueOf(window.get(i).identifier()))).mod(r);
      }
      weights[j] = den.modInverse(r);
      P2 p = new P2(points.get(window.get(j).identifier())).mult(weights[j]);
      s1 = s1.add(p);
      s2 = s2.add(p.dup().mult(xj));
    }
    if (s1.is_inf()) return null;
    for (int j = 0; j < m; j++) {
      if (s1.dup().mult(BigInteger.valueOf(window.get(j).identifier())).is_equal(s2))
        return new Located(window.get(j).identifier(), s1, weights[j]);
    }
    return null;
  }

  private static BlsSignature tryCombine(
      BlsPublicKey key,
      byte[] message,
      List<BlsSignatureShare> shares,
      java.util.Map<Integer, P2_Affine> points,
      int[] checks) {
    BigInteger[] lambdas = Lagrange.coefficientsAtZero(identifiers(shares));
    P2 sum = new P2();
    for (int i = 0; i < shares.size(); i++)
      sum = sum.add(new P2(points.get(shares.get(i).identifier())).mult(lambdas[i]));
    return verified(key, message, sum, checks);
  }

  private static BlsSignature verified(BlsPublicKey key, byte[] message, P2 sum, int[] checks) {
    if (sum.is_inf()) return null;
    checks[0]++;
    return Bls.verifyPoint(key, message, sum.to_affine()) ? new BlsSignature(sum.compress()) : null;
  }

  /**
   * The one inconsistent share of a window, and its error times its parity weight ({@code s₁ =
   * w_k·E}).
   */
  private record Located(int identifier, P2 s1, BigInteger weight) {}

  private static List<Integer> identifiers(List<BlsSignatureShare> shares) {
    return shares.stream().map(BlsSignatureShare::identifier).toList();
  }

  private static boolean nextCombination(int[] idx, int n) {
    int k = idx.length;
    int i = k - 1;
    while (i >= 0 && idx[i] == n - k + i) i--;
    if (i < 0) return false;
    idx[i]++;
    for (int j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
    return true;
  }
}
