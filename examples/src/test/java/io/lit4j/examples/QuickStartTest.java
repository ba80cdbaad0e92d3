package io.lit4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  void theQuickStartRunsEveryStepOnTheLocalNetworkAndTheSignatureRecoversToThePkp()
      throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    QuickStart.Outcome outcome =
        QuickStart.run(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String out = captured.toString(StandardCharsets.UTF_8);
    for (int step = 0; step <= 10; step++) {
      assertTrue(out.contains("\n" + step + ". "), "missing step " + step + " in:\n" + out);
    }
    assertTrue(out.contains("done in"), out);
    assertEquals(outcome.pkpAddress().toLowerCase(), outcome.litActionSigner().toLowerCase());
    assertTrue(
        outcome.litActionSignature().matches("0x[0-9a-f]{130}"), outcome.litActionSignature());
    assertEquals("Hello from the lit4j Quick Start", outcome.decrypted());
  }
}
