package io.lit4j.contracts;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Bytes;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.math.BigInteger;

/**
 * A freshly minted PKP: what JS {@code mintWithAuth} / {@code pkpNftContractUtils.write.mint}
 * return as {@code pkp} plus the transaction.
 *
 * @param tokenId the PKP NFT token id ({@code = keccak256(publicKey)})
 * @param publicKey the PKP's secp256k1 public key
 * @param ethAddress the PKP's Ethereum address (that of {@code publicKey})
 * @param transaction the mint transaction
 */
public record MintedPkp(
    BigInteger tokenId,
    Secp256k1PublicKey publicKey,
    EthAddress ethAddress,
    ChainTransaction transaction) {
  /**
   * Validates the components.
   *
   * @param tokenId the PKP NFT token id ({@code = keccak256(publicKey)})
   * @param publicKey the PKP's secp256k1 public key
   * @param ethAddress the PKP's Ethereum address (that of {@code publicKey})
   * @param transaction the mint transaction
   * @throws LitValidationException when a part is missing or {@code ethAddress} is not the address
   *     of {@code publicKey}
   */
  public MintedPkp {
    if (tokenId == null || tokenId.signum() < 0)
      throw new LitValidationException("tokenId must be a uint256");
    if (publicKey == null) throw new LitValidationException("publicKey must be given");
    if (ethAddress == null) throw new LitValidationException("ethAddress must be given");
    if (!ethAddress.equals(publicKey.ethAddress())) {
      throw new LitValidationException(
          "ethAddress "
              + ethAddress
              + " is not the address of publicKey (that is "
              + publicKey.ethAddress()
              + ")");
    }
    if (transaction == null) throw new LitValidationException("transaction must be given");
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
    return publicKey.hex();
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
