package io.lit4j.examples.quickstart;

/**
 * Quick Start: encrypt and decrypt with access control conditions (runs the earlier steps it needs
 * first).
 */
public final class EncryptDecryptExample {
  private EncryptDecryptExample() {}

  public static void main(String[] args) throws Exception {
    try (QuickStartEnvironment env = QuickStartEnvironment.open(System.out)) {
      new QuickStartSteps(env).encryptDecrypt();
    }
  }
}
