package io.lit4j.core.acc;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;

/**
 * The resource that ties encrypted data to its conditions: {@code
 * lit-accesscontrolcondition://<conditionsHashHex>/<dataToEncryptHash>}. Its UTF-8 bytes are the
 * BLS encryption identity; the same string is the resource a decryption capability names.
 *
 * @param conditionsHashHex {@link AccessControlConditions#hashHex()}, 64 lowercase hex
 * @param dataToEncryptHashHex hex SHA-256 of the plaintext, 64 lowercase hex
 */
public record AccessControlConditionResource(
    String conditionsHashHex, String dataToEncryptHashHex) {
  /** The resource prefix (scheme without {@code ://}). */
  public static final String PREFIX = "lit-accesscontrolcondition";

  /**
   * @param conditionsHashHex {@link AccessControlConditions#hashHex()}, 64 lowercase hex
   * @param dataToEncryptHashHex hex SHA-256 of the plaintext, 64 lowercase hex
   * @throws LitValidationException naming the field that is not 64 lowercase hex characters
   */
  public AccessControlConditionResource {
    requireHash(conditionsHashHex, "conditionsHashHex");
    requireHash(dataToEncryptHashHex, "dataToEncryptHash");
  }

  /**
   * {@return the resource of {@code conditions} protecting {@code plaintext}}
   *
   * @param conditions the conditions that guard the data
   * @param plaintext the data the conditions protect (its SHA-256 becomes the second half of the
   *     resource)
   */
  public static AccessControlConditionResource of(
      AccessControlConditions conditions, byte[] plaintext) {
    if (conditions == null) throw new LitValidationException("conditions are missing");
    return new AccessControlConditionResource(conditions.hashHex(), dataToEncryptHash(plaintext));
  }

  /**
   * {@code dataToEncryptHash}: hex SHA-256 of the plaintext.
   *
   * @param plaintext the data to be encrypted
   * @return lowercase hex SHA-256 of the plaintext
   * @throws LitValidationException when {@code plaintext} is missing
   */
  public static String dataToEncryptHash(byte[] plaintext) {
    if (plaintext == null) throw new LitValidationException("dataToEncrypt is missing");
    return Hex.encode(AccessControlConditions.sha256(plaintext));
  }

  /**
   * {@return {@code <conditionsHashHex>/<dataToEncryptHash>}: the resource id without the prefix}
   */
  public String resourceId() {
    return conditionsHashHex + "/" + dataToEncryptHashHex;
  }

  /** {@return {@code lit-accesscontrolcondition://<conditionsHashHex>/<dataToEncryptHash>}} */
  public String uri() {
    return PREFIX + "://" + resourceId();
  }

  /** {@return UTF-8 bytes of {@link #uri()}: the BLS encryption identity (a fresh copy)} */
  public byte[] identity() {
    return uri().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return uri();
  }

  private static void requireHash(String value, String field) {
    if (value == null) throw new LitValidationException(field + " is missing");
    if (!value.matches("[0-9a-f]{64}")) {
      throw new LitValidationException(
          field
              + " must be 64 lowercase hex characters (a SHA-256), got '"
              + (value.length() > 80 ? value.substring(0, 80) + "…" : value)
              + "'");
    }
  }
}
