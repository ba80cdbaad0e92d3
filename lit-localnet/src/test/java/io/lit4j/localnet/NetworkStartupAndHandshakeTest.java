package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.StakingValidator;
import io.lit4j.core.json.LitJson;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

@LocalLitNetworkTest(nodes = 3, seed = "lit4j-startup-test", rateLimiting = false)
class NetworkStartupAndHandshakeTest {

  @Test
  void networkStartsWithThreeNodesRegisteredInStakingAtTheirRealPorts(LocalLitNetwork net)
      throws Exception {
    System.out.println(
        "lit-localnet: 3-node network start-up took " + net.startupTime().toMillis() + " ms");
    assertEquals(3, net.nodeUrls().size());
    assertEquals(2, net.minNodeCount());
    try (LitContracts contracts =
        LitContracts.builder().rpcUrl(net.rpcUrl()).addresses(net.contracts()).build()) {
      List<StakingValidator> validators = contracts.staking().getActiveValidators();
      assertEquals(3, validators.size());
      List<String> fromStaking = validators.stream().map(StakingValidator::url).sorted().toList();
      assertEquals(net.nodeUrls().stream().sorted().toList(), fromStaking);
      assertEquals(2, contracts.staking().getMinNodeCount());
    }
    for (String url : net.nodeUrls()) assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+"), url);
    JsonNode info = LitJson.parse(net.connectionInfoJson(), "info");
    assertEquals(net.contracts().staking(), info.path("contracts").path("Staking").asText());
    // the dev accounts' keys (anvil's public test keys) and no other 32-byte secret (node wallets)
    List<String> devKeys =
        net.devAccounts().stream()
            .map(
                d ->
                    org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(
                        d.getEcKeyPair().getPrivateKey(), 64))
            .toList();
    assertEquals(
        devKeys,
        LitJson.mapper().convertValue(info.path("devAccounts").path("privateKeys"), List.class));
    assertEquals(
        devKeys.size(),
        java.util.regex.Pattern.compile("\"0x[0-9a-fA-F]{64}\"")
            .matcher(info.toString())
            .results()
            .count(),
        "no other 32-byte hex value (a node wallet key) in the connection JSON");
    io.lit4j.contracts.LocalNetworkConnection parsed =
        io.lit4j.contracts.LocalNetworkConnection.parse(net.connectionInfoJson());
    assertEquals(net.rpcUrl(), parsed.rpcUrl());
    assertEquals(net.contracts(), parsed.contracts());
    assertEquals(net.nodeUrls(), parsed.nodeUrls());
    assertEquals(net.devAccount(3).getAddress(), parsed.devAccount(3).getAddress());
    assertFalse(
        parsed.toString().contains(devKeys.get(0).substring(2)), "toString leaves the keys out");
  }

