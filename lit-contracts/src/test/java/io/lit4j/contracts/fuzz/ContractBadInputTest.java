package io.lit4j.contracts.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.NodeUrls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input on lit-contracts' parsing helpers: a typed error naming the value. */
class ContractBadInputTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "19\u0663.168.10.254",
        "+1.2.3.4",
        "1.2.3.-0",
        "\uFF11.2.3.4",
        "1.2.3.4 ",
        " 1.2.3.4",
        "1.2.3.0004",
        "1..3.4",
        ""
      })
  void ipsThatAreNotPlainAsciiDottedQuadsAreRejected(String ip) {
    // regression: Integer.parseInt took "+1" and U+0663 (ARABIC-INDIC DIGIT THREE), so such text
    // became another IP
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> NodeUrls.ipToInt(ip));
    assertTrue(e.getMessage().startsWith("ip "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "255.255.255.255", "10.01.2.3"})
  void plainDottedQuadsStillParse(String ip) {
    assertEquals(ip.replace(".01.", ".1."), NodeUrls.intToIp(NodeUrls.ipToInt(ip)));
  }
}
