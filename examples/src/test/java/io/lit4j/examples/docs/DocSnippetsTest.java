package io.lit4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation's Java blocks honest: every line of every {@code ```java} block in
 * {@code docs/} must be a line of one of the sample files in this package (which compile, and
 * run where they need no outside network). A block that drifts from the samples fails the build.
 * Lines holding an ellipsis ({@code …}) mark elided code and are not checked; trailing
 * {@code //} comments are not compared, only the code before them. Every block also shows the
 * imports of the types it uses (any type a sample imports), so a reader can paste it.
 */
class DocSnippetsTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final Path SAMPLES = Path.of("src", "test", "java", "io", "lit4j", "examples", "docs");

  @Test
  void everyJavaLineInTheDocsComesFromACompiledSample() throws IOException {
    Set<String> sampleLines = new HashSet<>();
    try (Stream<Path> files = Files.list(SAMPLES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) sampleLines.add(code(line));
      }
    }
    List<Path> docs;
    try (Stream<Path> walk = Files.walk(DOCS)) {
      docs = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertFalse(docs.isEmpty(), "no docs found under " + DOCS.toAbsolutePath());
    List<String> strays = new ArrayList<>();
    int checked = 0;
    for (Path doc : docs) {
      List<String> lines = Files.readAllLines(doc);
      boolean inJava = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String t = code(line);
        if (!inJava && line.trim().equals("```java")) {
          inJava = true;
        } else if (inJava && line.trim().equals("```")) {
          inJava = false;
        } else if (inJava && !t.isEmpty() && !line.contains("…")) {
          checked++;
          if (!sampleLines.contains(t)) strays.add(DOCS.relativize(doc) + ":" + (i + 1) + ": " + t);
        }
      }
    }
    assertTrue(checked > 50, "only " + checked + " Java lines found in the docs");
    assertTrue(strays.isEmpty(), "lines of Java in the docs that no sample contains:\n" + String.join("\n", strays));
  }

  @Test
  void everyJavaBlockInTheDocsShowsTheImportsOfTheTypesItUses() throws IOException {
    // simple name -> the import lines the samples use for it
    java.util.Map<String, Set<String>> imports = new java.util.HashMap<>();
    java.util.regex.Pattern importLine = java.util.regex.Pattern.compile("import ([\\w.]+)\\.(\\w+);");
    try (Stream<Path> files = Files.list(SAMPLES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          java.util.regex.Matcher m = importLine.matcher(line.strip());
          if (m.matches()) imports.computeIfAbsent(m.group(2), k -> new HashSet<>()).add(line.strip());
        }
      }
    }
    List<Path> docs;
    try (Stream<Path> walk = Files.walk(DOCS)) {
      docs = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    List<String> missing = new ArrayList<>();
    for (Path doc : docs) {
      List<String> lines = Files.readAllLines(doc);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).trim().equals("```java")) continue;
        int start = i + 1;
        Set<String> blockImports = new HashSet<>();
        StringBuilder code = new StringBuilder();
        for (i = start; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
          String t = lines.get(i).strip();
          if (t.startsWith("import ")) blockImports.add(t);
          else if (!t.startsWith("//")) code.append(code(t)).append('\n');
        }
        java.util.regex.Matcher type = java.util.regex.Pattern.compile("\\b[A-Z]\\w*\\b").matcher(code);
        while (type.find()) {
          Set<String> candidates = imports.get(type.group());
          if (candidates != null && java.util.Collections.disjoint(candidates, blockImports)) {
            missing.add(DOCS.relativize(doc) + ":" + start + ": " + type.group());
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "java blocks in the docs that use a type without showing its import:\n"
        + String.join("\n", new java.util.LinkedHashSet<>(missing)));
  }

  /** The line without surrounding blanks and without a trailing {@code //} comment. */
  private static String code(String line) {
    String t = line.strip();
    if (t.startsWith("//")) return t; // a comment line is compared whole
    int c = t.indexOf(" //");
    return c < 0 ? t : t.substring(0, c).strip();
  }
}
