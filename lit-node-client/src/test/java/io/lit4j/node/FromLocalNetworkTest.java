package io.lit4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.LocalNetworkConnection;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LitNodeClientConfig.fromLocalNetwork} and {@code LitContracts.fromLocalNetwork} read the
 * connection JSON a lit-localnet network prints (the launcher's line or {@code --out} file) and
 * reach that network: the client handshakes every node, the contracts mint.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-from-local-network")
class FromLocalNetworkTest {
  @TempDir Path dir;

  @Test
  void theClientConnectsToEveryNodeFromTheJsonAndFromTheFile(LocalLitNetwork net) throws Exception {
    LitNodeClientConfig fromJson = LitNodeClientConfig.fromLocalNetwork(net.connectionInfoJson());
    assertEquals(LitNetwork.CUSTOM, fromJson.network());
    assertFalse(fromJson.checkNodeAttestation());
    try (LitNodeClient client = LitNodeClient.create(fromJson)) {
      client.connect();
      assertEquals(
          net.nodeUrls().stream().sorted().toList(),
          client.connectedNodes().stream().sorted().toList());
    }
    Path file = dir.resolve("conn.json");
    Files.writeString(file, net.connectionInfoJson(), StandardCharsets.UTF_8);
    try (LitNodeClient client = LitNodeClient.create(LitNodeClientConfig.fromLocalNetwork(file))) {
      client.connect();
      assertEquals(3, client.connectedNodes().size());
    }
  }

  @Test
  void theContractsMintWithADevAccountFromTheJson(LocalLitNetwork net) throws Exception {
    Path file = dir.resolve("conn.json");
    Files.writeString(file, net.connectionInfoJson(), StandardCharsets.UTF_8);
    LocalNetworkConnection info = LocalNetworkConnection.read(file);
    try (LitContracts contracts = LitContracts.fromLocalNetwork(file, info.devAccount(4))) {
      MintedPkp pkp = contracts.pkps().mintNext();
      assertTrue(
          contracts
              .pkps()
              .getTokensByAddress(info.devAccountAddresses().get(4))
              .contains(pkp.tokenId()));
    }
    try (LitContracts contracts =
        LitContracts.fromLocalNetwork(net.connectionInfoJson(), info.devAccount(4))) {
      assertEquals(net.contracts(), contracts.addresses());
    }
  }

  @Test
  void malformedConnectionDetailsFailNamingTheProblem(LocalLitNetwork net) {
    String json = net.connectionInfoJson();
    LitValidationException noRpc =
        assertThrows(
            LitValidationException.class,
            () -> LitNodeClientConfig.fromLocalNetwork(json.replace("\"rpcUrl\"", "\"rpc\"")));
    assertTrue(noRpc.getMessage().contains("rpcUrl"), noRpc.getMessage());
    LitValidationException notJson =
        assertThrows(LitValidationException.class, () -> LitNodeClientConfig.fromLocalNetwork("{"));
    assertTrue(notJson.getMessage().contains("local network JSON"), notJson.getMessage());
    LitValidationException missing =
        assertThrows(
            LitValidationException.class,
            () -> LitNodeClientConfig.fromLocalNetwork(dir.resolve("none.json")));
    assertTrue(missing.getMessage().contains("none.json"), missing.getMessage());
    LitValidationException badKey =
        assertThrows(
            LitValidationException.class,
            () ->
                LitContracts.fromLocalNetwork(
                    json.replace(
                        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
                        "0x12"),
                    LocalNetworkConnection.parse(json).devAccount(0)));
    assertTrue(badKey.getMessage().contains("privateKeys[0]"), badKey.getMessage());
    assertFalse(badKey.getMessage().contains("0x12"), "the bad key itself is not echoed");
    assertThrows(
        LitValidationException.class, () -> LocalNetworkConnection.parse(json).devAccount(10));
    assertThrows(LitValidationException.class, () -> LitContracts.fromLocalNetwork(json, null));
  }
}