  @Test
  void handshakeAnswersTheBlsKeyRootKeysAndTheLatestBlockhashOnEveryNode(LocalLitNetwork net)
      throws Exception {
    var body = NodeCalls.object().put("clientPublicKey", "test").put("challenge", "ab".repeat(32));
    List<NodeCalls.Answer> answers = NodeCalls.all(net, "/web/handshake", body);
    // the nodes answer from one cache refreshed in the background (as v4 nodes do): every node
    // reports the same block, one the chain has, and the chain's latest once the cache's max age
    // has passed (LatestBlockCacheTest checks the cache itself)
    String reported = answers.get(0).body().get("latestBlockhash").asText();
    var block = net.anvil().web3j().ethGetBlockByHash(reported, false).send().getBlock();
    assertNotNull(block, "the reported latestBlockhash is a block of the chain: " + reported);
    long deadline =
        System.nanoTime()
            + io.lit4j.localnet.node.LatestBlockCache.DEFAULT_MAX_AGE.plusSeconds(5).toNanos();
    String nodeLatest = reported;
    String chainLatest = latestBlockhash(net);
    while (!nodeLatest.equals(chainLatest) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      nodeLatest =
          NodeCalls.all(net, "/web/handshake", body).get(0).body().get("latestBlockhash").asText();
      chainLatest = latestBlockhash(net);
    }
    assertEquals(chainLatest, nodeLatest, "the nodes catch up with the chain's latest block");
    for (NodeCalls.Answer a : answers) {
      assertEquals(200, a.status(), a.body().toString());
      JsonNode b = a.body();
      assertEquals("", b.get("serverPublicKey").asText());
      assertEquals(net.networkPublicKey(), b.get("subnetPublicKey").asText());
      assertEquals(net.networkPublicKey(), b.get("networkPublicKey").asText());
      assertEquals(net.networkPublicKey(), b.get("networkPublicKeySet").asText());
      assertTrue(b.get("networkPublicKey").asText().matches("[0-9a-f]{96}"));
      assertEquals("4.2.0", b.get("clientSdkVersion").asText());
      assertEquals(
          net.hdRootPubkeys(), LitJson.mapper().convertValue(b.get("hdRootPubkeys"), List.class));
      assertTrue(b.get("hdRootPubkeys").get(0).asText().matches("0[23][0-9a-f]{64}"));
      assertTrue(b.get("attestation").isNull());
      assertEquals(reported, b.get("latestBlockhash").asText());
    }
  }

  @Test
  void aNodeSwitchedToADivergentHandshakeAnswersAnotherKey(LocalLitNetwork net) {
    net.node(0).server().setFault(io.lit4j.localnet.node.NodeFault.DIVERGENT_HANDSHAKE);
    try {
      var body = NodeCalls.object().put("clientPublicKey", "test");
      List<NodeCalls.Answer> answers = NodeCalls.all(net, "/web/handshake", body);
      assertFalse(
          net.networkPublicKey().equals(answers.get(0).body().get("networkPublicKey").asText()));
      assertEquals(net.networkPublicKey(), answers.get(1).body().get("networkPublicKey").asText());
    } finally {
      net.node(0).server().setFault(io.lit4j.localnet.node.NodeFault.NONE);
    }
  }

  @Test
  void handshakeWithoutRequestIdIsRefused(LocalLitNetwork net) {
    NodeCalls.Answer a =
        NodeCalls.post(
            net.nodeUrls().get(0),
            "/web/handshake",
            "{\"clientPublicKey\":\"test\"}",
            Map.of("Content-Type", "application/json"));
    assertEquals(400, a.status());
    assertEquals("CoreApiMissingRequiredXRequestIdHeader", a.body().get("errorCode").asText());
  }

  @Test
  void badJsonGets422NodeBadInputAndAWrongContentTypeGets404(LocalLitNetwork net) {
    String url = net.nodeUrls().get(1);
    NodeCalls.Answer bad =
        NodeCalls.post(
            url,
            "/web/handshake",
            "{\"clientPublicKey\":",
            Map.of("Content-Type", "application/json", "X-Request-Id", "lit_1"));
    assertEquals(422, bad.status());
    assertEquals("NodeBadInput", bad.body().get("errorCode").asText());
    assertEquals("lit_1", bad.body().get("correlationId").asText());
    NodeCalls.Answer missing =
        NodeCalls.post(
            url,
            "/web/handshake",
            "{}",
            Map.of("Content-Type", "application/json", "X-Request-Id", "lit_2"));
    assertEquals(422, missing.status());
    NodeCalls.Answer text =
        NodeCalls.post(
            url,
            "/web/handshake",
            "{}",
            Map.of("Content-Type", "text/plain", "X-Request-Id", "lit_3"));
    assertEquals(404, text.status());
  }

  private static String latestBlockhash(LocalLitNetwork net) throws java.io.IOException {
    return net.anvil()
        .web3j()
        .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
        .send()
        .getBlock()
        .getHash();
  }
}
