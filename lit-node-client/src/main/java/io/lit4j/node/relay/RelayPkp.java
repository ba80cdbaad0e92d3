package io.lit4j.node.relay;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.math.BigInteger;

/**
 * A PKP as the relay reports it.
 *
 * @param tokenId the PKP NFT token id
 * @param publicKey the PKP's secp256k1 public key
 * @param ethAddress its Ethereum address
 */
public record RelayPkp(BigInteger tokenId, Secp256k1PublicKey publicKey, EthAddress ethAddress) {
  /**
   * Checks that every part is present.
   *
   * @param tokenId the PKP NFT token id
   * @param publicKey the PKP's secp256k1 public key
   * @param ethAddress its Ethereum address
   * @throws LitValidationException when a part is missing
   */
  public RelayPkp {
    if (tokenId == null) throw new LitValidationException("tokenId is missing");
    if (publicKey == null) throw new LitValidationException("publicKey is missing");
    if (ethAddress == null) throw new LitValidationException("ethAddress is missing");
  }
}
