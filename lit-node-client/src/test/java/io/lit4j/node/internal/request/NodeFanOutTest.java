package io.lit4j.node.internal.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.json.LitJson;
import io.lit4j.node.LitActionException;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.RetryPolicy;
import io.lit4j.node.transport.OkHttpNodeTransport;
import io.lit4j.node.transport.SdkHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class NodeFanOutTest {
  private final List<WireMockServer> servers = new ArrayList<>();
  private OkHttpNodeTransport transport;
  private ScheduledExecutorService scheduler;

  @BeforeEach
  void setUp() {
    for (int i = 0; i < 3; i++) {
      WireMockServer s = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      s.start();
      servers.add(s);
    }
    transport = OkHttpNodeTransport.create();
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void tearDown() {
    transport.close();
    scheduler.shutdownNow();
    servers.forEach(WireMockServer::stop);
  }

  private List<String> urls() {
    return servers.stream().map(s -> "http://127.0.0.1:" + s.port()).toList();
  }

  private NodeFanOut fanOut(RetryPolicy retry) {
    return new NodeFanOut(
        new NodeRequester(transport, retry, scheduler, LoggerFactory.getLogger("test")), scheduler);
  }

  private static NodeFanOut.Call call(
      List<String> urls, String requestId, int needed, boolean idempotent) {
    return new NodeFanOut.Call(
        "execute",
        "/web/execute",
        urls,
        url -> {
          ObjectNode b = LitJson.mapper().createObjectNode();
          b.put("code", "Y29uc29sZS5sb2coMSk=");
          b.putObject("jsParams");
          b.put("node", url);
          return b;
        },
        requestId,
        7,
        Duration.ofSeconds(5),
        idempotent,
        needed,
        false,
        Duration.ZERO,
        (u, r) -> Optional.empty());
  }

  private void answer(int i, int status, String body) {
    servers
        .get(i)
        .stubFor(
            post(urlEqualTo("/web/execute"))
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
  }

  @Test
  void everyNodeGetsTheSameRequestIdTheSdkHeadersAndEpochNumberAppendedLast() {
    for (int i = 0; i < 3; i++) answer(i, 200, "{\"success\":true,\"response\":\"ok\"}");
    String rid = SdkHeaders.newRequestId();

    NodeResponses r =
        fanOut(RetryPolicy.none()).send(call(urls(), rid, 3, false)).join().requireAll();

    assertEquals(3, r.successCount());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      List<LoggedRequest> reqs =
          servers.get(i).findAll(postRequestedFor(urlEqualTo("/web/execute")));
      assertEquals(1, reqs.size());
      LoggedRequest q = reqs.get(0);
      ids.add(q.getHeader("X-Request-Id"));
      assertEquals("application/json", q.getHeader("Content-Type"));
      assertEquals("4.2.0", q.getHeader("X-Lit-SDK-Version"));
      assertEquals("Typescript", q.getHeader("X-Lit-SDK-Type"));
      assertEquals(
          "{\"code\":\"Y29uc29sZS5sb2coMSk=\",\"jsParams\":{},\"node\":\""
              + urls().get(i)
              + "\",\"epochNumber\":7}",
          q.getBodyAsString());
    }
    assertEquals(Set.of(rid), ids);
  }

  @Test
  void requireAllFailsWithOneErrorThatSaysWhyEachNodeFailed() {
    answer(0, 200, "{\"success\":true}");
    answer(
        1,
        400,
        "{\"success\":false,\"error\":\"Uncaught ReferenceError: x is not defined\",\"logs\":\"\"}");
    answer(
        2,
        402,
        "{\"message\":\"Rate limit exceeded.  Try again later.\",\"errorCode\":\"rate_limit_exceeded\"}");
    String rid = SdkHeaders.newRequestId();

    NodeResponses r = fanOut(RetryPolicy.defaults()).send(call(urls(), rid, 3, false)).join();
    LitNodeException e = assertThrows(LitNodeException.class, r::requireAll);

    assertTrue(
        e.getMessage()
            .startsWith(
                "execute failed: 1 of 3 nodes answered successfully, 3 needed (request "
                    + rid
                    + ")"),
        e.getMessage());
    assertTrue(e.getMessage().contains("x is not defined"));
    assertTrue(e.getMessage().contains("Rate limit exceeded"));
    assertEquals(List.of(urls().get(1), urls().get(2)), e.nodeUrls());
    assertEquals(rid, e.requestId().orElseThrow());
    assertInstanceOf(LitActionException.class, r.failures().get(urls().get(1)));
    assertEquals("rate_limit_exceeded", r.failures().get(urls().get(2)).errorCode().orElseThrow());
    assertEquals(2, e.getSuppressed().length);
    // neither failure is safe to repeat
    assertEquals(1, servers.get(1).findAll(postRequestedFor(urlEqualTo("/web/execute"))).size());
    assertEquals(1, servers.get(2).findAll(postRequestedFor(urlEqualTo("/web/execute"))).size());
  }

  @Test
  void requireAtLeastAcceptsThresholdManySuccesses() {
    answer(0, 200, "{\"success\":true}");
    answer(
        1,
        500,
        "{\"errorKind\":\"Unexpected\",\"errorCode\":\"NodeSystemFault\",\"status\":500,\"message\":\"fault\"}");
    answer(2, 200, "{\"success\":true}");

    NodeResponses r =
        fanOut(RetryPolicy.none()).send(call(urls(), SdkHeaders.newRequestId(), 2, false)).join();

    assertEquals(2, r.requireAtLeast(2).successCount());
    assertThrows(LitException.class, () -> r.requireAtLeast(3));
  }

  @Test
  void aNodeAnswering503IsRepeatedWithTheSameRequestId() {
    for (int i = 0; i < 2; i++) answer(i, 200, "{\"success\":true}");
    WireMockServer flaky = servers.get(2);
    flaky.stubFor(
        post(urlEqualTo("/web/execute"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withBody("busy"))
            .willSetStateTo("recovered"));
    flaky.stubFor(
        post(urlEqualTo("/web/execute"))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"success\":true}")));
    String rid = SdkHeaders.newRequestId();

    NodeResponses r =
        fanOut(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5))
            .send(call(urls(), rid, 3, false))
            .join()
            .requireAll();

    assertEquals(3, r.successCount());
    List<LoggedRequest> reqs = flaky.findAll(postRequestedFor(urlEqualTo("/web/execute")));
    assertEquals(2, reqs.size());
    assertEquals(rid, reqs.get(0).getHeader("X-Request-Id"));
    assertEquals(rid, reqs.get(1).getHeader("X-Request-Id"));
  }

  @Test
  void aNonIdempotentRequestThatTimedOutIsNotRepeated() {
    answer(0, 200, "{\"success\":true}");
    answer(1, 200, "{\"success\":true}");
    servers
        .get(2)
        .stubFor(
            post(urlEqualTo("/web/execute"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")
                        .withFixedDelay(2_000)));
    NodeFanOut.Call c =
        new NodeFanOut.Call(
            "execute",
            "/web/execute",
            urls(),
            u -> LitJson.mapper().createObjectNode(),
            SdkHeaders.newRequestId(),
            0,
            Duration.ofMillis(300),
            false,
            3,
            false,
            Duration.ZERO,
            null);

    NodeResponses r = fanOut(RetryPolicy.defaults()).send(c).join();

    assertEquals(2, r.successCount());
    assertTrue(
        r.failures().get(urls().get(2)).getMessage().contains("did not answer within 300 ms"));
    assertEquals(1, servers.get(2).findAll(postRequestedFor(urlEqualTo("/web/execute"))).size());
  }

  @Test
  void theFanOutStopsOnceEnoughNodesAnsweredAndReportsTheRestAsUnanswered() {
    answer(0, 200, "{\"success\":true}");
    answer(1, 200, "{\"success\":true}");
    servers
        .get(2)
        .stubFor(
            post(urlEqualTo("/web/execute"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")
                        .withFixedDelay(2_000)));

    NodeResponses r =
        fanOut(RetryPolicy.none()).send(call(urls(), SdkHeaders.newRequestId(), 2, false)).join();

    assertEquals(2, r.successCount());
    assertEquals(List.of(urls().get(2)), r.unanswered());
  }

  @Test
  void aValidatorCanTurnAnAnswerIntoAFailure() {
    for (int i = 0; i < 3; i++) answer(i, 200, "{\"success\":" + (i != 1) + "}");
    NodeFanOut.Call c =
        new NodeFanOut.Call(
            "execute",
            "/web/execute",
            urls(),
            u -> LitJson.mapper().createObjectNode(),
            SdkHeaders.newRequestId(),
            0,
            Duration.ofSeconds(5),
            false,
            3,
            false,
            Duration.ZERO,
            (u, reply) -> {
              JsonNode ok = reply.body().get("success");
              return ok.booleanValue()
                  ? Optional.empty()
                  : Optional.of(new LitNodeException("success is false"));
            });

    NodeResponses r = fanOut(RetryPolicy.none()).send(c).join();

    assertEquals(2, r.successCount());
    assertEquals("success is false", r.failures().get(urls().get(1)).getMessage());
  }
}
