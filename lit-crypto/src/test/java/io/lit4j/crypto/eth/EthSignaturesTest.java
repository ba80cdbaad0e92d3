package io.lit4j.crypto.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

class EthSignaturesTest {
  static final BigInteger N = io.lit4j.crypto.eth.Secp256k1.ORDER;
  static final ECKeyPair KEY =
      ECKeyPair.create(
          new BigInteger("51a218380c9f5f78b2481ea60c7550bcca9112d69bf32e825c6e8048025d9364", 16));
  static final String MESSAGE = "sign in to lit4j";

  static byte[] web3jSignature() {
    Sign.SignatureData d = Sign.signPrefixedMessage(MESSAGE.getBytes(StandardCharsets.UTF_8), KEY);
    byte[] out = new byte[65];
    System.arraycopy(d.getR(), 0, out, 0, 32);
    System.arraycopy(d.getS(), 0, out, 32, 32);
    out[64] = d.getV()[0];
    return out;
  }

  static EthAddress expected() {
    return EthAddress.fromHex(Credentials.create(KEY).getAddress());
  }

  @Test
  void recoversTheSignerOfAPersonalSignMessage() {
    byte[] sig = web3jSignature();
    assertEquals(expected(), EthSignatures.recoverPersonalSignAddress(MESSAGE, Hex.encode0x(sig)));
    assertEquals(
        expected(), EthSignatures.recoverAddress(EthHash.personalMessageHash(MESSAGE), sig));
  }

  @Test
  void acceptsVAsZeroOrOne() {
    byte[] sig = web3jSignature();
    sig[64] -= 27;
    assertEquals(
        expected(), EthSignatures.recoverAddress(EthHash.personalMessageHash(MESSAGE), sig));
  }

  @Test
  void highSRecoversTheSameSignerAsEthersVerifyMessage() {
    byte[] sig = web3jSignature();
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    System.arraycopy(io.lit4j.crypto.eth.internal.K256.to32(N.subtract(s)), 0, sig, 32, 32);
    sig[64] = (byte) (sig[64] == 27 ? 28 : 27);
    // ethers 5.7.2 (JS SDK 4.2.0) verifyMessage and recoverAddress return the signer for this
    // signature (checked with lit-auth/src/test/resources/js-sdk-4.2.0/high-s.js)
    assertEquals(
        expected(), EthSignatures.recoverAddress(EthHash.personalMessageHash(MESSAGE), sig));
    assertEquals(
        expected(),
        EthSignatures.findPersonalSignAddress(MESSAGE, io.lit4j.core.util.Hex.encode0x(sig))
            .orElseThrow());
    sig[64] = (byte) (sig[64] == 27 ? 28 : 27);
    assertNotEquals(
        expected(), EthSignatures.recoverAddress(EthHash.personalMessageHash(MESSAGE), sig));
  }

  @Test
  void badVAndLengthsAreValidationErrors() {
    byte[] sig = web3jSignature();
    sig[64] = 29;
    assertThrows(
        LitValidationException.class, () -> EthSignatures.recoverAddress(new byte[32], sig));
    assertThrows(
        LitValidationException.class,
        () -> EthSignatures.recoverAddress(new byte[32], new byte[64]));
    assertThrows(
        LitValidationException.class,
        () -> EthSignatures.recoverAddress(new byte[31], web3jSignature()));
  }

  @Test
  void zeroROrSIsACryptoError() {
    byte[] sig = web3jSignature();
    java.util.Arrays.fill(sig, 0, 32, (byte) 0);
    assertThrows(LitCryptoException.class, () -> EthSignatures.recoverAddress(new byte[32], sig));
  }

  @Test
  void verifyAcceptsTheSignatureAndRejectsAnotherDigest() {
    byte[] sig = web3jSignature();
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    Secp256k1PublicKey pk =
        EthSignatures.recoverPublicKey(EthHash.personalMessageHash(MESSAGE), sig);
    assertTrue(EthSignatures.verify(EthHash.personalMessageHash(MESSAGE), r, s, pk));
    assertFalse(EthSignatures.verify(EthHash.personalMessageHash(MESSAGE + "!"), r, s, pk));
  }
}
