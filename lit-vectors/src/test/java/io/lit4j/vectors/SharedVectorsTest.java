package io.lit4j.vectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Loads every JSON file in {@code shared/vectors} as it is and runs every check its checker
 * yields. A file without a checker, or a checker that yields nothing, fails.
 */
class SharedVectorsTest {

  static Path vectorsDir() {
    String configured = System.getProperty("lit4j.vectors.dir");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("LIT4J_VECTORS_DIR");
    }
    if (configured == null || configured.isBlank()) {
      configured = "../../shared/vectors";
    }
    return Path.of(configured).toAbsolutePath().normalize();
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

  @TestFactory
  Stream<DynamicNode> everyVectorFileIsChecked() throws IOException {
    Path dir = vectorsDir();
    assertTrue(Files.isDirectory(dir), "shared vectors not found at " + dir + " (set -Dlit4j.vectors.dir)");
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
        checker = (VectorFileChecker) Class.forName(className).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        nodes.add(DynamicTest.dynamicTest(name, () -> fail("no checker " + className + " for " + name)));
        continue;
      }
      JsonNode root = mapper.readTree(file.toFile());
      List<VectorCheck> checks = checker.checks(root);
      if (checks.isEmpty()) {
        nodes.add(DynamicTest.dynamicTest(name, () -> fail(className + " yielded no checks for " + name)));
        continue;
      }
      nodes.add(DynamicContainer.dynamicContainer(name,
          checks.stream().map(c -> DynamicTest.dynamicTest(c.name(), c.check()))));
    }
    return nodes.stream();
  }
}
