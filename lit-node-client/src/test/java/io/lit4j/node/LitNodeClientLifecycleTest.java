package io.lit4j.node;

import static io.lit4j.node.FakeLitNodes.BLS_KEY;
import static io.lit4j.node.FakeLitNodes.ROOTS;
import static io.lit4j.node.FakeLitNodes.handshakeBody;
import static io.lit4j.node.FakeLitNodes.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LitNodeClientLifecycleTest {
  private FakeLitNodes nodes;

  @AfterEach
  void tearDown() {
    if (nodes != null) nodes.close();
  }

  private static List<Thread> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(
            t ->
                t.getName().startsWith("lit4j-node-client-")
                    || t.getName().startsWith("lit4j-okhttp-"))
        .toList();
  }

  private static void awaitNoClientThreads() throws InterruptedException {
    for (Thread t : clientThreads()) t.join(5_000);
  }

  @Test
  void closeLeavesNoClientThreadsRunning() throws Exception {
    awaitNoClientThreads();
    nodes = FakeLitNodes.start(3);
    nodes.allHandshakesOk();
    LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .refreshInterval(Duration.ofMillis(100))
                .build());
    client.connect();
    assertFalse(clientThreads().isEmpty(), "the client runs its own threads while connected");

    client.close();
    client.close(); // idempotent

    awaitNoClientThreads();
    assertEquals(List.of(), clientThreads().stream().map(Thread::getName).toList());
    assertFalse(client.isReady());
    LitException e = assertThrows(LitException.class, client::connect);
    assertEquals("client_closed", e.errorCode().orElseThrow());
  }

  @Test
  void theBuilderMakesAConnectableClientAndCreateRejectsAMissingConfig() {
    nodes = FakeLitNodes.start(3);
    nodes.allHandshakesOk();
    try (LitNodeClient client =
        LitNodeClient.builder()
            .bootstrapUrls(nodes.urls())
            .minNodeCount(2)
            .refreshInterval(Duration.ZERO)
            .build()) {
      LitException notReady = assertThrows(LitException.class, client::getLatestBlockhash);
      assertTrue(notReady.is(LitErrorCode.NOT_READY), notReady.toString());
      assertEquals(3, client.connect().connectedNodes().size());
      assertEquals(
          2,
          client.config().toBuilder()
              .build()
              .validatorSource()
              .currentValidators()
              .join()
              .minNodeCount());
    }
    assertThrows(LitValidationException.class, () -> LitNodeClient.create(null));
  }

  @Test
  void closeDuringAConnectFailsTheConnectAndStopsThreads() throws Exception {
    awaitNoClientThreads();
    nodes = FakeLitNodes.start(1);
    nodes.handshake(
        0, json(200, handshakeBody(BLS_KEY, ROOTS, FakeLitNodes.BLOCKHASH)).withFixedDelay(2_000));
    LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder().bootstrapUrls(nodes.urls()).minNodeCount(1).build());
    var pending = client.connectAsync();

    client.close();

    LitException e =
        assertThrows(LitException.class, () -> io.lit4j.core.util.Futures.join(pending));
    assertEquals("client_closed", e.errorCode().orElseThrow());
    awaitNoClientThreads();
    assertEquals(List.of(), clientThreads().stream().map(Thread::getName).toList());
  }

  @Test
  void theBackgroundRefreshPicksUpANewBlockhashAndDisconnectStopsIt() throws Exception {
    nodes = FakeLitNodes.start(3);
    nodes.allHandshakesOk();
    try (LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .refreshInterval(Duration.ofMillis(150))
                .build())) {
      client.connect();
      String next = "0x" + "ef".repeat(32);
      for (int i = 0; i < 3; i++)
        nodes.handshake(i, json(200, handshakeBody(BLS_KEY, ROOTS, next)));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!client.getLatestBlockhash().equals(next) && System.nanoTime() < deadline)
        Thread.sleep(20);
      assertEquals(next, client.getLatestBlockhash());

      client.disconnect();
      Thread.sleep(300); // let a refresh already under way finish
      int before = nodes.requests(0, "/web/handshake").size();
      Thread.sleep(600);
      assertEquals(
          before, nodes.requests(0, "/web/handshake").size(), "no refresh after disconnect");
      assertTrue(client.isReady(), "disconnect keeps the connection state, as in the SDK");
    }
  }

  @Test
  void aFailedRefreshKeepsThePreviousState() throws Exception {
    nodes = FakeLitNodes.start(2);
    nodes.allHandshakesOk();
    try (LitNodeClient client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .refreshInterval(Duration.ofMillis(100))
                .build())) {
      ConnectionState first = client.connect();
      for (int i = 0; i < 2; i++)
        nodes.handshake(
            i, com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500));
      int before = nodes.requests(0, "/web/handshake").size();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (nodes.requests(0, "/web/handshake").size() < before + 2
          && System.nanoTime() < deadline) Thread.sleep(20);

      assertTrue(nodes.requests(0, "/web/handshake").size() >= before + 2, "refresh ran");
      assertEquals(first, client.connectionState().orElseThrow());
    }
  }

  @Test
  void aCallerSuppliedOkHttpClientIsUsedAndLeftRunning() {
    nodes = FakeLitNodes.start(3);
    nodes.allHandshakesOk();
    OkHttpClient http = new OkHttpClient.Builder().build();
    try {
      LitNodeClient client =
          LitNodeClient.create(
              LitNodeClientConfig.builder()
                  .bootstrapUrls(nodes.urls())
                  .httpClient(http)
                  .refreshInterval(Duration.ZERO)
                  .build());
      client.connect();
      client.close();

      assertFalse(http.dispatcher().executorService().isShutdown());
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
