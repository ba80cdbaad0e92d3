package io.lit4j.crypto.bls;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Bytes;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.internal.BlsPoints;
import io.lit4j.crypto.bls.internal.Leb128;
import io.lit4j.crypto.bls.internal.TimeCryptMath;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * Lit's identity-based encryption (blsful 2.3 {@code BlsTimeCrypt}, scheme ProofOfPossession),
 * byte-compatible with the JS SDK 4.2.0 {@code encrypt} / {@code decrypt}.
 *
 * <p>A message is encrypted to the network public key and an <i>identity</i> (for access
 * control, UTF-8 of {@code lit-accesscontrolcondition://<conditionsHash>/<dataToEncryptHash>}).
 * It decrypts with the network's BLS signature over that identity, which nodes only give out in
 * shares once the conditions hold. There is no MAC: integrity comes from the
 * Fujisaki–Okamoto re-check in {@link #decrypt}.
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
   * {@code dataToEncryptHash}: lowercase hex SHA-256 of the plaintext, as {@code encrypt} returns it.
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
   * The identity access-controlled data is encrypted to and nodes sign on
   * {@code /web/encryption/sign}: UTF-8 of
   * {@code "lit-accesscontrolcondition://" + conditionsHashHex + "/" + dataToEncryptHash}.
   * Both hashes are used as given (the SDK does not normalise them either).
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
    return (ACCESS_CONTROL_IDENTITY_PREFIX + conditionsHashHex + "/" + dataToEncryptHash).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Encrypts {@code message} to {@code publicKey} and {@code identity} with fresh randomness.
   *
   * @param publicKey the network public key
   * @param message the plaintext
   * @param identity the identity the ciphertext is bound to
   * @return the ciphertext bytes ({@code U ‖ V ‖ LEB128(len W) ‖ W ‖ 0x03}); the SDK's string is their base64
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
  public static byte[] encrypt(BlsPublicKey publicKey, byte[] message, byte[] identity, byte[] rand32) {
    if (publicKey == null) throw new LitValidationException("BLS public key to encrypt to is missing");
    if (message == null) throw new LitValidationException("message to encrypt is missing");
    if (identity == null) throw new LitValidationException("encryption identity is missing");
    if (rand32 == null || rand32.length != RANDOMNESS_LENGTH) {
      throw new LitValidationException("encryption randomness must be " + RANDOMNESS_LENGTH + " bytes, got "
          + (rand32 == null ? "none" : rand32.length));
    }
    return TimeCryptMath.encrypt(new P1_Affine(publicKey.bytes()), message, identity, rand32).ciphertext();
  }

  /**
   * Decrypts with the network signature over the ciphertext's identity.
   *
   * @param combinedSignature the combined network signature over the identity (see
   *     {@link Bls#combineAndVerify}); this method does not know the identity, so it cannot tell a
   *     wrong signature from a tampered ciphertext
   * @param ciphertext the ciphertext bytes
   * @return the plaintext
   * @throws LitValidationException when the ciphertext does not parse (truncated, bad LEB128,
   *     wrong scheme byte, W length larger than what is left) or an argument is missing
   * @throws LitCryptoException when U is not a valid subgroup point, or the ciphertext does not
   *     decrypt with this signature (wrong identity or key, tampered ciphertext)
   */
  public static byte[] decrypt(byte[] ciphertext, BlsSignature combinedSignature) {
    TimeCryptCiphertext ct = TimeCryptCiphertext.parse(ciphertext);
    if (combinedSignature == null) throw new LitValidationException("BLS signature to decrypt with is missing");
    P1_Affine u = new P1_Affine(ct.u());
    byte[] gt = TimeCryptMath.pairingBytes(u, new P2_Affine(combinedSignature.bytes()));
    byte[] a = TimeCryptMath.xor(TimeCryptMath.sha256(gt), ct.v());
    byte[] w = ct.w();
    byte[] padded = TimeCryptMath.xor(w, TimeCryptMath.shake128(a, w.length));
    byte[] message;
    try {
      Leb128.Decoded len = Leb128.decode(padded, 0, Math.max(0, padded.length - 1L), "decrypted message length");
      if (len.length() + len.value() > padded.length) {
        throw new LitValidationException("decrypted message length " + len.value() + " is larger than what is left");
      }
      message = Arrays.copyOfRange(padded, len.length(), len.length() + (int) len.value());
    } catch (LitValidationException e) {
      throw doesNotDecrypt(e);
    }
    // Fujisaki–Okamoto: the randomness must re-derive U, else the key, identity or ciphertext is wrong
    BigInteger r = TimeCryptMath.hashToScalar(Bytes.concat(a, TimeCryptMath.sha256(message)));
    if (!Arrays.equals(BlsPoints.g1Times(r), ct.u())) {
      throw doesNotDecrypt(null);
    }
    return message;
  }

  /**
   * What the SDK's {@code decrypt} does with the nodes' decryption shares: combine them, verify
   * the result over {@code identity} against {@code publicKey}, then decrypt.
   *
   * @param publicKey the network public key
   * @param identity the identity the ciphertext is bound to
   * @param ciphertext the ciphertext bytes
   * @param shares the nodes' decryption shares
   * @return the plaintext
   * @throws LitValidationException when the ciphertext does not parse, fewer than 2 shares or
   *     duplicate identifiers are given, or an argument is missing
   * @throws LitCryptoException when the combined signature does not verify (too few or bad
   *     shares, another identity or key), U is not a valid point, or the ciphertext does not decrypt
   */
  public static byte[] verifyAndDecrypt(BlsPublicKey publicKey, byte[] identity, byte[] ciphertext,
      List<BlsSignatureShare> shares) {
    if (identity == null) throw new LitValidationException("decryption identity is missing");
    TimeCryptCiphertext.parse(ciphertext);
    BlsSignature sig = Bls.combineAndVerify(publicKey, identity, shares);
    return decrypt(ciphertext, sig);
  }

  private static LitCryptoException doesNotDecrypt(Throwable cause) {
    return new LitCryptoException("TimeCrypt ciphertext does not decrypt with this signature: wrong identity or "
        + "network key, or the ciphertext was altered", cause);
  }
}
