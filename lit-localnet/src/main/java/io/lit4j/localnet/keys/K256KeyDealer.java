package io.lit4j.localnet.keys;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HashToField;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Deals t-of-n Shamir shares of K256 root keys for a local test network (test-network material).
 * Root j's secret is the constant term of a random polynomial fⱼ of degree t−1; node i (participant
 * {@code i + 1}) gets fⱼ(i + 1). HD derivation is linear, so a node's derived share {@code Σⱼ
 * τʲ·fⱼ(i+1)} is a Shamir share of the derived secret {@code Σⱼ τʲ·rootSecretⱼ}, whose public key
 * is {@link io.lit4j.crypto.hd.HdKeys#derivePublicKey}.
 *
 * <p>A seeded dealer is deterministic: the same seed and parameters deal the same keys.
 */
public final class K256KeyDealer {
  private static final String DST = "LIT4J_TESTNET_K256_DEALER_XMD:SHA-256_RO_";

  private final byte[] seed;
  private final SecureRandom random;

  private K256KeyDealer(byte[] seed, SecureRandom random) {
    this.seed = seed;
    this.random = random;
  }

  /**
   * {@return a deterministic dealer: coefficients come from {@code hash_to_field(seed ‖ counter)}}
   *
   * @param seed any bytes; the same seed gives the same keys
   * @throws LitValidationException when the seed is null or empty
   */
  public static K256KeyDealer seeded(byte[] seed) {
    if (seed == null || seed.length == 0)
      throw new LitValidationException("dealer seed is missing");
    return new K256KeyDealer(seed.clone(), null);
  }

  /** {@return a dealer drawing from a {@link SecureRandom}} */
  public static K256KeyDealer random() {
    return new K256KeyDealer(null, new SecureRandom());
  }

  /**
   * Deals {@code rootCount} root keys, each shared t-of-n.
   *
   * @param rootCount number of root keys (≥ 2; real networks use 10)
   * @param threshold shares needed (≥ 1)
   * @param nodeCount nodes (≥ threshold)
   * @return the root keys and every node's shares
   * @throws LitValidationException for bad counts
   */
  public K256RootKeyShares deal(int rootCount, int threshold, int nodeCount) {
    if (rootCount < 2)
      throw new LitValidationException("rootCount must be at least 2, got " + rootCount);
    if (threshold < 1 || nodeCount < threshold) {
      throw new LitValidationException(
          "need 1 ≤ threshold ≤ nodeCount, got threshold " + threshold + " of " + nodeCount);
    }
    long counter = 0;
    List<BigInteger> secrets = new ArrayList<>();
    List<Secp256k1PublicKey> publics = new ArrayList<>();
    List<List<BigInteger>> perNode = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) perNode.add(new ArrayList<>());
    for (int j = 0; j < rootCount; j++) {
      BigInteger[] coeffs = new BigInteger[threshold];
      for (int c = 0; c < threshold; c++) {
        BigInteger v;
        do {
          v = nextScalar(counter++);
        } while (v.signum() == 0);
        coeffs[c] = v;
      }
      secrets.add(coeffs[0]);
      publics.add(Secp256k1.multiplyGenerator(coeffs[0]));
      for (int i = 0; i < nodeCount; i++) {
        perNode.get(i).add(evaluate(coeffs, BigInteger.valueOf(i + 1)));
      }
    }
    List<K256NodeKeyShare> nodes = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) {
      nodes.add(new K256NodeKeyShare(i, threshold, nodeCount, perNode.get(i), publics));
    }
    return new K256RootKeyShares(publics, secrets, nodes);
  }

  private BigInteger nextScalar(long counter) {
    if (random != null) {
      byte[] b = new byte[48];
      random.nextBytes(b);
      return new BigInteger(1, b).mod(Secp256k1.ORDER);
    }
    byte[] msg = new byte[seed.length + 8];
    System.arraycopy(seed, 0, msg, 0, seed.length);
    for (int k = 0; k < 8; k++) msg[seed.length + k] = (byte) (counter >>> (56 - 8 * k));
    return HashToField.hashToScalar(msg, DST, Secp256k1.ORDER);
  }

  private static BigInteger evaluate(BigInteger[] coeffs, BigInteger x) {
    BigInteger acc = BigInteger.ZERO;
    for (int c = coeffs.length - 1; c >= 0; c--)
      acc = acc.multiply(x).add(coeffs[c]).mod(Secp256k1.ORDER);
    return acc;
  }
}
