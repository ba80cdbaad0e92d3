package io.lit4j.localnet;

import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSecretKeyShare;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.keys.BlsDealer;
import io.lit4j.localnet.keys.K256NodeKeyShare;
import io.lit4j.localnet.keys.K256RootKeyShares;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reshares the network's keys for a new validator set, as the real network's DKG does at an epoch
 * change: the BLS root secret and every K256 root secret stay the same (so the network key, the HD
 * root keys and every PKP stay), each in a fresh polynomial of the new threshold evaluated at the
 * new set's identifiers 1..n. Test-network material: holds the root secrets.
 */
final class EpochDealer {
  private static final BigInteger BLS_R = io.lit4j.crypto.bls.Bls.SCALAR_ORDER;
  private static final BigInteger K256_N = Secp256k1.ORDER;

  private final byte[] seed;
  private final BigInteger blsSecret;
  private final BlsPublicKey blsPublicKey;
  private final List<BigInteger> rootSecrets;
  private final List<Secp256k1PublicKey> rootPublicKeys;

  /** The keys of one epoch's validator set. */
  record EpochKeys(BlsKeySet bls, List<K256NodeKeyShare> k256) {}

  EpochDealer(byte[] seed, BlsKeySet firstBls, K256RootKeyShares firstK256) {
    this.seed = seed.clone();
    this.blsSecret = interpolateAtZero(firstBls.shares().subList(0, firstBls.threshold()), BLS_R);
    this.blsPublicKey = firstBls.publicKey();
    this.rootSecrets = List.copyOf(firstK256.rootSecrets());
    this.rootPublicKeys = List.copyOf(firstK256.rootPublicKeys());
    if (!BlsDealer.fromPolynomial(List.of(blsSecret, BigInteger.ONE), 2)
        .publicKey()
        .equals(blsPublicKey)) {
      throw new IllegalStateException("the dealt BLS shares do not interpolate to the network key");
    }
  }

  /**
   * Deals the same keys to a set of {@code n} nodes with threshold {@code threshold}.
   *
   * @param epoch the epoch number (the fresh coefficients depend on it)
   */
  EpochKeys deal(long epoch, int n, int threshold) {
    int blsThreshold = Math.max(2, threshold);
    List<BigInteger> blsCoefficients = new ArrayList<>();
    blsCoefficients.add(blsSecret);
    for (int k = 1; k < blsThreshold; k++) blsCoefficients.add(scalar("bls", epoch, 0, k, BLS_R));
    BlsKeySet bls = BlsDealer.fromPolynomial(blsCoefficients, n);
    if (!bls.publicKey().equals(blsPublicKey))
      throw new IllegalStateException("resharing changed the BLS network key");
    List<List<BigInteger>> perNode = new ArrayList<>();
    for (int i = 0; i < n; i++) perNode.add(new ArrayList<>());
    for (int j = 0; j < rootSecrets.size(); j++) {
      BigInteger[] coefficients = new BigInteger[threshold];
      coefficients[0] = rootSecrets.get(j);
      for (int k = 1; k < threshold; k++) coefficients[k] = scalar("k256", epoch, j, k, K256_N);
      for (int i = 0; i < n; i++)
        perNode.get(i).add(evaluate(coefficients, BigInteger.valueOf(i + 1), K256_N));
    }
    List<K256NodeKeyShare> k256 = new ArrayList<>();
    for (int i = 0; i < n; i++)
      k256.add(new K256NodeKeyShare(i, threshold, n, perNode.get(i), rootPublicKeys));
    return new EpochKeys(bls, k256);
  }

  /** A nonzero scalar below {@code order}, from the seed, the epoch and the coefficient's place. */
  private BigInteger scalar(String kind, long epoch, int root, int k, BigInteger order) {
    for (int attempt = 0; ; attempt++) {
      try {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(seed, "HmacSHA512"));
        byte[] out =
            mac.doFinal(
                ("lit4j-localnet-epoch-v1:"
                        + kind
                        + ":"
                        + epoch
                        + ":"
                        + root
                        + ":"
                        + k
                        + ":"
                        + attempt)
                    .getBytes(StandardCharsets.US_ASCII));
        BigInteger v = new BigInteger(1, out).mod(order);
        if (v.signum() != 0) return v;
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA512 is missing from this JVM", e);
      }
    }
  }

  private static BigInteger evaluate(BigInteger[] coefficients, BigInteger x, BigInteger order) {
    BigInteger y = BigInteger.ZERO;
    for (int k = coefficients.length - 1; k >= 0; k--)
      y = y.multiply(x).add(coefficients[k]).mod(order);
    return y;
  }

  private static BigInteger interpolateAtZero(List<BlsSecretKeyShare> shares, BigInteger order) {
    BigInteger secret = BigInteger.ZERO;
    for (BlsSecretKeyShare si : shares) {
      BigInteger xi = BigInteger.valueOf(si.identifier());
      BigInteger num = BigInteger.ONE;
      BigInteger den = BigInteger.ONE;
      for (BlsSecretKeyShare sj : shares) {
        if (sj == si) continue;
        BigInteger xj = BigInteger.valueOf(sj.identifier());
        num = num.multiply(xj).mod(order);
        den = den.multiply(xj.subtract(xi)).mod(order);
      }
      secret = secret.add(si.value().multiply(num).multiply(den.modInverse(order))).mod(order);
    }
    return secret;
  }
}
