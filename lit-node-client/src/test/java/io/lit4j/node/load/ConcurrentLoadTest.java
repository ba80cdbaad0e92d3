package io.lit4j.node.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.faults.Resources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 200 concurrent {@code pkpSign} and 200 concurrent {@code executeJs} calls from one client against
 * a 3-node local network: every result verifies, and the client's threads and connections stay
 * bounded. Latency and throughput are printed (see docs/benchmarks.md), never asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-load", rateLimiting = false)
class ConcurrentLoadTest {
  static final int CALLS = 200;

  /** OkHttpNodeTransport's dispatcher limits: 256 requests, 64 per host. */
  static final int MAX_THREADS = 256;

  static final int MAX_CONNECTIONS_PER_NODE = 64;
  private final LocalLitNetwork net;
  private Fixture f;
  private final List<String> report = new ArrayList<>();

  ConcurrentLoadTest(LocalLitNetwork net) {
    this.net = net;
  }

  @BeforeAll
  void start() {
    f = new Fixture(net, 7, LitNodeClientConfig.builder().requestTimeout(Duration.ofSeconds(120)));
  }

  @AfterAll
  void stop() throws Exception {
    f.close();
    Set<String> left =
        Resources.awaitGone(() -> Resources.threads(n -> n.startsWith("lit4j-")), 5000);
    assertTrue(left.isEmpty(), "client threads left after close(): " + left);
    assertEquals(
        0,
        Resources.establishedTo(nodePorts()),
        "no connection to a node stays open after close()");
    System.out.println("| operation | calls | p50 ms | p99 ms | max ms | throughput |");
    System.out.println("|---|---|---|---|---|---|");
    report.forEach(System.out::println);
  }

  private Set<Integer> nodePorts() {
    return net.nodes().stream().map(n -> n.server().port()).collect(Collectors.toSet());
  }

  /** Peak of client-made threads and node connections, sampled while calls run. */
  private final class Sampler implements AutoCloseable {
    final AtomicInteger peakThreads = new AtomicInteger();
    final AtomicInteger peakConnections = new AtomicInteger();
    final ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();

    Sampler() {
      s.scheduleAtFixedRate(
          () -> {
            peakThreads.accumulateAndGet(
                Resources.threads(n -> n.startsWith("lit4j-")).size(), Math::max);
            try {
              peakConnections.accumulateAndGet(Resources.establishedTo(nodePorts()), Math::max);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          },
          0,
          20,
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      s.shutdown();
      s.awaitTermination(2, TimeUnit.SECONDS);
    }
  }

  private void assertBounded(Sampler sampler, String op) throws Exception {
    System.out.println(
        op
            + ": peak client threads "
            + sampler.peakThreads
            + ", peak connections to the 3 nodes "
            + sampler.peakConnections);
    report.add(
        "<!-- "
            + op
            + ": peak lit4j threads "
            + sampler.peakThreads
            + ", peak node connections "
            + sampler.peakConnections
            + " -->");
    // 4 workers + 1 scheduler + the dispatcher's threads
    assertTrue(sampler.peakThreads.get() <= MAX_THREADS + 5, "threads: " + sampler.peakThreads);
    assertTrue(
        sampler.peakConnections.get() <= MAX_CONNECTIONS_PER_NODE * 3,
        "connections: " + sampler.peakConnections);
    // idle connections beyond OkHttp's pool size (5) are closed once the calls are done
    long end = System.currentTimeMillis() + 5000;
    int idle = Resources.establishedTo(nodePorts());
    while (idle > 5 && System.currentTimeMillis() < end) {
      Thread.sleep(100);
      idle = Resources.establishedTo(nodePorts());
    }
    assertTrue(idle <= 5, "idle node connections after the burst: " + idle);
  }

  @Test
  @Order(1)
  void twoHundredConcurrentPkpSignsAllVerify() throws Exception {
    Latencies lat = new Latencies("pkpSign (200 concurrent, 3 nodes)");
    List<byte[]> digests = new ArrayList<>();
    List<CompletableFuture<EcdsaSignature>> calls = new ArrayList<>();
    try (Sampler sampler = new Sampler()) {
      long t0 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        byte[] digest = EthHash.keccak256(("load " + i).getBytes(StandardCharsets.UTF_8));
        digests.add(digest);
        long start = System.nanoTime();
        calls.add(
            f.client
                .pkpSignAsync(
                    PkpSignRequest.builder()
                        .toSign(digest)
                        .pkpPublicKey(f.pkpKey)
                        .auth(NodeAuth.sessionSigs(f.pkpSessions))
                        .build())
                .whenComplete((s, e) -> lat.add(System.nanoTime() - start)));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
      lat.wall(System.nanoTime() - t0);
      for (int i = 0; i < CALLS; i++) {
        EcdsaSignature sig = calls.get(i).get();
        assertTrue(sig.verify());
        assertEquals(
            f.pkpKey.ethAddress(),
            EthSignatures.recoverAddress(digests.get(i), sig.signature()),
            "call " + i);
      }
      assertBounded(sampler, "pkpSign");
    }
    report.add(lat.row());
    System.out.println(lat.row());
  }

  @Test
  @Order(2)
  void twoHundredConcurrentExecuteJsCallsAllVerify() throws Exception {
    Latencies lat = new Latencies("executeJs signEcdsa (200 concurrent, 3 nodes)");
    List<byte[]> digests = new ArrayList<>();
    List<CompletableFuture<io.lit4j.node.ExecuteJsResponse>> calls = new ArrayList<>();
    try (Sampler sampler = new Sampler()) {
      long t0 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        byte[] toSign = EthHash.keccak256(("execute load " + i).getBytes(StandardCharsets.UTF_8));
        digests.add(toSign);
        long start = System.nanoTime();
        calls.add(
            f.client
                .executeJsAsync(
                    ExecuteJsRequest.builder()
                        .code(
                            "(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' });"
                                + " Lit.Actions.setResponse({response: String(n)}); })();")
                        .jsParam("toSign", toSign)
                        .jsParam("publicKey", f.pkpKey.hex())
                        .jsParam("n", i)
                        .auth(NodeAuth.sessionSigs(f.pkpSessions))
                        .build())
                .whenComplete((s, e) -> lat.add(System.nanoTime() - start)));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
      lat.wall(System.nanoTime() - t0);
      for (int i = 0; i < CALLS; i++) {
        var res = calls.get(i).get();
        assertEquals(String.valueOf(i), res.response(), "call " + i);
        EcdsaSignature sig = res.signature("sig");
        assertTrue(sig.verify());
        assertArrayEquals(digests.get(i), sig.dataSigned());
        assertEquals(f.pkpKey.ethAddress(), sig.recoverAddress(), "call " + i);
      }
      assertBounded(sampler, "executeJs");
    }
    report.add(lat.row());
    System.out.println(lat.row());
  }
}
