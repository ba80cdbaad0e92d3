package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.util.List;

/**
 * What {@code claimKeyId} returns: the nodes' signatures over the derived key id (what {@code
 * PKPNFT.claimAndMint(2, derivedKeyId, signatures)} takes) and the public key derived locally from
 * the network's HD root keys.
 *
 * @param derivedKeyId the key id, hex without {@code 0x} ({@code keccak256("<userId>:<appId>")})
 * @param signatures one {@code {r, s, v}} per node, in node order
 * @param signerAddresses the address each signature recovers to (the nodes' staking wallets), same
 *     order
 * @param publicKey the claimed key ({@code computeHDPubKey(derivedKeyId)})
 */
public record ClaimKeyResponse(
    String derivedKeyId,
    List<ExecuteJsClaim.Signature> signatures,
    List<EthAddress> signerAddresses,
    Secp256k1PublicKey publicKey) {
  /**
   * @param derivedKeyId the key id, hex without {@code 0x} ({@code keccak256("<userId>:<appId>")})
   * @param signatures one {@code {r, s, v}} per node, in node order
   * @param signerAddresses the address each signature recovers to (the nodes' staking wallets),
   *     same order
   * @param publicKey the claimed key ({@code computeHDPubKey(derivedKeyId)})
   * @throws LitValidationException if a part is missing or the lists differ in length
   */
  public ClaimKeyResponse {
    if (derivedKeyId == null
        || signatures == null
        || signerAddresses == null
        || publicKey == null) {
      throw new LitValidationException("ClaimKeyResponse parts must not be null");
    }
    signatures = List.copyOf(signatures);
    signerAddresses = List.copyOf(signerAddresses);
    if (signatures.size() != signerAddresses.size())
      throw new LitValidationException("one signer address per signature is needed");
  }
}
