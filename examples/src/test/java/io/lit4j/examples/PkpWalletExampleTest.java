package io.lit4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PkpWalletExampleTest {
  @Test
  void theExampleStartsANetworkFundsAPkpAndSendsEtherFromIt() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PkpWalletExample.Outcome outcome =
        PkpWalletExample.run(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String out = captured.toString(StandardCharsets.UTF_8);
    for (String step :
        new String[] {
          "1. starting",
          "2. connected to 3 nodes",
          "3. minted a PKP",
          "4. PKP session sigs",
          "5. signed an EIP-191",
          "6. funded the PKP",
          "7. the PKP sent 0.25 ETH",
          "done: a PKP signed and sent a web3j transaction"
        }) {
      assertTrue(out.contains(step), "missing step '" + step + "' in:\n" + out);
    }
    assertEquals(new BigInteger("250000000000000000"), outcome.recipientBalanceWei());
    assertTrue(outcome.transactionHash().matches("0x[0-9a-f]{64}"), outcome.transactionHash());
    assertTrue(out.contains(outcome.pkpAddress()), out);
  }
}
