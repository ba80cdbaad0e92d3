package io.lit4j.examples.quickstart;

/** Quick Start: add an auth method to the PKP (runs the earlier steps it needs first). */
public final class AddAuthMethodExample {
  private AddAuthMethodExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).addAuthMethod();
    }
  }
}
