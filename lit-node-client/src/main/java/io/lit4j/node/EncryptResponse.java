package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;

/**
 * What {@code encrypt} returns (JS SDK {@code EncryptResponse}): keep both, with the conditions, to
 * decrypt later.
 *
 * @param ciphertext base64 of the TimeCrypt ciphertext
 * @param dataToEncryptHash hex SHA-256 of the plaintext
 */
public record EncryptResponse(String ciphertext, String dataToEncryptHash) {
  /**
   * @param ciphertext base64 of the TimeCrypt ciphertext
   * @param dataToEncryptHash hex SHA-256 of the plaintext
   * @throws LitValidationException if a part is missing or empty
   */
  public EncryptResponse {
    if (ciphertext == null || ciphertext.isEmpty())
      throw new LitValidationException("ciphertext is missing");
    if (dataToEncryptHash == null || !dataToEncryptHash.matches("[0-9a-f]{64}")) {
      throw new LitValidationException(
          "dataToEncryptHash must be 64 lowercase hex characters (SHA-256), got "
              + dataToEncryptHash);
    }
  }
}
