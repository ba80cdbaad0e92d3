package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone launcher in a child JVM: however that JVM ends (SIGTERM, SIGKILL, a failed start),
 * neither its anvil nor its node ports outlive it.
 */
class LauncherProcessLifetimeTest {
  private final List<Process> launched = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (Process p : launched) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    for (Path l : logs) Files.deleteIfExists(l);
  }

  private record Launched(Process process, long chainId, Path stderr) {}

  private Launched launch(String... jvmOptions) throws Exception {
    long chainId = 900_000 + ThreadLocalRandom.current().nextInt(1_000_000);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    String tools = System.getProperty("lit4j.tools.dir");
    if (tools != null && !tools.isBlank()) cmd.add("-Dlit4j.tools.dir=" + tools);
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            LocalLitNetworkMain.class.getName(),
            "--nodes",
            "2",
            "--root-keys",
            "2",
            "--chain-id",
            Long.toString(chainId)));
    Path stderr = Files.createTempFile("lit4j-launcher-", ".err");
    logs.add(stderr);
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    launched.add(p);
    return new Launched(p, chainId, stderr);
  }

  /** The launcher's one line of connection JSON. */
  private static JsonNode connectionInfo(Launched l) throws Exception {
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(l.process().getInputStream(), StandardCharsets.UTF_8));
    String line =
        CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return out.readLine();
                  } catch (java.io.IOException e) {
                    return null;
                  }
                })
            .get(120, TimeUnit.SECONDS);
    assertTrue(
        line != null && line.startsWith("{"),
        "no connection info; stderr: " + Files.readString(l.stderr()));
    return LitJson.parse(line, "connection info");
  }

  private static List<Integer> ports(JsonNode info) {
    List<Integer> ports = new ArrayList<>();
    ports.add(URI.create(info.get("rpcUrl").asText()).getPort());
    info.get("nodeUrls").forEach(u -> ports.add(URI.create(u.asText()).getPort()));
    return ports;
  }

  private void endsWithNothingLeft(Consumer<Process> kill) throws Exception {
    Launched l = launch();
    JsonNode info = connectionInfo(l);
    List<Integer> ports = ports(info);
    assertEquals(3, ports.size());
    for (int port : ports)
      assertTrue(ProcessLeaks.listening(port), "port " + port + " is up while the launcher runs");
    assertFalse(
        ProcessLeaks.withChainId(l.chainId()).isEmpty(), "anvil runs with the launcher's chain id");
    kill.accept(l.process());
    assertTrue(l.process().waitFor(30, TimeUnit.SECONDS), "the launcher exits");
    assertEquals(
        List.of(),
        ProcessLeaks.awaitGone(l.chainId(), 15_000).stream().map(ProcessHandle::pid).toList(),
        "anvil processes left after the launcher's JVM ended");
    for (int port : ports)
      assertFalse(ProcessLeaks.listening(port), "port " + port + " still listens");
  }

  @Test
  void sigtermOfTheLauncherStopsAnvilAndTheNodes() throws Exception {
    endsWithNothingLeft(Process::destroy);
  }

  @Test
  void sigkillOfTheLauncherStopsAnvilThroughItsGuard() throws Exception {
    endsWithNothingLeft(Process::destroyForcibly);
  }

  @Test
  void aStartThatFailsAfterAnvilStartedLeavesNoAnvil() throws Exception {
    // the ethers bundle is read after anvil is up (Lit Actions runtime), so the start fails there
    Launched l =
        launch(
            "-Dlit4j.ethers.bundle="
                + File.separator
                + "nonexistent"
                + File.separator
                + "ethers.umd.min.js");
    assertTrue(l.process().waitFor(120, TimeUnit.SECONDS), "the failed launcher exits");
    assertNotEquals(0, l.process().exitValue());
    String err = Files.readString(l.stderr());
    assertTrue(err.contains("cannot read the ethers bundle"), err);
    assertEquals(
        List.of(),
        ProcessLeaks.awaitGone(l.chainId(), 15_000).stream().map(ProcessHandle::pid).toList(),
        "anvil processes left after a failed start");
  }
}
