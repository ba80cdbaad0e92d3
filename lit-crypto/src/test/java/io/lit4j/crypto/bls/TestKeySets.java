package io.lit4j.crypto.bls;

import io.lit4j.crypto.bls.internal.BlsPoints;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * t-of-n BLS key sets for lit-crypto's own tests. The network dealer lives in lit-localnet (test
 * networks only), which lit-crypto cannot depend on, so these tests share a secret here with the
 * plain Shamir rule: share i is f(i) for a polynomial whose coefficients hash from a seed.
 */
final class TestKeySets {
  static final byte[] SEED = "lit4j unit test network key seed".getBytes(StandardCharsets.US_ASCII);

  private TestKeySets() {}

  static BlsKeySet deal(int threshold, int n, byte[] seed) {
    List<BigInteger> coefficients = new ArrayList<>();
    for (int k = 0; k < threshold; k++) coefficients.add(scalar(seed, k));
    List<BlsSecretKeyShare> shares = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      BigInteger x = BigInteger.valueOf(i);
      BigInteger acc = BigInteger.ZERO;
      for (int k = threshold - 1; k >= 0; k--)
        acc = acc.multiply(x).add(coefficients.get(k)).mod(BlsPoints.R);
      shares.add(new BlsSecretKeyShare(i, acc));
    }
    // identifier 1 only labels the share: its public key share is coefficient 0 times G1
    BlsPublicKey publicKey = new BlsSecretKeyShare(1, coefficients.get(0)).publicKeyShare();
    return new BlsKeySet(threshold, publicKey, shares);
  }

  static List<BlsSignatureShare> sign(BlsKeySet keys, byte[] message, int... identifiers) {
    List<BlsSignatureShare> out = new ArrayList<>();
    for (int id : identifiers) out.add(keys.shares().get(id - 1).sign(message));
    return out;
  }

  private static BigInteger scalar(byte[] seed, int index) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-512");
      sha.update(seed);
      sha.update((byte) index);
      BigInteger c = new BigInteger(1, sha.digest()).mod(BlsPoints.R);
      return c.signum() == 0 ? BigInteger.ONE : c;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
