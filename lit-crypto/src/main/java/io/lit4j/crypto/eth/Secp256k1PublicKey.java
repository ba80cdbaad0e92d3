package io.lit4j.crypto.eth;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.internal.K256;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A secp256k1 public key (a PKP key, a root key, an EOA key). Built from 33-byte compressed or
 * 65-byte uncompressed SEC1 bytes, checked to lie on the curve, and always held in the 65-byte
 * uncompressed form ({@code 04 ‖ x ‖ y}) that Lit nodes and contracts use.
 *
 * @param uncompressed the 65-byte uncompressed encoding (a 33-byte compressed one is accepted and
 *     expanded); copied in and out
 */
public record Secp256k1PublicKey(byte[] uncompressed) {

  /**
   * @param uncompressed the 65-byte uncompressed encoding (a 33-byte compressed one is accepted and
   *     expanded); copied in and out
   * @throws LitValidationException for a wrong length or prefix
   * @throws LitCryptoException for a point that is not on secp256k1
   */
  public Secp256k1PublicKey {
    uncompressed = K256.decodePoint(uncompressed, "publicKey").getEncoded(false);
  }

  /**
   * {@return same as the constructor: 33 or 65 SEC1 bytes}
   *
   * @param sec1 33 or 65 SEC1 bytes
   */
  public static Secp256k1PublicKey fromBytes(byte[] sec1) {
    return new Secp256k1PublicKey(sec1);
  }

  /**
   * Parses hex ({@code 0x} optional, either case) of a compressed or uncompressed key.
   *
   * @param hex the key, hex
   * @return the public key
   * @throws LitValidationException for bad hex, a wrong length or prefix
   * @throws LitCryptoException for a point that is not on secp256k1
   */
  public static Secp256k1PublicKey fromHex(String hex) {
    return fromHex(hex, "publicKey");
  }

  /**
   * As {@link #fromHex(String)}, naming the value {@code field} in error messages.
   *
   * @param hex the key, hex
   * @param field names the value in error messages
   * @return the public key
   * @throws LitValidationException for bad hex, a wrong length or prefix
   * @throws LitCryptoException for a point that is not on secp256k1
   */
  public static Secp256k1PublicKey fromHex(String hex, String field) {
    byte[] b = Hex.decode(hex, field);
    return new Secp256k1PublicKey(K256.decodePoint(b, field).getEncoded(false));
  }

  /**
   * The 65-byte uncompressed key {@code 04 ‖ x ‖ y} (a fresh copy).
   *
   * @return the uncompressed key
   */
  @Override
  public byte[] uncompressed() {
    return uncompressed.clone();
  }

  /** {@return the 33-byte compressed encoding} */
  public byte[] compressed() {
    return K256.decodePoint(uncompressed, "publicKey").getEncoded(true);
  }

  /**
   * 130 lowercase hex digits of the uncompressed key, no {@code 0x}.
   *
   * @return the uncompressed key, hex
   */
  public String hex() {
    return Hex.encode(uncompressed);
  }

  /** {@return {@code 0x} + 130 lowercase hex digits of the uncompressed key} */
  public String hex0x() {
    return Hex.encode0x(uncompressed);
  }

  /**
   * 66 lowercase hex digits of the compressed key, no {@code 0x}.
   *
   * @return the compressed key, hex
   */
  public String compressedHex() {
    return Hex.encode(compressed());
  }

  /** {@return the Ethereum address of this key} */
  public EthAddress ethAddress() {
    return EthAddress.of(this);
  }

  /**
   * {@return the PKP NFT token id: keccak256 of the 65 uncompressed bytes, as an unsigned integer}
   */
  public BigInteger pkpTokenId() {
    return new BigInteger(1, EthHash.keccak256(uncompressed));
  }

  /** {@return the PKP token id as {@code 0x} + 64 lowercase hex digits} */
  public String pkpTokenIdHex() {
    return Hex.encode0x(EthHash.keccak256(uncompressed));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1PublicKey other && Arrays.equals(uncompressed, other.uncompressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(uncompressed);
  }

  @Override
  public String toString() {
    return "Secp256k1PublicKey[" + hex() + "]";
  }
}
