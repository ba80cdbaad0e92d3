package io.lit4j.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;

class BlsPublicKeyTest {
  static final String NETWORK_KEY =
      "9021c3f4658ec195600e3336577f69b37224f15c576d5c60f9625770d566a599f24695b3d14e43d5f3a65f416dc08896";

  @Test
  void parsesANetworkKeyAndWritesTheSameHexBack() {
    BlsPublicKey pk = BlsPublicKey.fromHex(NETWORK_KEY);
    assertEquals(NETWORK_KEY, pk.toHex());
    assertEquals(pk, BlsPublicKey.fromHex("0x" + NETWORK_KEY.toUpperCase()));
    assertEquals(pk.hashCode(), BlsPublicKey.fromBytes(Hex.decode(NETWORK_KEY)).hashCode());
  }

  @Test
  void keepsItsBytesToItself() {
    byte[] bytes = Hex.decode(NETWORK_KEY);
    BlsPublicKey pk = BlsPublicKey.fromBytes(bytes);
    bytes[5] ^= 1;
    pk.bytes()[6] ^= 1;
    assertEquals(NETWORK_KEY, pk.toHex());
  }

  @Test
  void refusesTextThatIsNotHex() {
    LitValidationException e =
        assertThrows(
            LitValidationException.class,
            () -> BlsPublicKey.fromHex("zz" + NETWORK_KEY.substring(2)));
    assertTrue(e.getMessage().contains("BLS public key"), e.getMessage());
    assertThrows(
        LitValidationException.class, () -> BlsPublicKey.fromHex(NETWORK_KEY.substring(1)));
    assertThrows(LitValidationException.class, () -> BlsPublicKey.fromHex(null));
  }

  @Test
  void refusesAKeyOfTheWrongLength() {
    LitValidationException e =
        assertThrows(
            LitValidationException.class, () -> BlsPublicKey.fromHex(NETWORK_KEY.substring(2)));
    assertTrue(e.getMessage().contains("must be 48 bytes"), e.getMessage());
    byte[] uncompressed = P1.generator().serialize();
    assertEquals(96, uncompressed.length);
    assertThrows(LitValidationException.class, () -> BlsPublicKey.fromBytes(uncompressed));
    assertThrows(LitValidationException.class, () -> BlsPublicKey.fromBytes(null));
  }

  @Test
  void refusesBytesWithoutTheCompressionFlag() {
    byte[] b = Hex.decode(NETWORK_KEY);
    b[0] &= 0x7f;
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> BlsPublicKey.fromBytes(b));
    assertTrue(e.getMessage().contains("compression flag"), e.getMessage());
  }

  @Test
  void refusesAPointThatIsNotOnTheCurve() {
    LitCryptoException e =
        assertThrows(
            LitCryptoException.class, () -> BlsPublicKey.fromBytes(TestPoints.g1NotOnCurve()));
    assertTrue(e.getMessage().contains("not a point on the BLS12-381 G1 curve"), e.getMessage());
  }

  @Test
  void refusesAPointOutsideThePrimeOrderSubgroup() {
    LitCryptoException e =
        assertThrows(
            LitCryptoException.class, () -> BlsPublicKey.fromBytes(TestPoints.g1OutsideSubgroup()));
    assertTrue(e.getMessage().contains("not in the prime-order subgroup"), e.getMessage());
  }

  @Test
  void refusesTheIdentity() {
    LitCryptoException e =
        assertThrows(
            LitCryptoException.class, () -> BlsPublicKey.fromBytes(TestPoints.g1Identity()));
    assertTrue(e.getMessage().contains("identity"), e.getMessage());
  }

  @Test
  void acceptsTheGenerator() {
    BlsPublicKey g = BlsPublicKey.fromBytes(P1.generator().compress());
    assertArrayEquals(P1.generator().compress(), g.bytes());
    assertNotEquals(g, BlsPublicKey.fromHex(NETWORK_KEY));
  }
}
