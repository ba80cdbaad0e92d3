package io.lit4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoogleLoginWalletExampleTest {
  @Test
  void aGoogleUserGetsAPkpThatSendsAWeb3jTransaction() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    GoogleLoginWalletExample.Outcome outcome =
        GoogleLoginWalletExample.run(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String out = captured.toString(StandardCharsets.UTF_8);
    for (String step :
        new String[] {
          "1. a local Lit network",
          "2. the user logged in with Google",
          "3. minted the user's PKP wallet",
          "4. PKP session signed",
          "5. the user's PKP sent 0.1 ETH",
          "done: a Google user"
        }) {
      assertTrue(out.contains(step), "missing step '" + step + "' in:\n" + out);
    }
    assertEquals(new BigInteger("100000000000000000"), outcome.recipientBalanceWei());
    assertTrue(outcome.transactionHash().matches("0x[0-9a-f]{64}"), outcome.transactionHash());
  }
}
