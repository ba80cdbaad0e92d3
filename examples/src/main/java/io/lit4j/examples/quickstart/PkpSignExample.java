package io.lit4j.examples.quickstart;

/** Quick Start: pkpSign (runs the earlier steps it needs first). */
public final class PkpSignExample {
  private PkpSignExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).pkpSign();
    }
  }
}
