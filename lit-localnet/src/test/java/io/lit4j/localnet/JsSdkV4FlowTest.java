package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Lit JS SDK 4.2.0, configured as {@code litNetwork: 'custom'} with our Staking
 * contract, runs its normal flow against a 3-node lit-localnet (habanero profile: capacity credits
 * required) unchanged: {@code src/test/js/sdk-v4-flow.cjs} with the packages {@code
 * src/build/js-sdk.sh} installs into {@code ${lit4j.tools.dir}/js-sdk-4.2.0}. The script prints one
 * JSON line per step; this test streams its output into the log and fails with the first failing
 * step's message, or when a step is missing.
 */
class JsSdkV4FlowTest {

  /** Every step the script must report, in order. */
  private static final List<String> STEPS = List.of(
      "connect", "eoaSessionSigs", "mintPkpWithAuth", "capacityCredits", "executeJsEoa", "pkpSessionSigs", "executeJs",
      "pkpSign", "rateLimitedWithoutDelegation", "encryptDecrypt", "getSignedToken", "claimKeyId", "done");

  private static final long SCRIPT_TIMEOUT_SECONDS = 240; // hang detection; the flow takes 30 to 110 s on a loaded 2-core machine

  @Test
  @Timeout(value = 330, unit = TimeUnit.SECONDS)
  void theOfficialJsSdkRunsItsNormalV4FlowAgainstTheLocalNetworkUnchanged() throws Exception {
    try (LocalLitNetwork net = LocalLitNetwork.builder().nodes(3).seed("lit4j-js-sdk-v4-flow").rateLimiting(true).start()) {
      Path connection = Files.createTempFile("lit4j-localnet-", ".json");
      try {
        Files.writeString(connection, net.connectionInfoJson(), StandardCharsets.UTF_8);
        assertFlowPasses(connection);
      } finally {
        Files.deleteIfExists(connection);
      }
    }
  }

  /**
   * Runs the flow script (rate-limited variant) against the network described by a connection
   * file and fails with the first failing step, or when a step is missing.
   *
   * @param connection the network's connection JSON file
   */
  static void assertFlowPasses(Path connection) throws Exception {
    Path nodeModules = Path.of(System.getProperty("lit4j.tools.dir",
        Path.of(System.getProperty("user.home"), ".cache", "lit4j", "tools").toString()))
        .resolve("js-sdk-4.2.0").resolve("node_modules");
    assertTrue(Files.isRegularFile(nodeModules.resolve("@lit-protocol/lit-node-client-nodejs/package.json")),
        "the JS SDK 4.2.0 is installed in " + nodeModules + " (the build runs src/build/js-sdk.sh)");
    Path script = Path.of("src/test/js/sdk-v4-flow.cjs").toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder("node", script.toString(), connection.toString(), "--rate-limited")
        .directory(nodeModules.getParent().toFile())
        .redirectErrorStream(true);
    pb.environment().put("NODE_PATH", nodeModules.toString());
    Process p = pb.start();
    List<JsonNode> steps = new ArrayList<>();
    Thread pump = new Thread(() -> pump(p, steps), "sdk-v4-flow-output");
    pump.setDaemon(true);
    pump.start();
    try {
      boolean finished = p.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      pump.join(TimeUnit.SECONDS.toMillis(10));
      List<JsonNode> reported;
      synchronized (steps) {
        reported = List.copyOf(steps);
      }
      for (JsonNode s : reported) {
        if (!s.path("ok").asBoolean(false)) {
          fail("JS SDK 4.2.0 step '" + s.path("step").asText() + "' failed: " + s.path("error").asText()
              + (s.hasNonNull("errorCode") ? " (" + s.path("errorCode").asText() + ")" : ""));
        }
      }
      assertTrue(finished, "the JS SDK flow finished within " + SCRIPT_TIMEOUT_SECONDS + " s; steps done: "
          + reported.stream().map(s -> s.path("step").asText()).toList());
      assertEquals(STEPS, reported.stream().map(s -> s.path("step").asText()).toList(),
          "the JS SDK flow reported every step in order");
      assertEquals(0, p.exitValue(), "the JS SDK flow exited with 0");
    } finally {
      if (p.isAlive()) p.destroyForcibly();
    }
  }

  /** Copies the child's output into the test log and collects its step lines. */
  private static void pump(Process p, List<JsonNode> steps) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println("[sdk-v4-flow] " + line);
        if (line.startsWith("{\"step\":")) {
          JsonNode step = LitJson.parse(line, "sdk-v4-flow step");
          synchronized (steps) {
            steps.add(step);
          }
        }
      }
    } catch (IOException e) {
      System.out.println("[sdk-v4-flow] output closed: " + e.getMessage());
    }
  }
}
