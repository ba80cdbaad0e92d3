package io.lit4j.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.vectors.TestVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The committed files that {@code src/generate} makes are exactly what its generators print when
 * run with the official JS SDK 4.2.0 packages the build installs (so the committed vectors can be
 * remade, and nobody edited them by hand).
 */
class GeneratedVectorsTest {
  /** Generator script → the committed file it prints; as in src/generate/generate.sh. */
  private static final Map<String, String> GENERATORS =
      Map.of("ed25519-session-sigs.cjs", "ed25519_session_sigs.generated.json");

  @Test
  void everyGeneratorReproducesItsCommittedFileByteForByte() throws Exception {
    Path nodeModules =
        Path.of(
                System.getProperty(
                    "lit4j.tools.dir",
                    Path.of(System.getProperty("user.home"), ".cache", "lit4j", "tools")
                        .toString()))
            .resolve("js-sdk-4.2.0/node_modules");
    assertTrue(
        Files.isRegularFile(nodeModules.resolve("@lit-protocol/nacl/package.json")),
        "the JS SDK 4.2.0 is installed in "
            + nodeModules
            + " (the build runs lit-localnet/src/build/js-sdk.sh)");
    String generate = Files.readString(Path.of("src/generate/generate.sh"), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> g : GENERATORS.entrySet()) {
      assertTrue(
          generate.contains("[\"" + g.getKey() + "\"]=\"" + g.getValue() + "\""),
          "generate.sh runs " + g.getKey());
      ProcessBuilder pb =
          new ProcessBuilder(
              "node", Path.of("src/generate", g.getKey()).toAbsolutePath().toString());
      pb.environment().put("NODE_PATH", nodeModules.toString());
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), g.getKey() + " finished");
      assertEquals(0, p.exitValue(), g.getKey() + " succeeded");
      assertEquals(
          read(TestVectors.committed(g.getValue())),
          out,
          g.getValue() + " is what " + g.getKey() + " prints");
    }
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
