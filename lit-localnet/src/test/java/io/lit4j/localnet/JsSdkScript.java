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

/**
 * Runs a script of {@code src/test/js} with the official JS SDK 4.2.0 packages the build installs
 * ({@code src/build/js-sdk.sh}) and checks its report: one JSON line per step, every step ok, all
 * steps in order, exit 0. The script's output goes to the test log.
 */
final class JsSdkScript {
  private JsSdkScript() {}

  /**
   * {@return the node_modules of the installed JS SDK 4.2.0, checked to hold {@code pkg}} @param
   * pkg a package that must be installed
   */
  static Path nodeModules(String pkg) {
    Path nodeModules =
        Path.of(
                System.getProperty(
                    "lit4j.tools.dir",
                    Path.of(System.getProperty("user.home"), ".cache", "lit4j", "tools")
                        .toString()))
            .resolve("js-sdk-4.2.0")
            .resolve("node_modules");
    assertTrue(
        Files.isRegularFile(nodeModules.resolve(pkg).resolve("package.json")),
        "the JS SDK 4.2.0 package "
            + pkg
            + " is installed in "
            + nodeModules
            + " (the build runs src/build/js-sdk.sh)");
    return nodeModules;
  }

  /**
   * Runs {@code src/test/js/<script>} and checks its steps.
   *
   * @param script the script file name
   * @param requiredPackage a package the script needs
   * @param steps the steps it must report, in order
   * @param timeoutSeconds how long it may run
   * @param args the script's arguments
   */
  static void runAndCheck(
      String script,
      String requiredPackage,
      List<String> steps,
      long timeoutSeconds,
      String... args)
      throws Exception {
    Path nodeModules = nodeModules(requiredPackage);
    List<String> command =
        new ArrayList<>(
            List.of("node", Path.of("src/test/js", script).toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(nodeModules.getParent().toFile())
            .redirectErrorStream(true);
    pb.environment().put("NODE_PATH", nodeModules.toString());
    String tag = script.replace(".cjs", "");
    Process p = pb.start();
    List<JsonNode> reported = new ArrayList<>();
    Thread pump = new Thread(() -> pump(p, reported, tag), tag + "-output");
    pump.setDaemon(true);
    pump.start();
    try {
      boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!finished) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      pump.join(TimeUnit.SECONDS.toMillis(10));
      List<JsonNode> done;
      synchronized (reported) {
        done = List.copyOf(reported);
      }
      for (JsonNode s : done) {
        if (!s.path("ok").asBoolean(false)) {
          fail(
              "JS SDK 4.2.0 step '"
                  + s.path("step").asText()
                  + "' failed: "
                  + s.path("error").asText()
                  + (s.hasNonNull("errorCode") ? " (" + s.path("errorCode").asText() + ")" : ""));
        }
      }
      assertTrue(
          finished,
          "the JS SDK script "
              + script
              + " finished within "
              + timeoutSeconds
              + " s; steps done: "
              + done.stream().map(s -> s.path("step").asText()).toList());
      assertEquals(
          steps,
          done.stream().map(s -> s.path("step").asText()).toList(),
          "the JS SDK script reported every step in order");
      assertEquals(0, p.exitValue(), "the JS SDK script exited with 0");
    } finally {
      if (p.isAlive()) p.destroyForcibly();
    }
  }

  /** Copies the child's output into the test log and collects its step lines. */
  private static void pump(Process p, List<JsonNode> steps, String tag) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println("[" + tag + "] " + line);
        if (line.startsWith("{\"step\":")) {
          JsonNode step = LitJson.parse(line, tag + " step");
          synchronized (steps) {
            steps.add(step);
          }
        }
      }
    } catch (IOException e) {
      System.out.println("[" + tag + "] output closed: " + e.getMessage());
    }
  }
}
