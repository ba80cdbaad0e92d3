package io.lit4j.examples.quickstart;

import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.LitContractsNetwork;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.StakingValidatorSource;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Credentials;

/**
 * Where the Quick Start runs. By default it starts an embedded local Lit network (anvil and three
 * nodes with rate limiting on, as on habanero) and uses one of its funded dev wallets. With {@code
 * LIT_NETWORK=manzano} or {@code habanero} and {@code LIT_PRIVATE_KEY} (a wallet with Chronicle
 * test tokens) in the environment it uses that live network instead ({@code LIT_RPC_URL} overrides
 * Chronicle's RPC).
 */
public final class QuickStartEnvironment implements AutoCloseable {
  private final Optional<LocalLitNetwork> local;
  private final LitNodeClient client;
  private final LitContracts contracts;
  private final Credentials wallet;
  private final String rpcUrl;
  private final PrintStream out;

  private QuickStartEnvironment(
      Optional<LocalLitNetwork> local,
      LitNodeClient client,
      LitContracts contracts,
      Credentials wallet,
      String rpcUrl,
      PrintStream out) {
    this.local = local;
    this.client = client;
    this.contracts = contracts;
    this.wallet = wallet;
    this.rpcUrl = rpcUrl;
    this.out = out;
  }

  /**
   * Opens the environment the process environment asks for, printing what it uses to {@code out}.
   */
  public static QuickStartEnvironment open(PrintStream out) {
    String network = System.getenv("LIT_NETWORK");
    if (network != null && !network.isBlank()) return live(network.trim(), out);
    out.println(
        "0. starting an embedded local Lit network (anvil + 3 nodes, rate limiting on) ...");
    LocalLitNetwork net = LocalLitNetwork.builder().nodes(3).habaneroProfile().start();
    out.println("   up in " + net.startupTime().toMillis() + " ms: " + net.nodeUrls());
    LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder().localNetwork(net.rpcUrl(), net.contracts()).build());
    Credentials wallet = net.devAccount(1);
    LitContracts contracts =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(wallet)
            .build();
    return new QuickStartEnvironment(
        Optional.of(net), client, contracts, wallet, net.rpcUrl(), out);
  }

  private static QuickStartEnvironment live(String name, PrintStream out) {
    LitNetwork network = LitNetwork.fromName(name.toLowerCase(Locale.ROOT));
    if (network != LitNetwork.MANZANO && network != LitNetwork.HABANERO) {
      throw new IllegalArgumentException(
          "LIT_NETWORK must be manzano or habanero (the networks with known contracts), got "
              + name);
    }
    String key = System.getenv("LIT_PRIVATE_KEY");
    if (key == null || key.isBlank())
      throw new IllegalArgumentException(
          "LIT_NETWORK is set: LIT_PRIVATE_KEY must hold the wallet's key");
    String rpc =
        Optional.ofNullable(System.getenv("LIT_RPC_URL"))
            .filter(s -> !s.isBlank())
            .orElse(LitContractsNetwork.CHRONICLE_RPC_URL);
    LitContractsNetwork contractsNetwork = LitContractsNetwork.valueOf(network.name());
    out.println("0. using the live network " + network.wireName() + " over " + rpc);
    LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .network(network)
                .validatorSource(
                    new StakingValidatorSource(
                        LitContracts.builder().rpcUrl(rpc).network(contractsNetwork).build()))
                .build());
    Credentials wallet = Credentials.create(key.trim());
    LitContracts contracts =
        LitContracts.builder().rpcUrl(rpc).network(contractsNetwork).signer(wallet).build();
    return new QuickStartEnvironment(Optional.empty(), client, contracts, wallet, rpc, out);
  }

  /** The embedded local network, when the Quick Start runs on one. */
  public Optional<LocalLitNetwork> localNetwork() {
    return local;
  }

  public LitNodeClient client() {
    return client;
  }

  public LitContracts contracts() {
    return contracts;
  }

  /**
   * The user's wallet (a funded dev account locally; {@code LIT_PRIVATE_KEY} on a live network).
   */
  public Credentials wallet() {
    return wallet;
  }

  public Web3jEthSigner signer() {
    return new Web3jEthSigner(wallet);
  }

  public String rpcUrl() {
    return rpcUrl;
  }

  /** Where progress lines go. */
  public PrintStream out() {
    return out;
  }

  @Override
  public void close() {
    contracts.close();
    client.close();
    local.ifPresent(LocalLitNetwork::close);
  }
}
