package io.lit4j.localnet.keys;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.math.BigInteger;
import java.util.List;

/**
 * The result of dealing: the root keys and every node's shares of them (test-network material).
 *
 * @param rootPublicKeys the root public keys in order
 * @param rootSecrets the root secrets in order (secret: never printed; the dealer keeps them for
 *     tests)
 * @param nodeShares one entry per node, at position {@code shareIndex}
 */
public record K256RootKeyShares(
    List<Secp256k1PublicKey> rootPublicKeys,
    List<BigInteger> rootSecrets,
    List<K256NodeKeyShare> nodeShares) {

  /**
   * @param rootPublicKeys the root public keys in order
   * @param rootSecrets the root secrets in order (secret: never printed; the dealer keeps them for
   *     tests)
   * @param nodeShares one entry per node, at position {@code shareIndex}
   * @throws LitValidationException for missing or inconsistent parts
   */
  public K256RootKeyShares {
    if (rootPublicKeys == null || rootSecrets == null || nodeShares == null) {
      throw new LitValidationException("root keys, secrets and node shares are required");
    }
    rootPublicKeys = Args.listCopy(rootPublicKeys, "rootPublicKeys");
    rootSecrets = Args.listCopy(rootSecrets, "rootSecrets");
    nodeShares = Args.listCopy(nodeShares, "nodeShares");
    for (int i = 0; i < nodeShares.size(); i++) {
      if (nodeShares.get(i).shareIndex() != i)
        throw new LitValidationException(
            "nodeShares[" + i + "] has shareIndex " + nodeShares.get(i).shareIndex());
    }
  }

  /**
   * {@return the shares of node {@code shareIndex}}
   *
   * @param shareIndex 0-based node index
   * @throws LitValidationException for an unknown index
   */
  public K256NodeKeyShare nodeShare(int shareIndex) {
    if (shareIndex < 0 || shareIndex >= nodeShares.size()) {
      throw new LitValidationException(
          "no node with shareIndex " + shareIndex + " (0.." + (nodeShares.size() - 1) + ")");
    }
    return nodeShares.get(shareIndex);
  }

  /** {@return number of nodes} */
  public int nodeCount() {
    return nodeShares.size();
  }

  /**
   * Threshold of the sharing.
   *
   * @return the number of shares needed to sign
   */
  public int threshold() {
    return nodeShares.get(0).threshold();
  }

  @Override
  public String toString() {
    return "K256RootKeyShares[roots="
        + rootPublicKeys.size()
        + ", nodes="
        + nodeShares.size()
        + ", threshold="
        + threshold()
        + ", secrets=<hidden>]";
  }
}
