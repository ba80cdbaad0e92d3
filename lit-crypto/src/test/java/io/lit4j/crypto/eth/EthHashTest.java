package io.lit4j.crypto.eth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;

class EthHashTest {
  @Test
  void keccakOfTheEmptyStringIsTheKnownConstant() {
    assertEquals(
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Hex.encode(EthHash.keccak256(new byte[0])));
  }

  @Test
  void keccakAgreesWithWeb3j() {
    byte[] data = "lit4j".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(Hash.sha3(data), EthHash.keccak256(data));
    assertArrayEquals(Hash.sha3(data), EthHash.keccak256Utf8("lit4j"));
  }

  @Test
  void personalMessageHashOfHelloWorldIsTheEthersValue() {
    assertEquals(
        "d9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68",
        Hex.encode(EthHash.personalMessageHash("hello world")));
  }

  @Test
  void personalMessageHashCountsUtf8BytesNotCharacters() {
    String text = "héllo ✓";
    assertArrayEquals(
        Sign.getEthereumMessageHash(text.getBytes(StandardCharsets.UTF_8)),
        EthHash.personalMessageHash(text));
  }

  @Test
  void nullInputIsAValidationError() {
    assertThrows(LitValidationException.class, () -> EthHash.keccak256(null));
    assertThrows(LitValidationException.class, () -> EthHash.personalMessageHash((String) null));
  }
}
