package io.lit4j.crypto.hd;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.util.Arrays;

/**
 * The 32-byte id that selects an HD-derived PKP key: {@code keccak256("userId:appId")} for claims,
 * the on-chain {@code derivedKeyId} of a minted PKP, or an auth method id.
 *
 * @param bytes the 32 id bytes (copied in and out)
 */
public record HdKeyId(byte[] bytes) {

  /**
   * @param bytes the 32 id bytes (copied in and out)
   * @throws LitValidationException when {@code bytes} is null or not 32 bytes
   */
  public HdKeyId {
    if (bytes == null) throw new LitValidationException("keyId is missing");
    if (bytes.length != 32)
      throw new LitValidationException("keyId must be 32 bytes, got " + bytes.length);
    bytes = bytes.clone();
  }

  /**
   * Parses 64 hex digits ({@code 0x} optional, either case).
   *
   * @param hex the key id, hex
   * @return the key id
   * @throws LitValidationException for bad hex or a wrong length
   */
  public static HdKeyId fromHex(String hex) {
    return new HdKeyId(Hex.decode(hex, 32, "keyId"));
  }

  /**
   * The 32 key id bytes (a fresh copy).
   *
   * @return the key id bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * 64 lowercase hex digits, no {@code 0x}.
   *
   * @return the key id, hex
   */
  public String hex() {
    return Hex.encode(bytes);
  }

  /**
   * {@return {@code 0x} + 64 lowercase hex digits (what the SDK's {@code computeHDKeyId} returns)}
   */
  public String hex0x() {
    return Hex.encode0x(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HdKeyId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "HdKeyId[" + hex() + "]";
  }
}
