package io.lit4j.crypto.eth;

import io.lit4j.core.errors.LitValidationException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum hashes: Keccak-256 and the EIP-191 {@code personal_sign} message hash. */
public final class EthHash {
  private static final byte[] PERSONAL_PREFIX =
      "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

  private EthHash() {}

  /**
   * Keccak-256 (the pre-standard SHA-3 Ethereum uses) of the bytes.
   *
   * @param data the bytes to hash
   * @return the 32-byte hash
   * @throws LitValidationException when {@code data} is null
   */
  public static byte[] keccak256(byte[] data) {
    if (data == null) throw new LitValidationException("data to hash is missing");
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /**
   * Keccak-256 of the UTF-8 bytes of a string (ethers {@code keccak256(toUtf8Bytes(s))}).
   *
   * @param text the text to hash
   * @return the 32-byte hash
   * @throws LitValidationException when {@code text} is null
   */
  public static byte[] keccak256Utf8(String text) {
    if (text == null) throw new LitValidationException("text to hash is missing");
    return keccak256(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * EIP-191 version 0x45 hash ({@code personal_sign}, ethers {@code hashMessage}): {@code
   * keccak256("\x19Ethereum Signed Message:\n" + message.length + message)}.
   *
   * @param message the message bytes
   * @return the 32-byte hash
   * @throws LitValidationException when {@code message} is null
   */
  public static byte[] personalMessageHash(byte[] message) {
    if (message == null) throw new LitValidationException("message to hash is missing");
    byte[] len = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
    KeccakDigest d = new KeccakDigest(256);
    d.update(PERSONAL_PREFIX, 0, PERSONAL_PREFIX.length);
    d.update(len, 0, len.length);
    d.update(message, 0, message.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /**
   * EIP-191 hash of a text message, taken as its UTF-8 bytes (the length counts bytes, not
   * characters), as ethers {@code hashMessage(string)} does.
   *
   * @param message the message text
   * @return the 32-byte hash
   * @throws LitValidationException when {@code message} is null
   */
  public static byte[] personalMessageHash(String message) {
    if (message == null) throw new LitValidationException("message to hash is missing");
    return personalMessageHash(message.getBytes(StandardCharsets.UTF_8));
  }
}
