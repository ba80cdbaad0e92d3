package io.lit4j.localnet.node;

import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSecretKeyShare;
import io.lit4j.localnet.keys.K256NodeKeyShare;
import java.time.Clock;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * What one simulated node knows (test-network material: it holds key shares).
 *
 * @param shareIndex the node's 0-based index (BLS identifier = index + 1)
 * @param nodeCount number of nodes in the network
 * @param threshold {@code minNodeCount}: ECDSA signing subset size and sharing threshold
 * @param nodeWallet the node's EVM wallet, registered in Staking as its node address (signs claims)
 * @param blsShare this node's share of the BLS root secret
 * @param blsPublicKey the BLS root public key
 * @param k256Share this node's shares of the K256 HD root secrets
 * @param ecdsaNetworkSecret the secret all nodes derive ECDSA nonces from (§6.5)
 * @param web3j the chain the node reads (its {@code ethereum})
 * @param rpcUrl that chain's RPC URL (returned by {@code Lit.Actions.getRpcUrl})
 * @param contracts the Lit contracts on it
 * @param rateLimiting whether capacity credits are required (habanero profile)
 * @param strictAuthOnly whether the lenient v4 session fallback is off
 * @param clock the node's clock
 */
public record SimulatedNodeConfig(
    int shareIndex,
    int nodeCount,
    int threshold,
    Credentials nodeWallet,
    BlsSecretKeyShare blsShare,
    BlsPublicKey blsPublicKey,
    K256NodeKeyShare k256Share,
    byte[] ecdsaNetworkSecret,
    Web3j web3j,
    String rpcUrl,
    LitContractAddresses contracts,
    boolean rateLimiting,
    boolean strictAuthOnly,
    Clock clock) {

  /**
   * @param shareIndex the node's 0-based index (BLS identifier = index + 1)
   * @param nodeCount number of nodes in the network
   * @param threshold {@code minNodeCount}: ECDSA signing subset size and sharing threshold
   * @param nodeWallet the node's EVM wallet, registered in Staking as its node address (signs
   *     claims)
   * @param blsShare this node's share of the BLS root secret
   * @param blsPublicKey the BLS root public key
   * @param k256Share this node's shares of the K256 HD root secrets
   * @param ecdsaNetworkSecret the secret all nodes derive ECDSA nonces from (§6.5)
   * @param web3j the chain the node reads (its {@code ethereum})
   * @param rpcUrl that chain's RPC URL (returned by {@code Lit.Actions.getRpcUrl})
   * @param contracts the Lit contracts on it
   * @param rateLimiting whether capacity credits are required (habanero profile)
   * @param strictAuthOnly whether the lenient v4 session fallback is off
   * @param clock the node's clock
   * @throws LitValidationException for a missing part or inconsistent counts
   */
  public SimulatedNodeConfig {
    if (nodeCount < 1
        || threshold < 1
        || threshold > nodeCount
        || shareIndex < 0
        || shareIndex >= nodeCount) {
      throw new LitValidationException(
          "need 0 ≤ shareIndex < nodeCount and 1 ≤ threshold ≤ nodeCount");
    }
    if (nodeWallet == null
        || blsShare == null
        || blsPublicKey == null
        || k256Share == null
        || ecdsaNetworkSecret == null
        || web3j == null
        || rpcUrl == null
        || contracts == null
        || clock == null) {
      throw new LitValidationException("every part of a SimulatedNodeConfig is required");
    }
    ecdsaNetworkSecret = ecdsaNetworkSecret.clone();
  }

  /**
   * The ECDSA network secret (a fresh copy; secret).
   *
   * @return the secret
   */
  @Override
  public byte[] ecdsaNetworkSecret() {
    return ecdsaNetworkSecret.clone();
  }

  @Override
  public String toString() {
    return "SimulatedNodeConfig[shareIndex="
        + shareIndex
        + ", nodeCount="
        + nodeCount
        + ", threshold="
        + threshold
        + ", nodeAddress="
        + nodeWallet.getAddress()
        + ", secrets=<hidden>]";
  }
}
