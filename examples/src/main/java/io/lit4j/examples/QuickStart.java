package io.lit4j.examples;

import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.examples.quickstart.QuickStartEnvironment;
import io.lit4j.examples.quickstart.QuickStartSteps;
import java.io.PrintStream;

/**
 * The Lit JS SDK v4 Quick Start in Java, end to end: connect; a wallet auth sig; mint a PKP with
 * the wallet as its auth method and check its permissions; mint capacity credits and delegate them
 * to the PKP; wallet and PKP session sigs; a Lit Action signs with the PKP; {@code pkpSign};
 * encrypt and decrypt with access control conditions; add an auth method. Every result is verified;
 * a failed check throws.
 *
 * <p>By default it runs on an embedded local Lit network; with {@code LIT_NETWORK} and {@code
 * LIT_PRIVATE_KEY} set it runs on that live network ({@link QuickStartEnvironment}). Each step is
 * also a main of its own in {@code io.lit4j.examples.quickstart}.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * What the run produced, for callers that check it.
   *
   * @param pkpAddress the minted PKP's address
   * @param litActionSignature the Lit Action's signature, 0x hex
   * @param litActionSigner the address that signature recovers to
   * @param decrypted the decrypted text
   */
  public record Outcome(
      String pkpAddress, String litActionSignature, String litActionSigner, String decrypted) {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the Quick Start, printing a line per step to {@code out}. */
  public static Outcome run(PrintStream out) throws Exception {
    long started = System.nanoTime();
    out.println("lit4j Quick Start");
    try (QuickStartEnvironment env = QuickStartEnvironment.open(out)) {
      QuickStartSteps steps = new QuickStartSteps(env);
      steps.connect();
      steps.login();
      steps.mintPkp();
      steps.capacityCredits();
      steps.walletSessionSigs();
      steps.pkpSessionSigs();
      EcdsaSignature actionSig = steps.executeJs();
      steps.pkpSign();
      String decrypted = steps.encryptDecrypt();
      steps.addAuthMethod();
      out.printf(
          "done in %.1f s: PKP %s signed through a Lit Action and pkpSign; signatures recovered to it%n",
          (System.nanoTime() - started) / 1e9, steps.pkpAddress());
      return new Outcome(
          steps.pkpAddress(),
          actionSig.signatureHex(),
          actionSig.recoverAddress().checksummed(),
          decrypted);
    }
  }
}
