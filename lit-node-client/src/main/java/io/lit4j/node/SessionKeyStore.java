package io.lit4j.node;

/**
 * Where the client keeps session material between calls, like the JS SDK's {@code localStorage}
 * ({@code lit-session-key}, {@code lit-wallet-sig}). Values are JSON text and can hold secret keys:
 * implementations must never log them or show them in {@code toString}.
 *
 * <p>Implementations must be safe for concurrent use.
 */
public interface SessionKeyStore {
  /** Key of the session key pair JSON {@code {publicKey, secretKey}}. */
  String SESSION_KEY = io.lit4j.core.constants.LitConstants.STORAGE_KEY_SESSION_KEY;

  /** Key of the wallet AuthSig JSON. */
  String WALLET_SIG = io.lit4j.core.constants.LitConstants.STORAGE_KEY_WALLET_SIGNATURE;

  /**
   * {@return the value stored under {@code key}}
   *
   * @param key the entry's key
   * @throws io.lit4j.core.errors.LitValidationException if the key is not a valid name
   * @throws io.lit4j.core.errors.LitException if the store cannot be read
   */
  java.util.Optional<String> get(String key);

  /**
   * Stores {@code value} under {@code key}, replacing what was there.
   *
   * @param key the entry's key
   * @param value the value to store
   * @throws io.lit4j.core.errors.LitValidationException if the key or value is invalid
   * @throws io.lit4j.core.errors.LitException if the store cannot be written
   */
  void put(String key, String value);

  /**
   * Removes {@code key}; nothing happens if it is absent.
   *
   * @param key the entry's key
   * @throws io.lit4j.core.errors.LitException if the store cannot be written
   */
  void remove(String key);
}
