package io.lit4j.node.e2e;

import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.LitContractsNetwork;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.StakingValidatorSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.web3j.crypto.Credentials;

/**
 * The end-to-end suite against a live Lit network. Runs only with {@code -Plive} and {@code
 * LIT_NETWORK} (manzano, habanero or cayenne), {@code LIT_PRIVATE_KEY} (a wallet with Chronicle
 * test tokens) and optionally {@code LIT_RPC_URL} (default: Chronicle's); skipped otherwise, saying
 * why.
 */
@EnabledIfSystemProperty(
    named = "lit4j.e2e.live",
    matches = "true",
    disabledReason =
        "live end-to-end tests run only with -Plive (and LIT_NETWORK, LIT_PRIVATE_KEY, optionally LIT_RPC_URL)")
@EnabledIfEnvironmentVariable(
    named = "LIT_NETWORK",
    matches = ".+",
    disabledReason = "LIT_NETWORK is not set (manzano or habanero)")
@EnabledIfEnvironmentVariable(
    named = "LIT_PRIVATE_KEY",
    matches = ".+",
    disabledReason = "LIT_PRIVATE_KEY is not set (a wallet with Chronicle test tokens)")
class LiveNetworkE2eTest extends LitNodeClientE2eSuite {

  LiveNetworkE2eTest() {
    super(live());
  }

  private static E2eTarget live() {
    Assumptions.assumeTrue(
        Boolean.getBoolean("lit4j.e2e.live"),
        "live end-to-end tests run only with -Plive (and LIT_NETWORK, LIT_PRIVATE_KEY, optionally LIT_RPC_URL)");
    String network = System.getenv("LIT_NETWORK");
    String key = System.getenv("LIT_PRIVATE_KEY");
    Assumptions.assumeTrue(
        network != null && !network.isBlank(),
        "LIT_NETWORK is not set (manzano, habanero or cayenne)");
    Assumptions.assumeTrue(
        key != null && !key.isBlank(), "LIT_PRIVATE_KEY is not set (a wallet funded on Chronicle)");
    String rpc =
        Optional.ofNullable(System.getenv("LIT_RPC_URL"))
            .filter(s -> !s.isBlank())
            .orElse(LitContractsNetwork.CHRONICLE_RPC_URL);
    String name = network.trim().toLowerCase(Locale.ROOT);
    Assumptions.assumeTrue(
        name.equals("manzano") || name.equals("habanero"),
        "LIT_NETWORK must be manzano or habanero (the networks with known contracts), got "
            + network);
    LitNetwork net = LitNetwork.fromName(name);
    LitContractsNetwork contractsNet = LitContractsNetwork.valueOf(name.toUpperCase(Locale.ROOT));
    Credentials wallet = Credentials.create(key.trim());
    return new Live(net, contractsNet, rpc, wallet);
  }

  private record Live(
      LitNetwork network, LitContractsNetwork contractsNetwork, String rpc, Credentials wallet)
      implements E2eTarget {
    @Override
    public LitNodeClientConfig.Builder clientConfig() {
      LitNodeClientConfig.Builder b = LitNodeClientConfig.builder().network(network);
      if (network.bootstrapUrls().isEmpty()) {
        b.validatorSource(
            new StakingValidatorSource(
                LitContracts.builder().rpcUrl(rpc).network(contractsNetwork).build()));
      }
      return b;
    }

    @Override
    public LitContracts contracts() {
      return LitContracts.builder().rpcUrl(rpc).network(contractsNetwork).signer(wallet).build();
    }

    @Override
    public Optional<String> expectedNetworkKey() {
      return Optional.empty();
    }

    @Override
    public Optional<List<String>> nodeWalletAddresses() {
      return Optional.empty();
    }

    @Override
    public boolean requiresCapacityCredits() {
      return false; // not asserted against a live network: its free tier may change
    }

    @Override
    public boolean evaluatesSolana() {
      return true;
    }

    @Override
    public Optional<Runnable> wrongShareFrom(int index) {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }
}
