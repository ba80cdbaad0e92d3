package io.lit4j.localnet.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeHttpServerTest {
  private NodeHttpServer node;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeEach
  void start() {
    node = new NodeHttpServer("127.0.0.1", 0, 4);
    node.route(
        "/web/echo",
        req -> {
          var out = LitJson.mapper().createObjectNode();
          out.put("correlationId", req.correlationId());
          out.set("body", req.body());
          return out;
        });
    node.route(
        "/web/fails",
        req -> {
          throw NodeError.of(NodeErrorCode.NodeInvalidAuthSig, "signature does not match");
        });
    node.route(
        "/web/pkp/claim",
        new NodeRoute() {
          @Override
          public JsonNode handle(NodeRequest request) {
            return LitJson.mapper().createObjectNode().put("ok", true);
          }

          @Override
          public int successStatus() {
            return 202;
          }
        });
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private HttpResponse<String> post(String path, String body, String contentType, String requestId)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(node.url() + path))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) b.header("Content-Type", contentType);
    if (requestId != null) b.header("X-Request-Id", requestId);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The JDK server runs with TCP_NODELAY without the user passing a flag (the latency this saves is
   * measured by NodeLatencyBenchmark, not here).
   */
  @Test
  void theJdkServerRunsWithTcpNoDelayWithoutAFlag() {
    assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
  }

  @Test
  void answersWithTheRouteBodyAndEchoesTheRequestId() throws Exception {
    var res = post("/web/echo", "{\"a\":1,\"epochNumber\":3}", "application/json", "lit_abc");
    assertEquals(200, res.statusCode());
    JsonNode json = LitJson.parse(res.body(), "answer");
    assertEquals("lit_abc", json.get("correlationId").asText());
    assertEquals(1, json.get("body").get("a").asInt());
    assertEquals(
        NodeHttpServer.NODE_VERSION, res.headers().firstValue("X-Lit-Node-Version").orElseThrow());
  }

  @Test
  void makesUpACorrelationIdWhenTheClientSentNone() throws Exception {
    var res = post("/web/echo", "{}", "application/json", null);
    assertTrue(LitJson.parse(res.body(), "answer").get("correlationId").asText().startsWith("LD-"));
  }

  @Test
  void aRequestWithoutJsonContentTypeFallsThroughTo404() throws Exception {
    assertEquals(404, post("/web/echo", "{}", "text/plain", "lit_1").statusCode());
    assertEquals(404, post("/web/echo", "{}", null, "lit_1").statusCode());
    assertEquals(404, post("/web/nowhere", "{}", "application/json", "lit_1").statusCode());
  }

  @Test
  void badJsonIsAnswered422NodeBadInput() throws Exception {
    var res = post("/web/echo", "{not json", "application/json", "lit_2");
    assertEquals(422, res.statusCode());
    JsonNode json = LitJson.parse(res.body(), "answer");
    assertEquals("NodeBadInput", json.get("errorCode").asText());
    assertEquals("Unexpected", json.get("errorKind").asText());
    assertEquals(422, json.get("status").asInt());
    assertEquals("lit_2", json.get("correlationId").asText());
  }

  @Test
  void nodeErrorsUseTheStandardErrorShapeAndStatus() throws Exception {
    var res = post("/web/fails", "{}", "application/json", "lit_3");
    assertEquals(401, res.statusCode());
    JsonNode json = LitJson.parse(res.body(), "answer");
    assertEquals("NodeInvalidAuthSig", json.get("errorCode").asText());
    assertEquals("Validation", json.get("errorKind").asText());
    assertEquals("signature does not match", json.get("details").get(0).asText());
    assertEquals("lit_3", json.get("correlationId").asText());
  }

  @Test
  void routesMayAnswerWithTheirOwnSuccessStatus() throws Exception {
    assertEquals(202, post("/web/pkp/claim", "{}", "application/json", "lit_4").statusCode());
  }

  @Test
  void faultSwitchesChangeAnswersUntilCleared() throws Exception {
    node.setFault(NodeFault.HTTP_500);
    assertEquals(500, post("/web/echo", "{}", "application/json", "lit_5").statusCode());
    node.setFault(NodeFault.GARBAGE_JSON);
    var garbage = post("/web/echo", "{}", "application/json", "lit_5");
    assertEquals(200, garbage.statusCode());
    assertThrows(RuntimeException.class, () -> LitJson.parse(garbage.body(), "answer"));
    node.setFault(NodeFault.DOWN);
    assertThrows(IOException.class, () -> post("/web/echo", "{}", "application/json", "lit_5"));
    node.setFault(NodeFault.NONE);
    assertEquals(200, post("/web/echo", "{}", "application/json", "lit_5").statusCode());
  }
}
