package io.lit4j.core.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void encodesLowercaseAndDecodesEitherCaseWithOrWithoutPrefix() {
    byte[] bytes = {0, 1, (byte) 0xab, (byte) 0xff};
    assertEquals("0001abff", Hex.encode(bytes));
    assertEquals("0x0001abff", Hex.encode0x(bytes));
    assertArrayEquals(bytes, Hex.decode("0x0001ABff"));
    assertArrayEquals(bytes, Hex.decode("0X0001abff"));
    assertArrayEquals(new byte[0], Hex.decode(""));
  }

  @Test
  void badHexNamesTheFieldAndTheProblem() {
    var odd = assertThrows(LitValidationException.class, () -> Hex.decode("abc", "publicKey"));
    assertTrue(
        odd.getMessage().contains("publicKey") && odd.getMessage().contains("odd length"),
        odd.getMessage());
    var bad = assertThrows(LitValidationException.class, () -> Hex.decode("0xzz", "sig"));
    assertTrue(
        bad.getMessage().contains("sig") && bad.getMessage().contains("position 0"),
        bad.getMessage());
    var missing = assertThrows(LitValidationException.class, () -> Hex.decode(null, "toSign"));
    assertTrue(missing.getMessage().contains("toSign is missing"), missing.getMessage());
    var length =
        assertThrows(LitValidationException.class, () -> Hex.decode("0x0102", 32, "toSign"));
    assertTrue(length.getMessage().contains("toSign must be 32 bytes, got 2"), length.getMessage());
  }

  @Test
  void recognisesHex() {
    assertTrue(Hex.isHex("0xab"));
    assertFalse(Hex.isHex("0x"));
    assertFalse(Hex.isHex("abc"));
    assertFalse(Hex.isHex(null));
  }

  @Test
  void fixedWidthBigEndianRoundTrips() {
    assertArrayEquals(new byte[] {0, 0, 1, 0}, Bytes.toFixed(BigInteger.valueOf(256), 4));
    assertArrayEquals(new byte[] {(byte) 0xff}, Bytes.toFixed(BigInteger.valueOf(255), 1));
    assertEquals(BigInteger.valueOf(255), Bytes.toUnsigned(new byte[] {(byte) 0xff}));
    assertArrayEquals(new byte[3], Bytes.toFixed(BigInteger.ZERO, 3));
    assertThrows(LitValidationException.class, () -> Bytes.toFixed(BigInteger.valueOf(256), 1));
    assertArrayEquals(new byte[] {3, 2, 1}, Bytes.reverse(new byte[] {1, 2, 3}));
    assertArrayEquals(new byte[] {1, 2, 3}, Bytes.concat(new byte[] {1}, new byte[] {2, 3}));
  }

  @Test
  void nonAsciiDigitsAreNotHex() {
    // Character.digit would read these as 3, 3 and 0xA, 0xA
    var arabic =
        assertThrows(LitValidationException.class, () -> Hex.decode("\u0663\u0663", "publicKey"));
    assertTrue(arabic.getMessage().startsWith("publicKey is not valid hex"), arabic.getMessage());
    assertThrows(LitValidationException.class, () -> Hex.decode("\uFF21\uFF21", 1, "sig"));
    assertFalse(Hex.isHex("0x\u0663\u0663"));
    assertFalse(Hex.isHex("\uFF21\uFF21"));
  }

  @Test
  void missingOrMalformedByteInputIsATypedError() {
    assertTrue(
        assertThrows(LitValidationException.class, () -> Hex.encode(null))
            .getMessage()
            .contains("missing"));
    assertThrows(LitValidationException.class, () -> Hex.encode0x(null));
    assertThrows(LitValidationException.class, () -> Bytes.toFixed(null, 32));
    assertTrue(
        assertThrows(LitValidationException.class, () -> Bytes.toFixed(BigInteger.valueOf(-1), 32))
            .getMessage()
            .contains("negative"));
    assertThrows(LitValidationException.class, () -> Bytes.toFixed(BigInteger.ONE, -1));
    assertTrue(
        assertThrows(LitValidationException.class, () -> Bytes.concat(new byte[] {1}, null))
            .getMessage()
            .contains("part 1"));
    assertThrows(LitValidationException.class, () -> Bytes.concat((byte[][]) null));
    assertThrows(LitValidationException.class, () -> Bytes.reverse(null));
    assertThrows(LitValidationException.class, () -> Bytes.toUnsigned(null));
  }

  @Test
  void base58RoundTripsAndRejectsOutsideTheAlphabet() {
    byte[] bytes =
        Hex.decode("1220701d6c731aa7f2690694a1cc797562902bcf8e50db699dfa339ae30a3dbd920e");
    assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes), "cid"));
    assertArrayEquals(new byte[] {0, 0, 1}, Base58.decode("112", "x"));
    var e = assertThrows(LitValidationException.class, () -> Base58.decode("Qm0", "ipfsId"));
    assertTrue(e.getMessage().contains("ipfsId") && e.getMessage().contains("'0'"), e.getMessage());
  }
}
