package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

@LocalLitNetworkTest(nodes = 3, seed = "lit4j-execute-limits", actionTimeoutMillis = 1500)
class ExecuteLimitsTest {

  @Test
  void anActionThatRunsPastTheTimeLimitGets502NodeJsTimeoutErrorWithItsLogs(LocalLitNetwork net) throws Exception {
    String hash = net.anvil().web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getHash();
    ObjectNode body = NodeCalls.object();
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(net.devAccount(1), hash)));
    body.put("code", Base64.getEncoder().encodeToString("console.log('spinning'); while (true) {}".getBytes(StandardCharsets.UTF_8)));
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/execute", body)) {
      assertEquals(502, a.status(), a.body().toString());
      assertEquals("NodeJsTimeoutError", a.body().get("errorCode").asText());
      assertEquals("Timeout", a.body().get("errorKind").asText());
      assertEquals("spinning\n", a.body().get("logs").asText());
      assertTrue(a.body().get("correlationId").asText().startsWith("lit_"));
    }
  }
}
