package io.lit4j.examples.quickstart;

/** Quick Start: session sigs signed by the wallet (runs the earlier steps it needs first). */
public final class SessionSigsExample {
  private SessionSigsExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).walletSessionSigs();
    }
  }
}
