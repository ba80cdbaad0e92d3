package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.eth.EthHash;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Per-route latency of the simulated nodes, as a client on a kept-alive HTTP/1.1 connection sees
 * it: one request at a time to one node (and, for execute, to every node at once as the SDK sends
 * it). Every answer is checked for status 200. Opt-in; prints a table and writes it to {@code
 * target/node-latency.md}:
 *
 * <pre>
 * mvn -o -pl lit-localnet -am test -Dtest=NodeLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dlit4j.node.bench=true [-Dlit4j.node.bench.iterations=200] [-Dsun.net.httpserver.nodelay=false]
 * </pre>
 *
 * ({@code -Dsun.net.httpserver.nodelay=false} brings back the Nagle stall the nodes avoid, for a
 * before/after comparison.)
 */
@EnabledIfSystemProperty(named = "lit4j.node.bench", matches = "true")
class NodeLatencyBenchmark {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private record Row(String route, int calls, double p50, double p99, double max) {}

  @Test
  void nodeLatencyPerRoute() throws Exception {
    int iterations = Integer.getInteger("lit4j.node.bench.iterations", 200);
    int warmup = Math.max(10, iterations / 5);
    List<Row> rows = new ArrayList<>();
    try (LocalLitNetwork net =
        LocalLitNetwork.builder().nodes(3).seed("lit4j-node-latency").start()) {
      Credentials owner = net.devAccount(1);
      MintedPkp pkp;
      try (LitContracts c =
          LitContracts.builder()
              .rpcUrl(net.rpcUrl())
              .addresses(net.contracts())
              .signer(owner)
              .build()) {
        pkp = c.pkps().mintNext();
      }
      String blockhash =
          net.anvil()
              .web3j()
              .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getHash();
      ObjectNode authSig =
          (ObjectNode) NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, blockhash));
      String node0 = net.nodeUrls().get(0);

      ObjectNode handshake = NodeCalls.object();
      handshake.put("clientPublicKey", "test");
      handshake.put("challenge", "ab".repeat(32));

      ObjectNode execute = NodeCalls.object();
      execute.set("authSig", authSig);
      execute.put(
          "code",
          Base64.getEncoder()
              .encodeToString("(async () => {})();".getBytes(StandardCharsets.UTF_8)));
      execute.putObject("jsParams");

      ObjectNode pkpSign = NodeCalls.object();
      ArrayNode toSign = pkpSign.putArray("toSign");
      for (byte b : EthHash.keccak256("lit4j node latency".getBytes(StandardCharsets.UTF_8)))
        toSign.add(b & 0xff);
      pkpSign.put("pubkey", "0x" + pkp.publicKey().hex());
      pkpSign.set("authSig", authSig);

      ObjectNode encryptionSign = NodeCalls.object();
      ObjectNode cond = encryptionSign.putArray("accessControlConditions").addObject();
      cond.put("contractAddress", "")
          .put("standardContractType", "")
          .put("chain", "ethereum")
          .put("method", "");
      cond.putArray("parameters").add(":userAddress");
      cond.putObject("returnValueTest")
          .put("comparator", "=")
          .put("value", org.web3j.crypto.Keys.toChecksumAddress(owner.getAddress()));
      encryptionSign.put("dataToEncryptHash", "cd".repeat(32));
      encryptionSign.put("chain", "ethereum");
      encryptionSign.set("authSig", authSig);

      rows.add(
          measure(
              "POST /web/handshake (one node)",
              iterations,
              warmup,
              () -> call(node0, "/web/handshake", handshake)));
      rows.add(
          measure(
              "POST /web/execute, no-op action (one node)",
              iterations,
              warmup,
              () -> call(node0, "/web/execute", execute)));
      rows.add(
          measure(
              "POST /web/execute, no-op action (3 nodes at once)",
              iterations,
              warmup,
              () -> {
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (String url : net.nodeUrls())
                  all.add(CompletableFuture.runAsync(() -> call(url, "/web/execute", execute)));
                all.forEach(CompletableFuture::join);
              }));
      rows.add(
          measure(
              "POST /web/pkp/sign (one node)",
              iterations,
              warmup,
              () -> call(node0, "/web/pkp/sign", pkpSign)));
      rows.add(
          measure(
              "POST /web/encryption/sign (one node)",
              iterations,
              warmup,
              () -> call(node0, "/web/encryption/sign", encryptionSign)));
    }
    StringBuilder table = new StringBuilder();
    table
        .append("nodelay=")
        .append(System.getProperty("sun.net.httpserver.nodelay"))
        .append(", JDK ")
        .append(System.getProperty("java.version"))
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores\n\n");
    table.append("| route | calls | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.1f | %.1f |%n",
              r.route(),
              r.calls(),
              r.p50(),
              r.p99(),
              r.max()));
    }
    System.out.println(table);
    Files.writeString(
        Path.of("target", "node-latency.md"), table.toString(), StandardCharsets.UTF_8);
  }

  private static Row measure(String route, int iterations, int warmup, Runnable call) {
    for (int i = 0; i < warmup; i++) call.run();
    double[] ms = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long t0 = System.nanoTime();
      call.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    java.util.Arrays.sort(ms);
    return new Row(route, iterations, percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1]);
  }

  private static double percentile(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** One POST on the kept-alive connection; the answer must be 200. */
  private static void call(String url, String path, ObjectNode body) {
    ObjectNode withEpoch = body.deepCopy();
    withEpoch.put("epochNumber", 1);
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("X-Request-Id", NodeCalls.requestId())
            .POST(HttpRequest.BodyPublishers.ofString(LitJson.write(withEpoch)))
            .build();
    HttpResponse<String> a = send(() -> r);
    assertEquals(200, a.statusCode(), path + ": " + a.body());
  }

  private static HttpResponse<String> send(Supplier<HttpRequest> r) {
    try {
      return HTTP.send(r.get(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
