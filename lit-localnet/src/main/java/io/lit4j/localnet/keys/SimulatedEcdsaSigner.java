package io.lit4j.localnet.keys;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.ecdsa.EcdsaSigType;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HashToField;
import io.lit4j.crypto.hd.HdKeyId;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A test-network node's ECDSA signer (node-behavior.md §6.5; test-network material). All nodes
 * share a network secret; from it, the request id, the digest and the key each derives the same
 * nonce k and presignature point {@code R = k⁻¹·G} (cait-sith's convention), and node i of the
 * signing subset returns {@code sᵢ = λᵢ · k · (h + r·xᵢ)} with xᵢ its Shamir share of the key and
 * λᵢ its Lagrange coefficient at 0 over the subset (x-coordinates {@code shareIndex + 1}). Then
 * {@code Σ sᵢ = k·(h + r·x)}: an ordinary ECDSA signature the client obtains by summing.
 *
 * <p>A different request id at some node gives a different R there and the combine fails, as it
 * would with real nodes. Not for production: see the package documentation.
 */
public final class SimulatedEcdsaSigner {
  private static final String NONCE_DST = "LIT4J_TESTNET_ECDSA_NONCE_K256_XMD:SHA-256_RO_";

  private final byte[] networkSecret;

  /**
   * @param networkSecret the secret all nodes of the test network share (≥ 16 bytes)
   * @throws LitValidationException when it is missing or shorter than 16 bytes
   */
  public SimulatedEcdsaSigner(byte[] networkSecret) {
    if (networkSecret == null || networkSecret.length < 16) {
      throw new LitValidationException("networkSecret must be at least 16 bytes");
    }
    this.networkSecret = networkSecret.clone();
  }

  /**
   * {@return the nonce k every node derives for this request, digest and key (secret)}
   *
   * @param requestId the request id the nodes share
   * @param digest the 32-byte digest to sign
   * @param publicKey the key to sign with
   * @throws LitValidationException for missing input or a digest that is not 32 bytes below n
   */
  public BigInteger nonce(String requestId, byte[] digest, Secp256k1PublicKey publicKey) {
    requireInputs(requestId, digest, publicKey);
    ByteArrayOutputStream msg = new ByteArrayOutputStream();
    writeWithLength(msg, networkSecret);
    writeWithLength(msg, requestId.getBytes(StandardCharsets.UTF_8));
    msg.writeBytes(digest);
    msg.writeBytes(publicKey.uncompressed());
    for (int attempt = 0; ; attempt++) {
      ByteArrayOutputStream m = new ByteArrayOutputStream();
      m.writeBytes(msg.toByteArray());
      m.write(attempt);
      BigInteger k = HashToField.hashToScalar(m.toByteArray(), NONCE_DST, Secp256k1.ORDER);
      if (k.signum() != 0) return k;
    }
  }

  /**
   * {@return the compressed presignature point {@code R = k⁻¹·G} all nodes report as {@code bigR}}
   *
   * @param requestId the request id the nodes share
   * @param digest the 32-byte digest to sign
   * @param publicKey the key to sign with
   */
  public byte[] bigR(String requestId, byte[] digest, Secp256k1PublicKey publicKey) {
    return Secp256k1.multiplyGenerator(
            nonce(requestId, digest, publicKey).modInverse(Secp256k1.ORDER))
        .compressed();
  }

  /**
   * Node {@code key.shareIndex()}'s share for an HD-derived PKP.
   *
   * @param signingSubset the share indices chosen by {@link
   *     io.lit4j.crypto.ecdsa.SigningSubset#select}
   * @param key this node's root key shares
   * @param keyId the PKP's key id
   * @param digest the 32-byte digest to sign
   * @param requestId the request id the nodes share
   * @param sigName the signature's name
   * @return the share, or empty when this node is not in the subset (it answers with an empty
   *     share)
   * @throws LitValidationException for malformed input or a subset smaller than the threshold
   */
  public Optional<EcdsaSignatureShare> signShare(
      K256NodeKeyShare key,
      HdKeyId keyId,
      byte[] digest,
      String requestId,
      List<Integer> signingSubset,
      String sigName) {
    if (key == null) throw new LitValidationException("key share is missing");
    if (keyId == null) throw new LitValidationException("keyId is missing");
    if (signingSubset != null && signingSubset.size() < key.threshold()) {
      throw new LitValidationException(
          "signing subset has " + signingSubset.size() + " nodes, threshold is " + key.threshold());
    }
    return signShare(
        key.shareIndex(),
        key.derivedSecretShare(keyId),
        key.derivedPublicKey(keyId),
        digest,
        requestId,
        signingSubset,
        sigName);
  }

  /**
   * A node's share given its Shamir share {@code secretShare} of the key behind {@code publicKey}.
   * The subset must have at least the sharing's threshold of nodes, or the sum will not verify.
   * Written with {@code shareIndex 0}, as real v4 nodes do.
   *
   * @param shareIndex this node's 0-based index
   * @param secretShare this node's Shamir share of the secret key
   * @param publicKey the key to sign with
   * @param digest the 32-byte digest to sign
   * @param requestId the request id the nodes share
   * @param signingSubset the share indices that sign
   * @param sigName the signature's name
   * @return the share, or empty when {@code shareIndex} is not in the subset
   * @throws LitValidationException for malformed input
   */
  public Optional<EcdsaSignatureShare> signShare(
      int shareIndex,
      BigInteger secretShare,
      Secp256k1PublicKey publicKey,
      byte[] digest,
      String requestId,
      List<Integer> signingSubset,
      String sigName) {
    requireInputs(requestId, digest, publicKey);
    if (secretShare == null
        || secretShare.signum() < 0
        || secretShare.compareTo(Secp256k1.ORDER) >= 0) {
      throw new LitValidationException("secretShare must be a scalar below n");
    }
    if (signingSubset == null || signingSubset.isEmpty())
      throw new LitValidationException("signingSubset is missing");
    if (new HashSet<>(signingSubset).size() != signingSubset.size())
      throw new LitValidationException("signingSubset contains a duplicate");
    if (sigName == null) throw new LitValidationException("sigName is missing");
    if (!signingSubset.contains(shareIndex)) return Optional.empty();

    BigInteger k = nonce(requestId, digest, publicKey);
    byte[] bigR = Secp256k1.multiplyGenerator(k.modInverse(Secp256k1.ORDER)).compressed();
    BigInteger r =
        new BigInteger(1, java.util.Arrays.copyOfRange(bigR, 1, 33)).mod(Secp256k1.ORDER);
    BigInteger h = new BigInteger(1, digest);
    BigInteger lambda = lagrangeAtZero(shareIndex, signingSubset);
    BigInteger s =
        lambda
            .multiply(k)
            .mod(Secp256k1.ORDER)
            .multiply(h.add(r.multiply(secretShare)))
            .mod(Secp256k1.ORDER);
    return Optional.of(
        EcdsaSignatureShare.of(EcdsaSigType.K256, digest, s, bigR, publicKey, 0, sigName));
  }

  /**
   * {@return the Lagrange coefficient at 0 of participant {@code shareIndex + 1} over the subset's
   * participants}
   *
   * @param shareIndex the participant's 0-based index
   * @param signingSubset the 0-based indices of all participants
   * @throws LitValidationException when shareIndex is not in the subset
   */
  public static BigInteger lagrangeAtZero(int shareIndex, List<Integer> signingSubset) {
    if (signingSubset == null || !signingSubset.contains(shareIndex)) {
      throw new LitValidationException(
          "shareIndex " + shareIndex + " is not in the signing subset");
    }
    BigInteger xi = BigInteger.valueOf(shareIndex + 1L);
    BigInteger num = BigInteger.ONE;
    BigInteger den = BigInteger.ONE;
    for (int j : signingSubset) {
      if (j == shareIndex) continue;
      BigInteger xj = BigInteger.valueOf(j + 1L);
      num = num.multiply(xj).mod(Secp256k1.ORDER);
      den = den.multiply(xj.subtract(xi)).mod(Secp256k1.ORDER);
    }
    return num.multiply(den.modInverse(Secp256k1.ORDER)).mod(Secp256k1.ORDER);
  }

  private static void requireInputs(String requestId, byte[] digest, Secp256k1PublicKey publicKey) {
    if (requestId == null) throw new LitValidationException("requestId is missing");
    if (publicKey == null) throw new LitValidationException("publicKey is missing");
    if (digest == null || digest.length != 32) {
      throw new LitValidationException(
          "toSign must be exactly 32 bytes, got " + (digest == null ? "none" : digest.length));
    }
    if (new BigInteger(1, digest).compareTo(Secp256k1.ORDER) >= 0) {
      throw new LitValidationException("toSign is not below the secp256k1 group order");
    }
  }

  private static void writeWithLength(ByteArrayOutputStream out, byte[] b) {
    out.write(b.length >>> 24);
    out.write(b.length >>> 16);
    out.write(b.length >>> 8);
    out.write(b.length);
    out.writeBytes(b);
  }

  @Override
  public String toString() {
    return "SimulatedEcdsaSigner[networkSecret=<hidden>]";
  }
}
