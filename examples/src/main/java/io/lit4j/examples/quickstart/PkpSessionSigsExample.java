package io.lit4j.examples.quickstart;

/**
 * Quick Start: PKP session sigs with the capacity delegation (runs the earlier steps it needs
 * first).
 */
public final class PkpSessionSigsExample {
  private PkpSessionSigsExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).pkpSessionSigs();
    }
  }
}
