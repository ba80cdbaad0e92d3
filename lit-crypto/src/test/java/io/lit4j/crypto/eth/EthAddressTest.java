package io.lit4j.crypto.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

class EthAddressTest {
  @Test
  void checksumFollowsEip55() {
    // EIP-55 reference examples
    for (String a :
        new String[] {
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
          "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
          "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
        }) {
      assertEquals(a, EthAddress.fromHex(a.toLowerCase()).checksummed());
      assertEquals(a, EthAddress.fromHex(a).toString());
      assertEquals(Keys.toChecksumAddress(a.toLowerCase()), EthAddress.fromHex(a).checksummed());
    }
  }

  @Test
  void mixedCaseWithAWrongChecksumIsRejected() {
    var e =
        assertThrows(
            LitValidationException.class,
            () -> EthAddress.fromHex("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void allUpperCaseIsAcceptedWithoutChecksum() {
    assertEquals(
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        EthAddress.fromHex("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED").lowercaseHex());
  }

  @Test
  void wrongLengthIsRejected() {
    assertThrows(LitValidationException.class, () -> EthAddress.fromHex("0x1234"));
    assertThrows(LitValidationException.class, () -> new EthAddress(new byte[19]));
  }
}
