package io.lit4j.crypto.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EcdsaSignatureTest {
  static EcdsaSignature sample() {
    return EcdsaShareCombiner.combine(EcdsaTestShares.shares("sample", "req"), 3);
  }

  @Test
  void signatureIsRThenSThenVAs27PlusRecid() {
    EcdsaSignature sig = sample();
    byte[] b = sig.signature();
    assertEquals(65, b.length);
    assertEquals(sig.rHex(), Hex.encode(java.util.Arrays.copyOfRange(b, 0, 32)));
    assertEquals(sig.sHex(), Hex.encode(java.util.Arrays.copyOfRange(b, 32, 64)));
    assertEquals(27 + sig.recid(), b[64] & 0xff);
    assertEquals(
        "0x" + sig.rHex() + sig.sHex() + String.format("%02x", sig.v()), sig.signatureHex());
    assertEquals(sig.publicKey().ethAddress(), EthSignatures.recoverAddress(sig.dataSigned(), b));
  }

  @Test
  void aHighSIsRejected() {
    EcdsaSignature sig = sample();
    var e =
        assertThrows(
            LitCryptoException.class,
            () ->
                EcdsaSignature.of(
                    sig.r(),
                    Secp256k1.ORDER.subtract(sig.s()),
                    sig.recid(),
                    sig.publicKey(),
                    sig.dataSigned()));
    assertTrue(e.getMessage().contains("high"), e.getMessage());
  }

  @Test
  void outOfRangeValuesAreRejected() {
    EcdsaSignature sig = sample();
    assertThrows(
        LitCryptoException.class,
        () -> EcdsaSignature.of(BigInteger.ZERO, sig.s(), 0, sig.publicKey(), sig.dataSigned()));
    assertThrows(
        LitValidationException.class,
        () -> EcdsaSignature.of(sig.r(), sig.s(), 2, sig.publicKey(), sig.dataSigned()));
    assertThrows(
        LitValidationException.class,
        () -> EcdsaSignature.of(sig.r(), sig.s(), 0, sig.publicKey(), new byte[31]));
  }

  @Test
  void theWrongRecidDoesNotVerify() {
    EcdsaSignature sig = sample();
    assertTrue(sig.verify());
    assertFalse(
        EcdsaSignature.of(sig.r(), sig.s(), sig.recid() ^ 1, sig.publicKey(), sig.dataSigned())
            .verify());
  }

  @Test
  void wireHexMustSpellTheValues() {
    EcdsaSignature sig = sample();
    assertThrows(
        LitValidationException.class,
        () ->
            new EcdsaSignature(
                sig.r(),
                sig.s(),
                sig.recid(),
                sig.publicKey(),
                sig.dataSigned(),
                sig.publicKeyHex(),
                "00".repeat(32)));
  }
}
