package io.lit4j.crypto.bls;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Bytes;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.internal.BlsPoints;
import io.lit4j.crypto.bls.internal.Leb128;
import io.lit4j.crypto.bls.internal.ShareSum;
import io.lit4j.crypto.bls.internal.TimeCryptMath;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * Lit's identity-based encryption (blsful 2.3 {@code BlsTimeCrypt}, scheme ProofOfPossession),
 * byte-compatible with the JS SDK 4.2.0 {@code encrypt} / {@code decrypt}.
 *
 * <p>A message is encrypted to the network public key and an <i>identity</i> (for access control,
 * UTF-8 of {@code lit-accesscontrolcondition://<conditionsHash>/<dataToEncryptHash>}). It decrypts
 * with the network's BLS signature over that identity, which nodes only give out in shares once the
 * conditions hold. There is no MAC: integrity comes from the Fujisaki–Okamoto re-check in {@link
 * #decrypt}.
 *
 * <p>Pure functions; thread-safe.
 *
 * <pre>{@code
 * byte[] ct = TimeCrypt.encrypt(networkKey, plaintext, identity);
 * String sdkCiphertext = Base64.getEncoder().encodeToString(ct);
 * byte[] back = TimeCrypt.verifyAndDecrypt(networkKey, identity, ct, shares);
 * }</pre>
 */
public final class TimeCrypt {
  /** Length of the random input of one encryption. */
  public static final int RANDOMNESS_LENGTH = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Scheme prefix of the identity of access-controlled data. */
  public static final String ACCESS_CONTROL_IDENTITY_PREFIX = "lit-accesscontrolcondition://";

  private TimeCrypt() {}

  /**
   * {@code dataToEncryptHash}: lowercase hex SHA-256 of the plaintext, as {@code encrypt} returns
   * it.
   *
   * @param plaintext the data to be encrypted
   * @return lowercase hex SHA-256 of the plaintext
   * @throws LitValidationException when the plaintext is missing
   */
  public static String dataToEncryptHash(byte[] plaintext) {
    if (plaintext == null) throw new LitValidationException("plaintext to hash is missing");
    return Hex.encode(TimeCryptMath.sha256(plaintext));
  }

  /**
   * The identity access-controlled data is encrypted to and nodes sign on {@code
   * /web/encryption/sign}: UTF-8 of {@code "lit-accesscontrolcondition://" + conditionsHashHex +
   * "/" + dataToEncryptHash}. Both hashes are used as given (the SDK does not normalise them
   * either).
   *
   * @param conditionsHashHex hex SHA-256 of the canonical access control conditions
   * @param dataToEncryptHash hex SHA-256 of the plaintext
   * @return the identity bytes
   * @throws LitValidationException when a hash is missing or empty
   */
  public static byte[] accessControlIdentity(String conditionsHashHex, String dataToEncryptHash) {
    if (conditionsHashHex == null || conditionsHashHex.isEmpty()) {
      throw new LitValidationException("conditions hash of the encryption identity is missing");
    }
    if (dataToEncryptHash == null || dataToEncryptHash.isEmpty()) {
      throw new LitValidationException("dataToEncryptHash of the encryption identity is missing");
    }
    return (ACCESS_CONTROL_IDENTITY_PREFIX + conditionsHashHex + "/" + dataToEncryptHash)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Encrypts {@code message} to {@code publicKey} and {@code identity} with fresh randomness.
   *
   * @param publicKey the network public key
   * @param message the plaintext
   * @param identity the identity the ciphertext is bound to
   * @return the ciphertext bytes ({@code U ‖ V ‖ LEB128(len W) ‖ W ‖ 0x03}); the SDK's string is
   *     their base64
   * @throws LitValidationException when an argument is missing
   */
  public static byte[] encrypt(BlsPublicKey publicKey, byte[] message, byte[] identity) {
    byte[] rand32 = new byte[RANDOMNESS_LENGTH];
    RANDOM.nextBytes(rand32);
    return encrypt(publicKey, message, identity, rand32);
  }

  /**
   * Encrypts with the given 32 random bytes: the output is byte-identical to the official SDK's
   * when its RNG drew the same bytes. Never reuse randomness for real data.
   *
   * @param publicKey the network public key
   * @param message the plaintext
   * @param identity the identity the ciphertext is bound to
   * @param rand32 32 random bytes
   * @return the ciphertext bytes
   * @throws LitValidationException when an argument is missing or {@code rand32} is not 32 bytes
   */
  public static byte[] encrypt(
      BlsPublicKey publicKey, byte[] message, byte[] identity, byte[] rand32) {
    if (publicKey == null)
      throw new LitValidationException("BLS public key to encrypt to is missing");
    if (message == null) throw new LitValidationException("message to encrypt is missing");
    if (identity == null) throw new LitValidationException("encryption identity is missing");
    if (rand32 == null || rand32.length != RANDOMNESS_LENGTH) {
      throw new LitValidationException(
          "encryption randomness must be "
              + RANDOMNESS_LENGTH
              + " bytes, got "
              + (rand32 == null ? "none" : rand32.length));
    }
    return TimeCryptMath.encrypt(new P1_Affine(publicKey.bytes()), message, identity, rand32)
        .ciphertext();
  }

  /**
   * Decrypts with the network signature over the ciphertext's identity.
   *
   * @param combinedSignature the combined network signature over the identity (see {@link
   *     Bls#combineAndVerify}); this method does not know the identity, so it cannot tell a wrong
   *     signature from a tampered ciphertext
   * @param ciphertext the ciphertext bytes
   * @return the plaintext
   * @throws LitValidationException when the ciphertext does not parse (truncated, bad LEB128, wrong
   *     scheme byte, W length larger than what is left) or an argument is missing
   * @throws LitCryptoException when U is not a valid subgroup point, or the ciphertext does not
   *     decrypt with this signature (wrong identity or key, tampered ciphertext)
   */
  public static byte[] decrypt(byte[] ciphertext, BlsSignature combinedSignature) {
    TimeCryptCiphertext ct = TimeCryptCiphertext.parse(ciphertext);
    if (combinedSignature == null)
      throw new LitValidationException("BLS signature to decrypt with is missing");
    byte[] gt =
        TimeCryptMath.pairingBytes(new P1_Affine(ct.u()), new P2_Affine(combinedSignature.bytes()));
    byte[] message = open(ct, gt);
    if (message == null) throw doesNotDecrypt(null);
    return message;
  }

  /**
   * Opens a parsed ciphertext with {@code gt = e(U, σ)} (blstrs bytes), or returns null when the
   * Fujisaki–Okamoto re-check fails (wrong signature, identity or key, or an altered ciphertext).
   */
  private static byte[] open(TimeCryptCiphertext ct, byte[] gt) {
    byte[] a = TimeCryptMath.xor(TimeCryptMath.sha256(gt), ct.v());
    byte[] w = ct.w();
    byte[] padded = TimeCryptMath.xor(w, TimeCryptMath.shake128(a, w.length));
    byte[] message;
    try {
      Leb128.Decoded len =
          Leb128.decode(padded, 0, Math.max(0, padded.length - 1L), "decrypted message length");
      if (len.length() + len.value() > padded.length) return null;
      message = Arrays.copyOfRange(padded, len.length(), len.length() + (int) len.value());
    } catch (LitValidationException e) {
      return null;
    }
    // Fujisaki–Okamoto: the randomness must re-derive U, else the key, identity or ciphertext is
    // wrong
    BigInteger r = TimeCryptMath.hashToScalar(Bytes.concat(a, TimeCryptMath.sha256(message)));
    return Arrays.equals(BlsPoints.g1Times(r), ct.u()) ? message : null;
  }

  /**
   * What the SDK's {@code decrypt} does with the nodes' decryption shares: combine them, verify the
   * result over {@code identity} against {@code publicKey}, then decrypt.
   *
   * @param publicKey the network public key
   * @param identity the identity the ciphertext is bound to
   * @param ciphertext the ciphertext bytes
   * @param shares the nodes' decryption shares
   * @return the plaintext
   * @throws LitValidationException when the ciphertext does not parse, fewer than 2 shares or
   *     duplicate identifiers are given, or an argument is missing
   * @throws LitCryptoException when the combined signature does not verify (too few or bad shares,
   *     another identity or key), U is not a valid point, or the ciphertext does not decrypt
   */
  public static byte[] verifyAndDecrypt(
      BlsPublicKey publicKey, byte[] identity, byte[] ciphertext, List<BlsSignatureShare> shares) {
    if (publicKey == null) throw new LitValidationException("BLS public key is missing");
    if (identity == null) throw new LitValidationException("decryption identity is missing");
    TimeCryptCiphertext ct = TimeCryptCiphertext.parse(ciphertext);
    ShareSum combined = ShareSum.of(shares);
    // One final exponentiation checks the signature and yields the key material at once:
    // Y = e(U, σ) · (e(pk, H(id)) / e(G1, σ))^ρ for a random 64-bit ρ. A valid σ makes the bracket
    // 1,
    // so Y = e(U, σ) opens the ciphertext; an invalid one makes Y random and the Fujisaki–Okamoto
    // re-check fails (but for a 2^-64 chance), and the slow path below names the cause. σ =
    // scale·sum,
    // so the scale is applied in G1: e(A, scale·sum) = e(scale·A, sum).
    BigInteger rho = new BigInteger(64, RANDOM).setBit(63);
    P1 u = new P1(new P1_Affine(ct.u()));
    P1 left = u.add(P1.generator().mult(rho).neg()).mult(combined.scale());
    P1 right = new P1(new P1_Affine(publicKey.bytes())).mult(rho);
    PT miller =
        new PT(left.to_affine(), combined.sum().to_affine())
            .mul(new PT(right.to_affine(), BlsPoints.hashToG2(identity).to_affine()));
    byte[] message = open(ct, TimeCryptMath.gtBytes(miller.final_exp()));
    if (message != null) return message;
    Bls.combineAndVerify(publicKey, identity, shares); // throws when the shares are the cause
    throw doesNotDecrypt(null);
  }

  private static LitCryptoException doesNotDecrypt(Throwable cause) {
    return new LitCryptoException(
        "TimeCrypt ciphertext does not decrypt with this signature: wrong identity or "
            + "network key, or the ciphertext was altered",
        cause);
  }
}
