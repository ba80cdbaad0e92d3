package io.lit4j.auth.session;

import io.lit4j.core.util.Args;
import io.lit4j.crypto.ed25519.Ed25519KeyPair;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session key: an ed25519 key pair in the tweetnacl format the JS SDK stores as {@code
 * {publicKey: hex(32), secretKey: hex(64 = seed ‖ publicKey)}}. {@link #toString()} never shows the
 * secret.
 */
public final class SessionKeyPair {
  /** Prefix of a session key URI ({@code LIT_SESSION_KEY_URI}). */
  public static final String URI_PREFIX = io.lit4j.core.constants.LitConstants.LIT_SESSION_KEY_URI;

  private final Ed25519KeyPair keyPair;

  private SessionKeyPair(Ed25519KeyPair keyPair) {
    this.keyPair = keyPair;
  }

  /** {@return a new random session key ({@code generateSessionKeyPair})} */
  public static SessionKeyPair generate() {
    return new SessionKeyPair(Ed25519KeyPair.generate());
  }

  /**
   * {@return a new random session key drawing from {@code random}}
   *
   * @param random the source of the 32-byte seed
   */
  public static SessionKeyPair generate(SecureRandom random) {
    return new SessionKeyPair(Ed25519KeyPair.generate(random));
  }

  /**
   * {@return the session key of a 32-byte seed (tweetnacl {@code sign.keyPair.fromSeed})}
   *
   * @param seed 32 bytes
   * @throws io.lit4j.core.errors.LitValidationException for a bad seed
   */
  public static SessionKeyPair fromSeed(byte[] seed) {
    return new SessionKeyPair(Ed25519KeyPair.fromSeed(seed));
  }

  /**
   * {@return the session key of its stored secret key hex (128 hex characters)}
   *
   * @param secretKeyHex the 64-byte ed25519 secret key (seed and public key), hex
   * @throws io.lit4j.core.errors.LitValidationException when it is not a consistent tweetnacl
   *     secret key
   */
  public static SessionKeyPair fromSecretKeyHex(String secretKeyHex) {
    return new SessionKeyPair(Ed25519KeyPair.fromSecretKeyHex(secretKeyHex));
  }

  /**
   * Wraps an ed25519 key pair.
   *
   * @param keyPair the ed25519 key pair
   * @return the session key
   */
  public static SessionKeyPair of(Ed25519KeyPair keyPair) {
    return new SessionKeyPair(Args.required(keyPair, "keyPair"));
  }

  /**
   * {@return the public key, 64 lowercase hex characters: the session sig {@code address} and
   * {@code sessionKey}}
   */
  public String publicKeyHex() {
    return keyPair.publicKeyHex();
  }

  /**
   * The secret key, 128 lowercase hex characters. Keep it secret.
   *
   * @return the secret key, 128 lowercase hex characters
   */
  public String secretKeyHex() {
    return keyPair.secretKeyHex();
  }

  /**
   * {@return {@code lit:session:<publicKeyHex>}, the URI of the SIWE that delegates to this key}
   */
  public String uri() {
    return URI_PREFIX + publicKeyHex();
  }

  /** {@return the underlying ed25519 key pair} */
  public Ed25519KeyPair keyPair() {
    return keyPair;
  }

  /**
   * Signs bytes with the session key (64-byte ed25519 signature).
   *
   * @param message the bytes to sign
   * @return the 64-byte signature
   */
  public byte[] sign(byte[] message) {
    return keyPair.sign(message);
  }

  /** {@return the stored shape {@code {publicKey, secretKey}} (contains the secret)} */
  public Map<String, Object> toStoredJsValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("publicKey", publicKeyHex());
    m.put("secretKey", secretKeyHex());
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionKeyPair s && s.keyPair.equals(keyPair);
  }

  @Override
  public int hashCode() {
    return keyPair.hashCode();
  }

  /** Public key only; the secret key is redacted. */
  @Override
  public String toString() {
    return "SessionKeyPair[publicKey=" + publicKeyHex() + ", secretKey=<redacted>]";
  }
}
