package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.json.LitJson;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Many coordinated Lit Actions at once: each node gets the requests in its own order, so with a
 * fixed request pool smaller than the load the nodes would each hold actions the others have not
 * started (and wait for them until the action times out).
 */
@LocalLitNetworkTest(
    nodes = 3,
    seed = "lit4j-concurrent-coordination",
    rateLimiting = false,
    actionTimeoutMillis = 55_000L)
class ConcurrentCoordinatedActionsTest {
  private static final int ACTIONS = 32;

  @Test
  void thirtyTwoConcurrentCoordinatedActionsAllCompleteOnEveryNode(LocalLitNetwork net)
      throws Exception {
    Credentials owner = net.devAccount(4);
    String blockhash =
        net.anvil()
            .web3j()
            .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock()
            .getHash();
    String code =
        "(async () => { const mine = String(crypto.getRandomValues(new Uint32Array(1))[0]);"
            + " const all = await Lit.Actions.broadcastAndCollect({ name: 'n', value: mine });"
            + " const once = await Lit.Actions.runOnce({ waitForResponse: true, name: 'once' }, async () => 'led-' + tag);"
            + " Lit.Actions.setResponse({ response: JSON.stringify({ mine, all, once }) }); })();";
    List<String> requestIds = new ArrayList<>();
    List<ObjectNode> bodies = new ArrayList<>();
    for (int i = 0; i < ACTIONS; i++) {
      ObjectNode body = NodeCalls.object();
      body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, blockhash)));
      body.put("code", Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8)));
      body.putObject("jsParams").put("tag", "a" + i);
      bodies.add(body);
      requestIds.add(NodeCalls.requestId());
    }
    // every node sees the actions in a different order
    record Call(int action, int node) {}
    List<Call> calls = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < ACTIONS; i++) order.add(i);
      Collections.shuffle(order, new Random(n));
      for (int i : order) calls.add(new Call(i, n));
    }
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<NodeCalls.Answer>> answers = new ArrayList<>();
      for (Call c : calls) {
        String url = net.nodeUrls().get(c.node());
        answers.add(
            pool.submit(
                () ->
                    NodeCalls.post(
                        url, "/web/execute", bodies.get(c.action()), requestIds.get(c.action()))));
      }
      List<List<JsonNode>> byAction = new ArrayList<>();
      for (int i = 0; i < ACTIONS; i++) byAction.add(new ArrayList<>());
      for (int k = 0; k < calls.size(); k++) {
        NodeCalls.Answer a = answers.get(k).get(120, TimeUnit.SECONDS);
        assertEquals(200, a.status(), a.body().toString());
        byAction
            .get(calls.get(k).action())
            .add(LitJson.parse(a.body().get("response").asText(), "response"));
      }
      for (int i = 0; i < ACTIONS; i++) {
        Set<String> mines = new HashSet<>();
        for (JsonNode r : byAction.get(i)) {
          mines.add(r.get("mine").asText());
          assertEquals("led-a" + i, r.get("once").asText());
        }
        assertEquals(3, mines.size());
        for (JsonNode r : byAction.get(i)) {
          Set<String> got = new HashSet<>();
          r.get("all").forEach(v -> got.add(v.asText()));
          assertEquals(mines, got, "action " + i + " collected another action's values");
        }
      }
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }
}
