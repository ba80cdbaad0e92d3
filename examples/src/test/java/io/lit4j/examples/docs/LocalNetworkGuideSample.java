package io.lit4j.examples.docs;

import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * The Java blocks of docs/local-network.md, compiled (starting networks is what
 * {@link QuickStartSampleTest} and {@link CapacityCreditsSampleTest} run).
 */
final class LocalNetworkGuideSample {
  private LocalNetworkGuideSample() {}

  static String tour() {
    // docs:start from-java
    try (LocalLitNetwork net = LocalLitNetwork.builder()
        .nodes(3)                 // 2..20; use at least 3
        .seed("my-test-network")  // same seed → same keys, node wallets and nonces (default: random)
        .start()) {
      List<String> urls = net.nodeUrls();          // exactly "http://127.0.0.1:<port>", as the SDK builds them
      String rpc = net.rpcUrl();                   // anvil JSON-RPC
      long chainId = net.chainId();                // 31337 unless .chainId(175177)
      LitContractAddresses c = net.contracts();    // staking(), pkpNft(), pubkeyRouter(), pkpPermissions(), pkpHelper(), rateLimitNft()
      String blsKey = net.networkPublicKey();      // 96 hex, the handshake's networkPublicKey
      List<String> roots = net.hdRootPubkeys();    // compressed hex, the handshake's hdRootPubkeys
      Credentials dev = net.devAccount(1);         // funded anvil dev account (0 deployed the contracts)
      // docs:end from-java
      return urls + rpc + chainId + c + blsKey + roots + dev.getAddress();
    }
  }

  /** The epochs section of local-network.md (compiled; the localnet tests run the same calls). */
  static String epochs(LocalLitNetwork net) {
    String url = net.addNode();   // a new node binds a port and calls Staking.requestToJoin; it serves from the next epoch
    net.removeNode(0);            // Staking.adminKickValidatorInNextEpoch; node 0 serves until the next epoch
    long epoch = net.advanceEpoch(); // Staking.advanceEpoch (StateChanged 1, then 0): the next set becomes current
    return url + epoch;
  }

}

// docs:start junit (the guide elides the body; this class has no test method, so JUnit runs nothing)
@LocalLitNetworkTest(nodes = 3, seed = "my-tests")   // also rootKeyCount, rateLimiting, strictAuthOnly, chainId, actionTimeoutMillis
class MyTest {
  void signs(LocalLitNetwork network) {}
}
// docs:end junit
