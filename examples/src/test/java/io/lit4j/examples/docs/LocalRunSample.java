package io.lit4j.examples.docs;

import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.LocalNetworkConnection;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import io.lit4j.localnet.node.NodeFault;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import java.nio.file.Path;

/**
 * The snippets of local-network.md ("From the JSON to a lit4j client"), modules/lit-contracts.md
 * and modules/lit-localnet.md ("Shared", faults), compiled. lit-node-client's FromLocalNetworkTest
 * and lit-localnet's SharedNetwork*Test run the same calls.
 */
final class LocalRunSample {
  private LocalRunSample() {}

  static MintedPkp fromConnectionFile() {
    Path conn = Path.of("conn.json");                                   // --out conn.json
    LocalNetworkConnection info = LocalNetworkConnection.read(conn);    // or .parse(json)
    try (LitContracts contracts = LitContracts.fromLocalNetwork(conn, info.devAccount(1));
         LitNodeClient client = LitNodeClient.create(LitNodeClientConfig.fromLocalNetwork(conn))) {
      client.connect();                        // nodes read from the network's Staking contract
      MintedPkp pkp = contracts.pkps().mintNext();
      return pkp;
    }
  }

  static String contractsOnly() {
    LocalNetworkConnection info = LocalNetworkConnection.read(Path.of("conn.json"));
    try (LitContracts contracts = LitContracts.fromLocalNetwork(Path.of("conn.json"), info.devAccount(1))) {
      return contracts.addresses().staking();
    }
  }
}

// docs:start shared (the guide elides the bodies; these classes have no test method, so JUnit runs nothing)
@LocalLitNetworkTest(seed = "my-suite", shared = true)
class MintingTest {
  void mints(LocalLitNetwork net) {}
}

@LocalLitNetworkTest(seed = "my-suite", shared = true)   // same values: the same network
class SigningTest {
  void signs(LocalLitNetwork net) {}
}

class FaultsSample {
  void connectsWithOneNodeDown(LocalLitNetwork net) {
    net.node(2).server().setFault(NodeFault.DOWN);   // undone after this test
  }
}
// docs:end shared
