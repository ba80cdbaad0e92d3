package io.lit4j.examples.quickstart;

/**
 * Quick Start: mint a PKP with an auth method and scopes, and check its permissions (runs the
 * earlier steps it needs first).
 */
public final class MintPkpExample {
  private MintPkpExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).mintPkp();
    }
  }
}
