package io.lit4j.contracts;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Bytes;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;

/**
 * A freshly minted PKP: what JS {@code mintWithAuth} / {@code pkpNftContractUtils.write.mint}
 * return as {@code pkp} plus the transaction.
 *
 * @param tokenId the PKP NFT token id ({@code = keccak256(publicKey)})
 * @param publicKey the 65-byte uncompressed secp256k1 public key, {@code 0x04 || X || Y}
 * @param ethAddress the PKP's checksummed Ethereum address
 * @param transaction the mint transaction
 */
public record MintedPkp(
    BigInteger tokenId, byte[] publicKey, String ethAddress, ChainTransaction transaction) {
  /**
   * Validates the components.
   *
   * @param tokenId the PKP NFT token id ({@code = keccak256(publicKey)})
   * @param publicKey the 65-byte uncompressed secp256k1 public key, {@code 0x04 || X || Y}
   * @param ethAddress the PKP's checksummed Ethereum address
   * @param transaction the mint transaction
   */
  public MintedPkp {
    if (tokenId == null || tokenId.signum() < 0)
      throw new LitValidationException("tokenId must be a uint256");
    if (publicKey == null || publicKey.length != 65 || publicKey[0] != 0x04) {
      throw new LitValidationException("publicKey must be 65 bytes starting with 0x04");
    }
    if (ethAddress == null || !ethAddress.matches("0x[0-9a-fA-F]{40}")) {
      throw new LitValidationException(
          "ethAddress must be a 0x-prefixed 20-byte address, got " + ethAddress);
    }
    if (transaction == null) throw new LitValidationException("transaction must be given");
    publicKey = publicKey.clone();
  }

  /**
   * The 65-byte public key (a fresh copy).
   *
   * @return the public key
   */
  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** {@return the token id as the SDK prints it: {@code 0x} + 64 lowercase hex digits} */
  public String tokenIdHex() {
    return Hex.encode0x(Bytes.toFixed(tokenId, 32));
  }

  /**
   * {@return the public key as the SDK prints it: 130 lowercase hex digits starting {@code 04}, no
   * {@code 0x}}
   */
  public String publicKeyHex() {
    return Hex.encode(publicKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MintedPkp m
        && tokenId.equals(m.tokenId)
        && java.util.Arrays.equals(publicKey, m.publicKey)
        && ethAddress.equals(m.ethAddress)
        && transaction.equals(m.transaction);
  }

  @Override
  public int hashCode() {
    return tokenId.hashCode();
  }

  @Override
  public String toString() {
    return "MintedPkp[tokenId="
        + tokenIdHex()
        + ", publicKey="
        + publicKeyHex()
        + ", ethAddress="
        + ethAddress
        + ", transaction="
        + transaction
        + "]";
  }
}
