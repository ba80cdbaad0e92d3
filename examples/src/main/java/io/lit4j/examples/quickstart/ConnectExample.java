package io.lit4j.examples.quickstart;

/** Quick Start: connect to the network (runs the earlier steps it needs first). */
public final class ConnectExample {
  private ConnectExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).connect();
    }
  }
}
