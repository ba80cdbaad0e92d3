package io.lit4j.crypto.eth;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A 20-byte Ethereum address. {@link #toString()} and {@link #checksummed()} give the EIP-55
 * mixed-case form ethers' {@code computeAddress} / {@code getAddress} return.
 *
 * @param bytes the 20 address bytes (copied in and out)
 */
public record EthAddress(byte[] bytes) {

  /**
   * @param bytes the 20 address bytes (copied in and out)
   * @throws LitValidationException when {@code bytes} is null or not 20 bytes long
   */
  public EthAddress {
    if (bytes == null) throw new LitValidationException("address is missing");
    if (bytes.length != 20) {
      throw new LitValidationException("address must be 20 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /**
   * Parses {@code 0x} + 40 hex digits ({@code 0x} optional). All-lowercase and all-uppercase are
   * accepted as they are; mixed case must carry a correct EIP-55 checksum (as ethers {@code
   * getAddress} requires).
   *
   * @param hex the address, hex
   * @return the address
   * @throws LitValidationException for bad hex, a wrong length or a wrong checksum
   */
  public static EthAddress fromHex(String hex) {
    byte[] b = Hex.decode(hex, 20, "address");
    EthAddress a = new EthAddress(b);
    String digits = Hex.strip0x(hex);
    boolean hasLower = !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
    boolean hasUpper = !digits.equals(digits.toLowerCase(java.util.Locale.ROOT));
    if (hasLower && hasUpper && !a.checksummed().substring(2).equals(digits)) {
      throw new LitValidationException("address " + hex + " has a wrong EIP-55 checksum");
    }
    return a;
  }

  /**
   * {@return true when {@code address} is {@code 0x} + 40 hex digits in exactly its EIP-55 spelling
   * (what SIWE requires of its address line)}
   *
   * @param address the address to check; null is not checksummed
   */
  public static boolean isChecksummed(String address) {
    if (address == null
        || address.length() != 42
        || !address.startsWith("0x")
        || !Hex.isHex(address)) return false;
    return new EthAddress(Hex.decode(address, 20, "address")).checksummed().equals(address);
  }

  /**
   * {@return the address of a secp256k1 public key: the last 20 bytes of keccak256(x ‖ y)}
   *
   * @param publicKey the public key
   */
  public static EthAddress of(Secp256k1PublicKey publicKey) {
    if (publicKey == null) throw new LitValidationException("publicKey is missing");
    byte[] xy = Arrays.copyOfRange(publicKey.uncompressed(), 1, 65);
    return new EthAddress(Arrays.copyOfRange(EthHash.keccak256(xy), 12, 32));
  }

  /**
   * The 20 address bytes (a fresh copy).
   *
   * @return the address bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@return {@code 0x} + 40 lowercase hex digits} */
  public String lowercaseHex() {
    return Hex.encode0x(bytes);
  }

  /** {@return {@code 0x} + 40 hex digits in EIP-55 mixed case} */
  public String checksummed() {
    String lower = Hex.encode(bytes);
    byte[] h = EthHash.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < 40; i++) {
      char c = lower.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EthAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The EIP-55 checksummed form. */
  @Override
  public String toString() {
    return checksummed();
  }
}
