package io.lit4j.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.vectors.TestVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The committed files that {@code src/generate} makes are exactly what its generators print when
 * run with the official JS SDK 4.2.0 packages the build installs (so the committed vectors can be
 * remade, and nobody edited them by hand). Every generator in that folder is run.
 */
class GeneratedVectorsTest {
  private static final Path GENERATE = Path.of("src/generate");

  /** Generator script → the committed file it prints, as src/generate/generate.sh lists them. */
  static Map<String, String> generators() throws IOException {
    String generate = Files.readString(GENERATE.resolve("generate.sh"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("\\[\"([\\w.-]+\\.cjs)\"\\]=\"([\\w.-]+\\.json)\"").matcher(generate);
    Map<String, String> generators = new TreeMap<>();
    while (m.find()) generators.put(m.group(1), m.group(2));
    return generators;
  }

  @Test
  void generateShRunsEveryGeneratorInTheFolder() throws IOException {
    Map<String, String> generators = generators();
    assertFalse(generators.isEmpty(), "generate.sh lists its generators");
    try (Stream<Path> files = Files.list(GENERATE)) {
      assertEquals(
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".cjs") && !n.equals("common.cjs"))
              .collect(Collectors.toCollection(java.util.TreeSet::new)),
          generators.keySet(),
          "every generator script (but the shared common.cjs) is in generate.sh");
    }
  }

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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
    for (Map.Entry<String, String> g : generators().entrySet()) {
      ProcessBuilder pb =
          new ProcessBuilder("node", GENERATE.resolve(g.getKey()).toAbsolutePath().toString());
      pb.environment().put("NODE_PATH", nodeModules.toString());
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), g.getKey() + " finished");
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
