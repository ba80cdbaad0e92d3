package io.lit4j.node.e2e;

import io.lit4j.contracts.LitContracts;
import io.lit4j.node.LitNodeClientConfig;
import java.util.Optional;
import org.web3j.crypto.Credentials;

/** The network an end-to-end suite runs against: a started local network or a live one. */
interface E2eTarget extends AutoCloseable {
  /** Client settings for this network. */
  LitNodeClientConfig.Builder clientConfig();

  /** A funded wallet. */
  Credentials wallet();

  /** Contracts with {@link #wallet()} as signer. */
  LitContracts contracts();

  /** The BLS network key the handshake must give, when known in advance. */
  Optional<String> expectedNetworkKey();

  /** The node wallet addresses (claim signers), when known in advance. */
  Optional<java.util.List<String>> nodeWalletAddresses();

  /** Whether the nodes evaluate Solana conditions (the local ones do not). */
  boolean evaluatesSolana();

  /** Whether the nodes are known to refuse requests not paid for with capacity credits. */
  boolean requiresCapacityCredits();

  /** Switches node {@code index} to sending a wrong share, if this target can; returns an undo. */
  Optional<Runnable> wrongShareFrom(int index);

  @Override
  void close();
}
