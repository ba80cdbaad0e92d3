package io.lit4j.node;

import static io.lit4j.node.FakeLitNodes.BLOCKHASH;
import static io.lit4j.node.FakeLitNodes.BLS_KEY;
import static io.lit4j.node.FakeLitNodes.OTHER_BLS_KEY;
import static io.lit4j.node.FakeLitNodes.ROOTS;
import static io.lit4j.node.FakeLitNodes.handshakeBody;
import static io.lit4j.node.FakeLitNodes.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.core.json.LitJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LitNodeClientConnectTest {
  private FakeLitNodes nodes;
  private final List<LitNodeClient> clients = new ArrayList<>();

  @AfterEach
  void tearDown() {
    clients.forEach(LitNodeClient::close);
    if (nodes != null) nodes.close();
  }

  private LitNodeClient client(List<String> urls, int minNodeCount) {
    return client(LitNodeClientConfig.builder().bootstrapUrls(urls).minNodeCount(minNodeCount));
  }

  private LitNodeClient client(LitNodeClientConfig.Builder b) {
    LitNodeClient c =
        LitNodeClient.create(
            b.refreshInterval(Duration.ZERO).requestTimeout(Duration.ofSeconds(5)).build());
    clients.add(c);
    return c;
  }

  @Test
  void connectsToThreeNodesAndTakesTheKeysTheyAgreeOn() {
    nodes = FakeLitNodes.start(3);
    nodes.allHandshakesOk();
    LitNodeClient client = client(nodes.urls(), 2);

    ConnectionState s = client.connect();

    assertTrue(client.isReady());
    assertEquals(nodes.urls(), s.connectedNodes());
    assertEquals(nodes.urls(), client.connectedNodes());
    assertEquals(2, client.minNodeCount());
    assertEquals(0, client.currentEpochNumber());
    assertEquals(BLS_KEY, s.subnetPubKey());
    assertEquals(BLS_KEY, s.networkPubKey());
    assertEquals(BLS_KEY, s.networkPubKeySet());
    assertEquals(ROOTS, s.hdRootPubkeys());
    assertEquals(BLOCKHASH, s.latestBlockhash());
    assertEquals(BLOCKHASH, client.getLatestBlockhash());
    assertEquals(Set.copyOf(nodes.urls()), s.serverKeys().keySet());
  }

  @Test
  void handshakeSendsTheSdkHeadersAndBodyWithOneRequestIdForAllNodes() {
    nodes = FakeLitNodes.start(3);
    nodes.allHandshakesOk();
    ConnectionState s = client(nodes.urls(), 2).connect();

    Set<String> requestIds = new HashSet<>();
    Set<String> challenges = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      List<LoggedRequest> reqs = nodes.requests(i, "/web/handshake");
      assertEquals(1, reqs.size());
      LoggedRequest r = reqs.get(0);
      assertEquals("application/json", r.getHeader("Content-Type"));
      assertEquals("4.2.0", r.getHeader("X-Lit-SDK-Version"));
      assertEquals("Typescript", r.getHeader("X-Lit-SDK-Type"));
      assertTrue(
          r.getHeader("X-Request-Id").matches("lit_[0-9a-f]{13}"), r.getHeader("X-Request-Id"));
      requestIds.add(r.getHeader("X-Request-Id"));
      JsonNode body = LitJson.parse(r.getBodyAsString(), "body");
      assertEquals(List.of("clientPublicKey", "challenge", "epochNumber"), fieldNames(body));
      assertEquals("test", body.get("clientPublicKey").textValue());
      assertTrue(body.get("challenge").textValue().matches("[0-9a-f]{64}"));
      assertEquals(0, body.get("epochNumber").intValue());
      challenges.add(body.get("challenge").textValue());
      assertEquals(body.get("challenge").textValue(), s.serverKeys().get(nodes.url(i)).challenge());
    }
    assertEquals(Set.of(s.requestId()), requestIds, "one request id shared by all nodes");
    assertEquals(3, challenges.size(), "a different challenge per node");
  }

  @Test
  void connectSucceedsWithoutANodeThatIsDown() {
    nodes = FakeLitNodes.start(2);
    nodes.allHandshakesOk();
    String dead = FakeLitNodes.deadUrl();
    List<String> urls = List.of(nodes.url(0), dead, nodes.url(1));

    ConnectionState s = client(urls, 2).connect();

    assertEquals(List.of(nodes.url(0), nodes.url(1)), s.connectedNodes());
  }

  @Test
  void aNodeSlowerThanTheRequestTimeoutIsDropped() {
    nodes = FakeLitNodes.start(3);
    nodes.handshakeOk(0);
    nodes.handshakeOk(1);
    nodes.handshake(2, json(200, handshakeBody(BLS_KEY, ROOTS, BLOCKHASH)).withFixedDelay(5_000));
    LitNodeClient client =
        client(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .minNodeCount(2)
                .refreshInterval(Duration.ZERO)
                .retryPolicy(RetryPolicy.none())
                .requestTimeout(Duration.ofMillis(400)));
    clients.add(client);

    ConnectionState s = client.connect();

    assertEquals(List.of(nodes.url(0), nodes.url(1)), s.connectedNodes());
  }

  @Test
  void aSlowNodeIsRepeatedWithTheSameRequestIdBeforeBeingDropped() {
    nodes = FakeLitNodes.start(3);
    nodes.handshakeOk(0);
    nodes.handshakeOk(1);
    nodes.handshake(2, json(200, handshakeBody(BLS_KEY, ROOTS, BLOCKHASH)).withFixedDelay(3_000));
    LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .minNodeCount(2)
                .refreshInterval(Duration.ZERO)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), 0))
                .requestTimeout(Duration.ofMillis(300))
                .build());
    clients.add(client);

    ConnectionState s = client.connect();

    assertEquals(2, s.connectedNodes().size());
    List<LoggedRequest> slow = nodes.requests(2, "/web/handshake");
    assertEquals(2, slow.size(), "the idempotent handshake is tried twice");
    assertEquals(s.requestId(), slow.get(0).getHeader("X-Request-Id"));
    assertEquals(s.requestId(), slow.get(1).getHeader("X-Request-Id"));
  }

  @Test
  void nodesAnswering500OrGarbageOrResettingAreDropped() {
    nodes = FakeLitNodes.start(5);
    nodes.handshakeOk(0);
    nodes.handshakeOk(1);
    nodes.handshake(2, WireMock.aResponse().withStatus(500).withBody("Internal Server Error"));
    nodes.handshake(3, json(200, "{\"subnetPublicKey\": nope"));
    nodes.handshake(4, WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    ConnectionState s = client(nodes.urls(), 2).connect();

    assertEquals(List.of(nodes.url(0), nodes.url(1)), s.connectedNodes());
  }

  @Test
  void nodesWithKeysNotReadyOrMissingFieldsAreDropped() {
    nodes = FakeLitNodes.start(4);
    nodes.handshakeOk(0);
    nodes.handshakeOk(1);
    nodes.handshake(2, json(200, handshakeBody("ERR", ROOTS, BLOCKHASH)));
    ObjectNode noHash = handshakeBody(BLS_KEY, ROOTS, BLOCKHASH);
    noHash.remove("latestBlockhash");
    nodes.handshake(3, json(200, noHash));

    ConnectionState s = client(nodes.urls(), 2).connect();

    assertEquals(List.of(nodes.url(0), nodes.url(1)), s.connectedNodes());
  }

  @Test
  void aNodeReportingOtherKeysIsDroppedWhenTheMajorityReachesTheThreshold() {
    nodes = FakeLitNodes.start(3);
    nodes.handshakeOk(0);
    nodes.handshake(1, json(200, handshakeBody(OTHER_BLS_KEY, ROOTS, BLOCKHASH)));
    nodes.handshakeOk(2);

    ConnectionState s = client(nodes.urls(), 2).connect();

    assertEquals(List.of(nodes.url(0), nodes.url(2)), s.connectedNodes());
    assertEquals(BLS_KEY, s.networkPubKey());
  }

  @Test
  void hdRootKeysAreComparedByValueAndInOrder() {
    nodes = FakeLitNodes.start(3);
    nodes.handshakeOk(0);
    nodes.handshakeOk(1);
    nodes.handshake(
        2, json(200, handshakeBody(BLS_KEY, List.of(ROOTS.get(1), ROOTS.get(0)), BLOCKHASH)));

    ConnectionState s = client(nodes.urls(), 2).connect();

    assertEquals(List.of(nodes.url(0), nodes.url(1)), s.connectedNodes());
  }

  @Test
  void aNodeOneBlockBehindStaysConnectedAndTheMostCommonBlockhashWins() {
    nodes = FakeLitNodes.start(3);
    String older = "0x" + "cd".repeat(32);
    nodes.handshake(0, json(200, handshakeBody(BLS_KEY, ROOTS, older)));
    nodes.handshakeOk(1);
    nodes.handshakeOk(2);

    ConnectionState s = client(nodes.urls(), 2).connect();

    assertEquals(3, s.connectedNodes().size());
    assertEquals(BLOCKHASH, s.latestBlockhash());
  }

  @Test
  void aMajorityBelowTheThresholdFailsWithATypedErrorSayingWhyEachNodeFailed() {
    nodes = FakeLitNodes.start(3);
    nodes.handshakeOk(0);
    nodes.handshake(1, json(200, handshakeBody(OTHER_BLS_KEY, ROOTS, BLOCKHASH)));
    nodes.handshakeOk(2);

    LitNodeException e =
        assertThrows(LitNodeException.class, () -> client(nodes.urls(), 3).connect());

    assertTrue(
        e.getMessage().contains("2 of 3 nodes answered successfully, 3 needed"), e.getMessage());
    assertTrue(
        e.getMessage().contains(nodes.url(1) + ": Lit node " + nodes.url(1) + " disagrees"),
        e.getMessage());
    assertEquals(List.of(nodes.url(1)), e.nodeUrls());
    assertEquals(2, e.details().get("successCount"));
    assertEquals(3, e.details().get("needed"));
    assertTrue(e.requestId().orElseThrow().startsWith("lit_"));
    assertEquals("divergent_handshake", e.errorCode().orElseThrow());
    assertTrue(
        !LitNodeClient.create(LitNodeClientConfig.builder().bootstrapUrls(nodes.urls()).build())
            .isReady());
  }

  @Test
  void twoEqualGroupsOfDisagreeingNodesDoNotConnect() {
    nodes = FakeLitNodes.start(2);
    nodes.handshakeOk(0);
    nodes.handshake(1, json(200, handshakeBody(OTHER_BLS_KEY, ROOTS, BLOCKHASH)));

    LitNodeException e =
        assertThrows(LitNodeException.class, () -> client(nodes.urls(), 1).connect());

    assertTrue(
        e.getMessage().contains("0 of 2 nodes answered successfully, 1 needed"), e.getMessage());
  }

  @Test
  void whenTooFewNodesAnswerTheErrorKeepsEachNodesErrorJson() {
    nodes = FakeLitNodes.start(3);
    nodes.handshakeOk(0);
    String err =
        "{\"errorKind\":\"Validation\",\"errorCode\":\"CoreApiInvalidXSDKVersionHeader\",\"status\":400,"
            + "\"message\":\"Invalid X-SDK-Version header\",\"correlationId\":\"lit_0123456789abc\",\"details\":[\"bad version\"]}";
    nodes.handshake(1, json(400, err));
    nodes.handshake(2, json(400, err));

    LitNodeException e =
        assertThrows(LitNodeException.class, () -> client(nodes.urls(), 2).connect());

    assertTrue(
        e.getMessage().contains("1 of 3 nodes answered successfully, 2 needed"), e.getMessage());
    assertEquals("CoreApiInvalidXSDKVersionHeader", e.errorCode().orElseThrow());
    assertEquals("Validation", e.errorKind().orElseThrow());
    assertEquals(400, e.status());
    assertEquals(2, e.getSuppressed().length - countWaited(e));
    LitException node1 = (LitException) e.getSuppressed()[0];
    assertEquals(List.of(nodes.url(1)), node1.nodeUrls());
    assertEquals(e.requestId(), node1.requestId());
    assertEquals("lit_0123456789abc", node1.details().get("correlationId"));
    assertEquals(List.of("bad version"), node1.details().get("details"));
    assertEquals(
        1, nodes.requests(1, "/web/handshake").size(), "a coded node error is not repeated");
  }

  @Test
  void whenEveryNodeTimesOutTheErrorIsATimeout() {
    nodes = FakeLitNodes.start(2);
    nodes.handshake(0, json(200, handshakeBody(BLS_KEY, ROOTS, BLOCKHASH)).withFixedDelay(3_000));
    nodes.handshake(1, json(200, handshakeBody(BLS_KEY, ROOTS, BLOCKHASH)).withFixedDelay(3_000));
    LitNodeClient client =
        client(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .minNodeCount(1)
                .retryPolicy(RetryPolicy.none())
                .refreshInterval(Duration.ZERO));
    LitNodeClient fast =
        LitNodeClient.create(
            client.config().toBuilder().requestTimeout(Duration.ofMillis(300)).build());
    clients.add(fast);

    LitTimeoutException e = assertThrows(LitTimeoutException.class, fast::connect);

    assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
  }

  @Test
  void connectTimeoutBoundsTheWholeHandshakePhase() {
    nodes = FakeLitNodes.start(1);
    nodes.handshake(0, json(200, handshakeBody(BLS_KEY, ROOTS, BLOCKHASH)).withFixedDelay(5_000));
    LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .minNodeCount(1)
                .refreshInterval(Duration.ZERO)
                .connectTimeout(Duration.ofMillis(500))
                .requestTimeout(Duration.ofSeconds(30))
                .build());
    clients.add(client);

    LitTimeoutException e = assertThrows(LitTimeoutException.class, client::connect);

    assertTrue(e.getMessage().contains("500 ms"), e.getMessage());
  }

  @Test
  void whenConnectTimeoutPassesTheNodesThatAgreedByThenAreEnough() {
    nodes = FakeLitNodes.start(3);
    nodes.handshakeOk(0);
    nodes.handshakeOk(1);
    nodes.handshake(2, json(200, handshakeBody(BLS_KEY, ROOTS, BLOCKHASH)).withFixedDelay(5_000));
    LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .minNodeCount(2)
                .refreshInterval(Duration.ZERO)
                .connectTimeout(Duration.ofMillis(700))
                .requestTimeout(Duration.ofSeconds(30))
                .build());
    clients.add(client);

    ConnectionState s = client.connect();

    assertEquals(List.of(nodes.url(0), nodes.url(1)), s.connectedNodes());
  }

  @Test
  void theBlockhashIsNotAvailableBeforeConnect() {
    LitNodeClient client = client(List.of("http://127.0.0.1:1"), 1);

    LitException e = assertThrows(LitException.class, client::getLatestBlockhash);

    assertEquals("lit_node_client_not_ready_error", e.errorCode().orElseThrow());
    assertInstanceOf(
        LitException.class,
        assertThrows(Exception.class, () -> client.getLatestBlockhashAsync().join()).getCause());
  }

  @Test
  void concurrentConnectCallsShareOneHandshakeRound() {
    nodes = FakeLitNodes.start(3);
    nodes.allHandshakesOk();
    LitNodeClient client = client(nodes.urls(), 2);

    var a = client.connectAsync();
    var b = client.connectAsync();

    assertEquals(a.join().requestId(), b.join().requestId());
    assertEquals(1, nodes.requests(0, "/web/handshake").size());
  }

  @Test
  void aNewConnectMakesANewHandshakeRoundWithANewRequestId() {
    nodes = FakeLitNodes.start(3);
    nodes.allHandshakesOk();
    LitNodeClient client = client(nodes.urls(), 2);

    String first = client.connect().requestId();
    String second = client.connect().requestId();

    assertNotEquals(first, second);
  }

  private static int countWaited(Throwable e) {
    int n = 0;
    for (Throwable s : e.getSuppressed()) if (!(s instanceof LitException)) n++;
    return n;
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
