package io.lit4j.node.relay;

import java.math.BigInteger;

/**
 * A PKP as the relay reports it.
 *
 * @param tokenId the PKP NFT token id
 * @param publicKey the public key, {@code 0x04…}
 * @param ethAddress its Ethereum address
 */
public record RelayPkp(BigInteger tokenId, String publicKey, String ethAddress) {}
