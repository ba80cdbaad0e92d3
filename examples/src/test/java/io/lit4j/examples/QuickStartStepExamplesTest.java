package io.lit4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every per-step Quick Start main on its own embedded local network, as a user would from an
 * IDE.
 */
class QuickStartStepExamplesTest {
  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("ConnectExample", "1. connected"),
        Arguments.of("LoginExample", "2. wallet"),
        Arguments.of("MintPkpExample", "3. minted PKP"),
        Arguments.of("CapacityCreditsExample", "4. minted capacity credit"),
        Arguments.of("SessionSigsExample", "5. wallet session sigs"),
        Arguments.of("PkpSessionSigsExample", "6. PKP session sigs"),
        Arguments.of("ExecuteJsExample", "7. executeJs"),
        Arguments.of("PkpSignExample", "8. pkpSign"),
        Arguments.of("EncryptDecryptExample", "9. encrypted"),
        Arguments.of("AddAuthMethodExample", "10. the PKP added"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void eachStepRunsFromItsOwnMain(String className, String expectedLine) throws Exception {
    Method main =
        Class.forName("io.lit4j.examples.quickstart." + className)
            .getMethod("main", String[].class);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    original.print(out);
    assertTrue(
        out.contains(expectedLine), className + " did not print '" + expectedLine + "':\n" + out);
  }
}
