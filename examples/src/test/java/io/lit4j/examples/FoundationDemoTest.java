package io.lit4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FoundationDemoTest {
  @Test
  void theDemoRunsEveryStepAndVerifiesIt() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      FoundationDemo.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    for (String step :
        new String[] {
          "1. wallet",
          "2. session key",
          "3. 2 ECDSA shares",
          "4. encrypted",
          "done: every step verified"
        }) {
      assertTrue(out.contains(step), "missing step '" + step + "' in:\n" + out);
    }
  }
}
