package io.lit4j.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lit4j.core.vectors.TestVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Loads every JSON file of the vectors committed in {@code src/test/resources/vectors} and, when
 * present, of the shared vectors beside the clone ({@code ../shared/vectors} or {@code
 * -Dlit4j.vectors.dir}), as they are, and runs every check its checker yields. A file without a
 * checker, or a checker that yields nothing, fails.
 */
class SharedVectorsTest {

  @TestFactory
  Stream<DynamicNode> everyVectorFileIsChecked() throws IOException {
    List<DynamicNode> dirs = new ArrayList<>();
    dirs.add(
        DynamicContainer.dynamicContainer(
            "committed " + TestVectors.committedDir(), checkDir(TestVectors.committedDir())));
    TestVectors.sharedDir()
        .ifPresent(
            d -> dirs.add(DynamicContainer.dynamicContainer("shared " + d, uncheckedCheckDir(d))));
    return dirs.stream();
  }

  /**
   * Every shared file beside the clone is also committed, with the same content (apart from {@code
   * generatedBy}, which names this repository's generator where one made the file).
   */
  @TestFactory
  Stream<DynamicNode> theCommittedVectorsHoldEverySharedFile() throws IOException {
    Optional<Path> shared = TestVectors.sharedDir();
    if (shared.isEmpty()) {
      return Stream.of(
          DynamicTest.dynamicTest(
              "no shared vectors beside the clone: nothing to compare",
              () -> assertTrue(Files.isDirectory(TestVectors.committedDir()))));
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(shared.get())) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    ObjectMapper mapper = new ObjectMapper();
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      Path committed =
                          TestVectors.committedDir().resolve(f.getFileName().toString());
                      assertTrue(
                          Files.isRegularFile(committed),
                          "committed copy of " + f.getFileName() + " exists");
                      com.fasterxml.jackson.databind.node.ObjectNode expected =
                          (com.fasterxml.jackson.databind.node.ObjectNode)
                              mapper.readTree(f.toFile());
                      com.fasterxml.jackson.databind.node.ObjectNode actual =
                          (com.fasterxml.jackson.databind.node.ObjectNode)
                              mapper.readTree(committed.toFile());
                      expected.remove("generatedBy");
                      actual.remove("generatedBy");
                      assertEquals(
                          expected,
                          actual,
                          f.getFileName() + ": committed copy equals the shared file");
                    }));
  }

  private static Stream<DynamicNode> uncheckedCheckDir(Path dir) {
    try {
      return checkDir(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String checkerClassName(String fileName) {
    String base = fileName.substring(0, fileName.length() - ".json".length());
    StringBuilder sb = new StringBuilder("io.lit4j.vectors.files.");
    for (String part : base.split("[._-]")) {
      if (part.isEmpty()) continue;
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }

  private static Stream<DynamicNode> checkDir(Path dir) throws IOException {
    assertTrue(Files.isDirectory(dir), "vectors not found at " + dir);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no vector files in " + dir);
    ObjectMapper mapper = new ObjectMapper();
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String className = checkerClassName(name);
      VectorFileChecker checker;
      try {
        checker =
            (VectorFileChecker) Class.forName(className).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        nodes.add(
            DynamicTest.dynamicTest(name, () -> fail("no checker " + className + " for " + name)));
        continue;
      }
      JsonNode root = mapper.readTree(file.toFile());
      List<VectorCheck> checks = checker.checks(root);
      if (checks.isEmpty()) {
        nodes.add(
            DynamicTest.dynamicTest(
                name, () -> fail(className + " yielded no checks for " + name)));
        continue;
      }
      nodes.add(
          DynamicContainer.dynamicContainer(
              name, checks.stream().map(c -> DynamicTest.dynamicTest(c.name(), c.check()))));
    }
    return nodes.stream();
  }
}
