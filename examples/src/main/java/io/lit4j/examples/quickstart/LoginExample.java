package io.lit4j.examples.quickstart;

/** Quick Start: a wallet auth sig (SIWE) (runs the earlier steps it needs first). */
public final class LoginExample {
  private LoginExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).login();
    }
  }
}
