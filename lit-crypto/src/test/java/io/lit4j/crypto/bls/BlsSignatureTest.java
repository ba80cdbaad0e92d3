package io.lit4j.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import org.junit.jupiter.api.Test;
import supranational.blst.P2;

class BlsSignatureTest {
  static final String SIGNATURE =
      "b6b908158f172f15801ef12b8dce6c10c7f210c8c3556d26e3348488ef0b69d6fe176bec69498130f211e1ac721dd6b2"
          + "0c9effa9dc54b313355edfc050c71844255b52a3596669001ad38518e0c08e278676ff50dda3e7b2b417903cd6d084cf";

  @Test
  void parsesASignatureAndWritesTheSameHexBack() {
    BlsSignature sig = BlsSignature.fromHex(SIGNATURE);
    assertEquals(SIGNATURE, sig.toHex());
    assertEquals(sig, BlsSignature.fromBytes(Hex.decode(SIGNATURE)));
  }

  @Test
  void refusesTextThatIsNotHex() {
    LitValidationException e =
        assertThrows(
            LitValidationException.class, () -> BlsSignature.fromHex("g" + SIGNATURE.substring(1)));
    assertTrue(e.getMessage().contains("BLS signature"), e.getMessage());
  }

  @Test
  void refusesASignatureOfTheWrongLength() {
    LitValidationException e =
        assertThrows(
            LitValidationException.class, () -> BlsSignature.fromHex(SIGNATURE.substring(2)));
    assertTrue(e.getMessage().contains("must be 96 bytes"), e.getMessage());
    assertThrows(
        LitValidationException.class, () -> BlsSignature.fromBytes(P2.generator().serialize()));
  }

  @Test
  void refusesAPointThatIsNotOnTheCurve() {
    LitCryptoException e =
        assertThrows(
            LitCryptoException.class, () -> BlsSignature.fromBytes(TestPoints.g2NotOnCurve()));
    assertTrue(e.getMessage().contains("not a point on the BLS12-381 G2 curve"), e.getMessage());
  }

  @Test
  void refusesAPointOutsideThePrimeOrderSubgroup() {
    LitCryptoException e =
        assertThrows(
            LitCryptoException.class, () -> BlsSignature.fromBytes(TestPoints.g2OutsideSubgroup()));
    assertTrue(e.getMessage().contains("not in the prime-order subgroup"), e.getMessage());
  }

  @Test
  void refusesTheIdentity() {
    LitCryptoException e =
        assertThrows(
            LitCryptoException.class, () -> BlsSignature.fromBytes(TestPoints.g2Identity()));
    assertTrue(e.getMessage().contains("identity"), e.getMessage());
  }
}
