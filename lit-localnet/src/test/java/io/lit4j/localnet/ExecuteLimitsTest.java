package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

@LocalLitNetworkTest(
    nodes = 3,
    seed = "lit4j-execute-limits",
    rateLimiting = false,
    actionTimeoutMillis = 10_000,
    actionMemoryBudgetBytes = 64L << 20)
class ExecuteLimitsTest {

  @Test
  void anActionThatRunsPastTheTimeLimitGets502NodeJsTimeoutErrorWithItsLogs(LocalLitNetwork net)
      throws Exception {
    String hash =
        net.anvil()
            .web3j()
            .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock()
            .getHash();
    ObjectNode body = NodeCalls.object();
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(net.devAccount(1), hash)));
    // a loop that allocates nothing: only the wall-time limit stops it
    body.put(
        "code",
        Base64.getEncoder()
            .encodeToString(
                "console.log('spinning'); let i = 0; while (true) { i = (i + 1) | 0; }"
                    .getBytes(StandardCharsets.UTF_8)));
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/execute", body)) {
      assertEquals(502, a.status(), a.body().toString());
      assertEquals("NodeJsTimeoutError", a.body().get("errorCode").asText());
      assertEquals("Timeout", a.body().get("errorKind").asText());
      assertEquals("spinning\n", a.body().get("logs").asText());
      assertTrue(a.body().get("correlationId").asText().startsWith("lit_"));
    }
  }

  @Test
  void anActionThatAllocatesPastItsBudgetGets502NodeJsMemoryLimitErrorWithItsLogs(
      LocalLitNetwork net) throws Exception {
    String hash =
        net.anvil()
            .web3j()
            .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock()
            .getHash();
    ObjectNode body = NodeCalls.object();
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(net.devAccount(1), hash)));
    String code =
        "console.log('hoarding'); const keep = []; while (true) { keep.push(new Array(100000).fill(1)); }";
    body.put("code", Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8)));
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/execute", body)) {
      assertEquals(502, a.status(), a.body().toString());
      assertEquals("NodeJsMemoryLimitError", a.body().get("errorCode").asText());
      assertEquals("MemoryLimit", a.body().get("errorKind").asText());
      assertEquals("hoarding\n", a.body().get("logs").asText());
    }
  }
}
