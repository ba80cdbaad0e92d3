package io.lit4j.vectors.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module layout of docs/design/ModuleLayout.md, enforced: no module names another module's
 * {@code *.internal} package (import or fully qualified, main or test sources), and every published
 * module declares the Automatic-Module-Name of its root package. lit-vectors is the one exemption:
 * it is not published and checks internal algorithms (hash to G2, TimeCrypt steps, capacity
 * pricing) against the shared vectors.
 */
class ModuleBoundariesTest {
  /** Module directory → the root package it owns. */
  static final Map<String, String> OWNERS = new LinkedHashMap<>();

  static {
    OWNERS.put("lit-core", "io.lit4j.core");
    OWNERS.put("lit-crypto", "io.lit4j.crypto");
    OWNERS.put("lit-auth", "io.lit4j.auth");
    OWNERS.put("lit-contracts", "io.lit4j.contracts");
    OWNERS.put("lit-node-client", "io.lit4j.node");
    OWNERS.put("lit-localnet", "io.lit4j.localnet");
  }

  /** Modules whose sources are checked: the published ones and the examples and benchmarks. */
  static final List<String> CHECKED =
      List.of(
          "lit-core",
          "lit-crypto",
          "lit-auth",
          "lit-contracts",
          "lit-node-client",
          "lit-localnet",
          "examples",
          "benchmarks");

  private static final Pattern INTERNAL_REF =
      Pattern.compile("\\bio\\.lit4j\\.([a-z]+)((?:\\.[A-Za-z0-9_]+)*?)\\.internal\\b");

  static Path root() {
    String dir = System.getProperty("lit4j.root.dir");
    Path p = dir == null ? Paths.get("..") : Paths.get(dir);
    assertTrue(
        Files.isRegularFile(p.resolve("pom.xml")),
        "lit4j.root.dir must point at the repository: " + p.toAbsolutePath());
    return p;
  }

  /**
   * The references in {@code source} to an internal package of a module other than {@code module}.
   */
  static List<String> foreignInternals(String module, String source) {
    List<String> out = new ArrayList<>();
    String own = OWNERS.get(module);
    Matcher m = INTERNAL_REF.matcher(source);
    while (m.find()) {
      String pkg = "io.lit4j." + m.group(1) + m.group(2) + ".internal";
      boolean ownPackage = own != null && (pkg.equals(own) || pkg.startsWith(own + "."));
      if (!ownPackage) out.add(pkg);
    }
    return out;
  }

  @Test
  void theCheckFindsAForeignInternalImportAndAllowsAnOwnOne() {
    String src =
        "package io.lit4j.localnet.node;\nimport io.lit4j.crypto.eth.internal.K256;\n"
            + "import io.lit4j.localnet.chain.internal.Transactor;\nclass X { Object o = io.lit4j.contracts.internal.AbiDecoding.class; }\n";
    assertEquals(
        List.of("io.lit4j.crypto.eth.internal", "io.lit4j.contracts.internal"),
        foreignInternals("lit-localnet", src));
    assertEquals(
        List.of(), foreignInternals("lit-crypto", "import io.lit4j.crypto.eth.internal.K256;"));
    assertEquals(
        List.of("io.lit4j.crypto.bls.internal"),
        foreignInternals("examples", "import io.lit4j.crypto.bls.internal.BlsPoints;"));
  }

  /**
   * The problems {@code check} finds in each {@code .java} file below {@code module/dir}, as {@code
   * path: problem} lines (path relative to the repository).
   */
  static List<String> scanSources(
      String module, String dir, java.util.function.Function<String, List<String>> check)
      throws IOException {
    Path root = root();
    Path src = root.resolve(module).resolve(dir);
    assertTrue(Files.isDirectory(src), module + "/" + dir + " is missing");
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        try {
          for (String problem : check.apply(Files.readString(f, StandardCharsets.UTF_8)))
            problems.add(root.relativize(f) + ": " + problem);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return problems;
  }

  @Test
  void noModuleUsesAnotherModulesInternalPackages() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String module : CHECKED) {
      violations.addAll(
          scanSources(
              module,
              "src",
              source -> foreignInternals(module, source).stream().map(p -> "uses " + p).toList()));
    }
    assertEquals(
        List.of(),
        violations,
        "a module may use only the public packages of another; move what is needed out of *.internal or into the user");
  }

  @Test
  void everyPublishedModuleNamesItsAutomaticModuleAfterItsRootPackage() throws IOException {
    Path root = root();
    for (Map.Entry<String, String> e : OWNERS.entrySet()) {
      String pom =
          Files.readString(root.resolve(e.getKey()).resolve("pom.xml"), StandardCharsets.UTF_8);
      assertTrue(
          pom.contains("<lit4j.module.name>" + e.getValue() + "</lit4j.module.name>"),
          e.getKey()
              + "/pom.xml must set lit4j.module.name to "
              + e.getValue()
              + " (its jar's Automatic-Module-Name)");
      try (Stream<Path> files = Files.walk(root.resolve(e.getKey()).resolve("src/main/java"))) {
        List<String> strays =
            files
                .filter(f -> f.toString().endsWith(".java"))
                .map(
                    f ->
                        root.resolve(e.getKey())
                            .resolve("src/main/java")
                            .relativize(f)
                            .toString()
                            .replace('/', '.'))
                .filter(name -> !name.startsWith(e.getValue() + "."))
                .toList();
        assertEquals(
            List.of(), strays, e.getKey() + " main sources must live under " + e.getValue());
      }
    }
  }
}
