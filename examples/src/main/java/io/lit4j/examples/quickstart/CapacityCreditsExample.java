package io.lit4j.examples.quickstart;

/**
 * Quick Start: mint capacity credits and delegate them to the PKP (runs the earlier steps it needs
 * first).
 */
public final class CapacityCreditsExample {
  private CapacityCreditsExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).capacityCredits();
    }
  }
}
