package io.lit4j.crypto.ed25519;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Bytes;
import io.lit4j.core.util.Hex;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 (RFC 8032) key pair in the tweetnacl format the Lit JS SDK uses for session keys: a
 * 32-byte public key and a 64-byte secret key {@code seed ‖ publicKey}.
 *
 * <p>Immutable; accessors return copies. {@link #toString()} shows only the public key.
 *
 * <pre>{@code
 * Ed25519KeyPair kp = Ed25519KeyPair.fromSeed(seed);
 * byte[] sig = kp.sign(message);
 * boolean ok = Ed25519KeyPair.verify(kp.publicKey(), message, sig);
 * }</pre>
 */
public final class Ed25519KeyPair {
  /** Length of the seed (the RFC 8032 private key). */
  public static final int SEED_LENGTH = 32;

  /** Length of a public key. */
  public static final int PUBLIC_KEY_LENGTH = 32;

  /** Length of a tweetnacl secret key ({@code seed ‖ publicKey}). */
  public static final int SECRET_KEY_LENGTH = 64;

  /** Length of a signature. */
  public static final int SIGNATURE_LENGTH = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] seed;
  private final byte[] publicKey;

  private Ed25519KeyPair(byte[] seed) {
    this.seed = seed.clone();
    this.publicKey = new byte[PUBLIC_KEY_LENGTH];
    Ed25519.generatePublicKey(this.seed, 0, this.publicKey, 0);
  }

  /** {@return a new random key pair from a shared {@link SecureRandom}} */
  public static Ed25519KeyPair generate() {
    return generate(RANDOM);
  }

  /**
   * {@return a new random key pair drawing its seed from {@code random}}
   *
   * @param random the source of the seed
   */
  public static Ed25519KeyPair generate(SecureRandom random) {
    Args.required(random, "random");
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    try {
      return new Ed25519KeyPair(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * {@return the key pair of a 32-byte seed (tweetnacl {@code sign.keyPair.fromSeed})}
   *
   * @param seed 32 bytes
   * @throws LitValidationException when the seed is missing or not 32 bytes
   */
  public static Ed25519KeyPair fromSeed(byte[] seed) {
    if (seed == null) throw new LitValidationException("seed is missing: expected 32 bytes");
    if (seed.length != SEED_LENGTH) {
      throw new LitValidationException("seed must be 32 bytes, got " + seed.length);
    }
    return new Ed25519KeyPair(seed);
  }

  /**
   * {@return the key pair of a tweetnacl secret key ({@code seed ‖ publicKey}, 64 bytes)}
   *
   * @param secretKey 64 bytes, {@code seed ‖ publicKey}
   * @throws LitValidationException when the key is not 64 bytes or its public half does not belong
   *     to its seed
   */
  public static Ed25519KeyPair fromSecretKey(byte[] secretKey) {
    if (secretKey == null)
      throw new LitValidationException("secretKey is missing: expected 64 bytes");
    if (secretKey.length != SECRET_KEY_LENGTH) {
      throw new LitValidationException(
          "secretKey must be 64 bytes (seed ‖ publicKey), got " + secretKey.length);
    }
    Ed25519KeyPair kp = new Ed25519KeyPair(Arrays.copyOfRange(secretKey, 0, SEED_LENGTH));
    if (!MessageDigest.isEqual(
        kp.publicKey, Arrays.copyOfRange(secretKey, SEED_LENGTH, SECRET_KEY_LENGTH))) {
      throw new LitValidationException(
          "secretKey is inconsistent: its last 32 bytes are not the public key of its seed");
    }
    return kp;
  }

  /**
   * {@return the key pair of a tweetnacl secret key in hex (128 hex characters, optional {@code
   * 0x})}
   *
   * @param secretKeyHex 128 hex characters
   * @throws LitValidationException when the text is not hex of a valid 64-byte secret key; the
   *     message never repeats the key
   */
  public static Ed25519KeyPair fromSecretKeyHex(String secretKeyHex) {
    byte[] sk = Hex.decode(secretKeyHex, SECRET_KEY_LENGTH, "secretKey");
    try {
      return fromSecretKey(sk);
    } finally {
      Arrays.fill(sk, (byte) 0);
    }
  }

  /** {@return the 32-byte public key (a copy)} */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** {@return the public key as 64 lowercase hex characters} */
  public String publicKeyHex() {
    return Hex.encode(publicKey);
  }

  /**
   * The 64-byte tweetnacl secret key {@code seed ‖ publicKey} (a copy). Keep it secret.
   *
   * @return the 64-byte tweetnacl secret key {@code seed ‖ publicKey} (a copy)
   */
  public byte[] secretKey() {
    return Bytes.concat(seed, publicKey);
  }

  /**
   * The secret key as 128 lowercase hex characters. Keep it secret.
   *
   * @return the secret key as 128 lowercase hex characters
   */
  public String secretKeyHex() {
    return Hex.encode(secretKey());
  }

  /**
   * Signs {@code message} (RFC 8032 Ed25519, deterministic); returns the 64-byte signature.
   *
   * @param message the bytes to sign
   * @return the 64-byte signature
   */
  public byte[] sign(byte[] message) {
    Args.required(message, "message");
    byte[] sig = new byte[SIGNATURE_LENGTH];
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  /**
   * Verifies an Ed25519 signature.
   *
   * @param publicKey the 32-byte public key
   * @param message the signed bytes
   * @param signature the 64-byte signature
   * @return true when {@code signature} is a valid signature of {@code message} under {@code
   *     publicKey}; false for a wrong signature, a wrong key, or inputs of the wrong length
   */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || message == null || signature == null) return false;
    if (publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) return false;
    try {
      return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    } catch (RuntimeException e) {
      throw new LitCryptoException(
          "ed25519 verification failed unexpectedly: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies a signature under this key pair's public key; see {@link #verify(byte[], byte[],
   * byte[])}.
   *
   * @param message the signed bytes
   * @param signature the 64-byte signature
   * @return whether the signature is valid
   */
  public boolean verify(byte[] message, byte[] signature) {
    return verify(publicKey, message, signature);
  }

  /** Equal when the seeds are equal (constant-time comparison). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519KeyPair other && MessageDigest.isEqual(seed, other.seed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }

  /** Shows the public key only; the secret key is redacted. */
  @Override
  public String toString() {
    return "Ed25519KeyPair[publicKey=" + publicKeyHex() + ", secretKey=<redacted>]";
  }
}
