package io.lit4j.localnet.keys;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.crypto.hd.HdKeys;
import java.math.BigInteger;
import java.util.List;

/**
 * One node's Shamir shares of the ordered K256 root keys (test-network material). The node's
 * participant x-coordinate is {@code shareIndex + 1}, as in cait-sith.
 *
 * @param shareIndex the node's index, 0 … nodeCount−1
 * @param threshold shares needed to reconstruct (polynomial degree + 1)
 * @param nodeCount number of nodes dealt to
 * @param rootSecretShares this node's share of each root secret, in root order (secret: never
 *     printed)
 * @param rootPublicKeys the root public keys, in order (what the handshake reports as {@code
 *     hdRootPubkeys})
 */
public record K256NodeKeyShare(
    int shareIndex,
    int threshold,
    int nodeCount,
    List<BigInteger> rootSecretShares,
    List<Secp256k1PublicKey> rootPublicKeys) {

  /**
   * @param shareIndex the node's index, 0 … nodeCount−1
   * @param threshold shares needed to reconstruct (polynomial degree + 1)
   * @param nodeCount number of nodes dealt to
   * @param rootSecretShares this node's share of each root secret, in root order (secret: never
   *     printed)
   * @param rootPublicKeys the root public keys, in order (what the handshake reports as {@code
   *     hdRootPubkeys})
   * @throws LitValidationException for inconsistent sizes or out-of-range values
   */
  public K256NodeKeyShare {
    if (threshold < 1 || nodeCount < threshold) {
      throw new LitValidationException(
          "need 1 ≤ threshold ≤ nodeCount, got threshold " + threshold + " of " + nodeCount);
    }
    if (shareIndex < 0 || shareIndex >= nodeCount) {
      throw new LitValidationException(
          "shareIndex must be 0.." + (nodeCount - 1) + ", got " + shareIndex);
    }
    if (rootSecretShares == null || rootPublicKeys == null)
      throw new LitValidationException("root shares and keys are required");
    rootSecretShares = Args.listCopy(rootSecretShares, "rootSecretShares");
    rootPublicKeys = Args.listCopy(rootPublicKeys, "rootPublicKeys");
    if (rootSecretShares.size() != rootPublicKeys.size() || rootPublicKeys.size() < 2) {
      throw new LitValidationException(
          "need the same number (≥ 2) of root shares and root keys, got "
              + rootSecretShares.size()
              + " and "
              + rootPublicKeys.size());
    }
    for (BigInteger s : rootSecretShares) {
      if (s.signum() < 0 || s.compareTo(Secp256k1.ORDER) >= 0)
        throw new LitValidationException("a root secret share is not below n");
    }
  }

  /** {@return the node's participant x-coordinate, {@code shareIndex + 1}} */
  public int participant() {
    return shareIndex + 1;
  }

  /**
   * {@return this node's Shamir share of the HD-derived secret for a key id (secret)}
   *
   * @param keyId the PKP's key id
   */
  public BigInteger derivedSecretShare(HdKeyId keyId) {
    return HdKeys.deriveSecret(keyId, rootSecretShares);
  }

  /**
   * {@return the HD-derived public key for a key id: the PKP's public key}
   *
   * @param keyId the PKP's key id
   */
  public Secp256k1PublicKey derivedPublicKey(HdKeyId keyId) {
    return HdKeys.derivePublicKey(keyId, rootPublicKeys);
  }

  @Override
  public String toString() {
    return "K256NodeKeyShare[shareIndex="
        + shareIndex
        + ", threshold="
        + threshold
        + ", nodeCount="
        + nodeCount
        + ", roots="
        + rootPublicKeys.size()
        + ", rootSecretShares=<hidden>]";
  }
}
