package io.lit4j.node.e2e;

import io.lit4j.contracts.LitContracts;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.node.NodeFault;
import io.lit4j.node.LitNodeClientConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Credentials;

/** A started {@link LocalLitNetwork} as an end-to-end target. */
record LocalTarget(LocalLitNetwork net) implements E2eTarget {
  @Override
  public LitNodeClientConfig.Builder clientConfig() {
    return LitNodeClientConfig.builder()
        .localNetwork(net.rpcUrl(), net.contracts())
        .requestTimeout(Duration.ofSeconds(30));
  }

  @Override
  public Credentials wallet() {
    return net.devAccount(3);
  }

  @Override
  public LitContracts contracts() {
    return LitContracts.builder()
        .rpcUrl(net.rpcUrl())
        .addresses(net.contracts())
        .signer(wallet())
        .build();
  }

  @Override
  public Optional<String> expectedNetworkKey() {
    return Optional.of(net.networkPublicKey());
  }

  @Override
  public Optional<List<String>> nodeWalletAddresses() {
    return Optional.of(net.nodes().stream().map(n -> n.nodeWalletAddress().toLowerCase()).toList());
  }

  @Override
  public boolean requiresCapacityCredits() {
    return net.node(0).rateLimiting();
  }

  @Override
  public boolean evaluatesSolana() {
    return false;
  }

  @Override
  public Optional<Runnable> wrongShareFrom(int index) {
    net.node(index).server().setFault(NodeFault.WRONG_SHARE);
    return Optional.of(() -> net.node(index).server().setFault(NodeFault.NONE));
  }

  @Override
  public void close() {
    // the JUnit extension closes the network
  }
}
