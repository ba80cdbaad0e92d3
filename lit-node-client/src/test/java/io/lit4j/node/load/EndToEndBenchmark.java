package io.lit4j.node.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.node.DecryptRequest;
import io.lit4j.node.EncryptRequest;
import io.lit4j.node.EncryptResponse;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSignRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * End-to-end latency of each client operation against a fresh lit-localnet, one call at a time
 * (median and p99 over {@code lit4j.e2e.bench.iterations} calls after a warm-up), every result
 * checked. Opt-in (it measures, it does not test):
 *
 * <pre>
 * mvn -B -o -pl lit-node-client -am test -Dtest=EndToEndBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dlit4j.e2e.bench=true [-Dlit4j.e2e.bench.iterations=50] [-Dlit4j.e2e.bench.nodes=3]
 * </pre>
 *
 * The table is printed and written to {@code lit-node-client/target/e2e-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "lit4j.e2e.bench", matches = "true")
class EndToEndBenchmark {

  @Test
  void measureEveryOperationOnALocalNetwork() throws Exception {
    int iterations = Integer.getInteger("lit4j.e2e.bench.iterations", 50);
    int warmup = Math.max(3, iterations / 5);
    int nodes = Integer.getInteger("lit4j.e2e.bench.nodes", 3);
    List<Latencies> results = new ArrayList<>();
    long started = System.nanoTime();
    try (LocalLitNetwork net =
            LocalLitNetwork.builder().nodes(nodes).seed("lit4j-e2e-benchmark").start();
        Fixture f =
            new Fixture(
                net, 9, LitNodeClientConfig.builder().requestTimeout(Duration.ofSeconds(30)))) {
      System.out.println(
          "network of " + nodes + " nodes started in " + net.startupTime().toMillis() + " ms");
      LitNodeClientConfig config =
          LitNodeClientConfig.builder()
              .localNetwork(net.rpcUrl(), net.contracts())
              .refreshInterval(Duration.ZERO)
              .build();
      results.add(
          measure(
              "connect (new client, handshake every node)",
              warmup,
              iterations,
              i -> {
                try (LitNodeClient c = LitNodeClient.create(config)) {
                  assertEquals(nodes, c.connect().connectedNodes().size());
                }
              }));
      results.add(
          measure(
              "getSessionSigs (EOA, new session key)",
              warmup,
              iterations,
              i -> {
                SessionSigs s = f.client.getSessionSigs(f.eoaRequest(SessionKeyPair.generate()));
                assertTrue(SessionSigs.verifySignature(s.forNode(s.nodeUrls().get(0))));
              }));
      results.add(
          measure(
              "getPkpSessionSigs (signSessionKey on every node)",
              warmup,
              iterations,
              i -> {
                SessionSigs s = f.client.getPkpSessionSigs(f.pkpRequest(SessionKeyPair.generate()));
                assertEquals(nodes, s.nodeUrls().size());
              }));
      results.add(
          measure(
              "executeJs (setResponse)",
              warmup,
              iterations,
              i ->
                  assertEquals(
                      String.valueOf(i),
                      f.client
                          .executeJs(
                              ExecuteJsRequest.builder()
                                  .code("Lit.Actions.setResponse({response: String(n)});")
                                  .jsParam("n", i)
                                  .auth(NodeAuth.sessionSigs(f.eoaSessions))
                                  .build())
                          .response())));
      results.add(
          measure(
              "executeJs (signEcdsa with the PKP)",
              warmup,
              iterations,
              i -> {
                byte[] toSign =
                    EthHash.keccak256(("bench execute " + i).getBytes(StandardCharsets.UTF_8));
                EcdsaSignature sig =
                    f.client
                        .executeJs(
                            ExecuteJsRequest.builder()
                                .code(
                                    "(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();")
                                .jsParam("toSign", toSign)
                                .jsParam("publicKey", f.pkpKey.hex())
                                .auth(NodeAuth.sessionSigs(f.pkpSessions))
                                .build())
                        .signature("sig");
                assertArrayEquals(toSign, sig.dataSigned());
                assertEquals(f.pkpKey.ethAddress(), sig.recoverAddress());
              }));
      results.add(
          measure(
              "pkpSign",
              warmup,
              iterations,
              i -> {
                byte[] digest =
                    EthHash.keccak256(("bench pkpSign " + i).getBytes(StandardCharsets.UTF_8));
                EcdsaSignature sig =
                    f.client.pkpSign(
                        PkpSignRequest.builder()
                            .toSign(digest)
                            .pkpPublicKey(f.pkpKey)
                            .auth(NodeAuth.sessionSigs(f.pkpSessions))
                            .build());
                assertEquals(
                    f.pkpKey.ethAddress(), EthSignatures.recoverAddress(digest, sig.signature()));
              }));
      List<EncryptResponse> encrypted = new ArrayList<>();
      results.add(
          measure(
              "encryptString (local, 1 KiB)",
              warmup,
              iterations,
              i ->
                  encrypted.add(
                      f.client.encrypt(
                          EncryptRequest.builder()
                              .conditions(f.isTheWallet)
                              .text("x".repeat(1000) + i)
                              .build()))));
      results.add(
          measure(
              "decryptToString (1 KiB, access control check on every node)",
              warmup,
              iterations,
              i -> {
                EncryptResponse e = encrypted.get(Math.floorMod(i, encrypted.size()));
                assertTrue(
                    f.client
                        .decryptToString(
                            DecryptRequest.builder()
                                .conditions(f.isTheWallet)
                                .encrypted(e)
                                .auth(NodeAuth.sessionSigs(f.eoaSessions))
                                .build())
                        .startsWith("xxx"));
              }));
    }
    StringBuilder table =
        new StringBuilder()
            .append(
                String.format(
                    Locale.ROOT,
                    "%d nodes, %d calls per operation after %d warm-up calls, one at a time; JDK %s, %d cores%n%n",
                    nodes,
                    iterations,
                    warmup,
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors()))
            .append(
                "| operation | calls | median ms | p99 ms | max ms | calls/s |\n|---|---|---|---|---|---|\n");
    for (Latencies l : results) table.append(l.row()).append('\n');
    System.out.println(table);
    System.out.println("total " + (System.nanoTime() - started) / 1_000_000 + " ms");
    Files.writeString(Path.of("target", "e2e-benchmark.md"), table.toString());
  }

  private static Latencies measure(String name, int warmup, int iterations, IntConsumer call) {
    for (int i = 0; i < warmup; i++) call.accept(-1 - i);
    Latencies l = new Latencies(name);
    long t0 = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      long s = System.nanoTime();
      call.accept(i);
      l.add(System.nanoTime() - s);
    }
    l.wall(System.nanoTime() - t0);
    return l;
  }
}
