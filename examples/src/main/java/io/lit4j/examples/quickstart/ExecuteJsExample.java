package io.lit4j.examples.quickstart;

/**
 * Quick Start: a Lit Action signs with the PKP (Lit.Actions.signEcdsa) (runs the earlier steps it
 * needs first).
 */
public final class ExecuteJsExample {
  private ExecuteJsExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).executeJs();
    }
  }
}
