package io.lit4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the docs Quick Start (section 2 of docs/getting-started.md: its {@code main} and {@code
 * run} blocks) small to read: at most 12 imports in all, {@code java.*} included (it needed 36
 * before the API was made to read better, issue 11), and none hidden: no wildcard import and no
 * fully qualified name in the code.
 */
class QuickStartImportsTest {
  private static final Path GETTING_STARTED = Path.of("..", "docs", "getting-started.md");
  private static final int MAX_IMPORTS = 12;
  private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.lit4j|java|javax|org|com)\\.[a-z]\\w*\\.");

  @Test
  void theQuickStartShowsAtMostTwelveImportsAndHidesNone() throws IOException {
    List<String> lines = Files.readAllLines(GETTING_STARTED);
    int start = lines.indexOf("## 2. First steps against the embedded local network");
    assertTrue(start >= 0, "the Quick Start section is missing from " + GETTING_STARTED);
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) end++;

    Set<String> imports = new LinkedHashSet<>();
    List<String> hidden = new ArrayList<>();
    int blocks = 0;
    int codeLines = 0;
    boolean inJava = false;
    for (String line : lines.subList(start, end)) {
      String t = line.strip();
      if (!inJava && t.equals("What happens:")) break; // the Quick Start's blocks end here
      if (!inJava && t.equals("```java")) {
        inJava = true;
        blocks++;
      } else if (inJava && t.equals("```")) {
        inJava = false;
      } else if (inJava && t.startsWith("import ")) {
        imports.add(t);
        if (t.endsWith(".*;") || t.startsWith("import static")) hidden.add(t);
      } else if (inJava && !t.isEmpty() && !t.startsWith("//")) {
        codeLines++;
        String code = t.replaceAll("\"[^\"]*\"", "\"\"");
        int comment = code.indexOf("//");
        if (comment >= 0) code = code.substring(0, comment);
        if (QUALIFIED.matcher(code).find()) hidden.add(t);
      }
    }

    assertEquals(2, blocks, "the Quick Start has its main and run blocks");
    assertTrue(codeLines >= 30, "the Quick Start shows its whole flow, not " + codeLines + " lines");
    assertTrue(hidden.isEmpty(), "wildcard imports or qualified names in the Quick Start:\n" + String.join("\n", hidden));
    assertTrue(
        imports.size() <= MAX_IMPORTS,
        "the Quick Start shows " + imports.size() + " imports, more than " + MAX_IMPORTS + ":\n" + String.join("\n", imports));
  }
}
