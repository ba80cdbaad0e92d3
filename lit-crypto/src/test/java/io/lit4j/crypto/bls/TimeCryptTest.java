package io.lit4j.crypto.bls;

import static io.lit4j.crypto.bls.BlsSignatureShareTest.assertRefused;
import static io.lit4j.crypto.bls.TestKeySets.SEED;
import static io.lit4j.crypto.bls.TestKeySets.sign;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeCryptTest {
  static final BlsKeySet KEYS = TestKeySets.deal(3, 5, SEED);
  static final byte[] IDENTITY =
      "lit-accesscontrolcondition://aa/bb".getBytes(StandardCharsets.UTF_8);
  static final byte[] RAND = new byte[32];

  static byte[] encrypt(byte[] message) {
    return TimeCrypt.encrypt(KEYS.publicKey(), message, IDENTITY);
  }

  @Test
  void aMessageEncryptedToTheNetworkDecryptsWithThresholdNodeShares() {
    for (int size : new int[] {0, 1, 31, 32, 47, 127, 128, 200, 20_000}) {
      byte[] message = new byte[size];
      for (int i = 0; i < size; i++) message[i] = (byte) (i * 7);
      byte[] ct = encrypt(message);
      assertArrayEquals(
          message,
          TimeCrypt.verifyAndDecrypt(KEYS.publicKey(), IDENTITY, ct, sign(KEYS, IDENTITY, 4, 1, 5)),
          "size " + size);
    }
  }

  @Test
  void ciphertextSizesMatchTheSdk() {
    assertEquals(114, encrypt(new byte[31]).length);
    assertEquals(114, encrypt(new byte[0]).length);
    assertEquals(130, encrypt(new byte[47]).length);
  }

  @Test
  void freshRandomnessGivesADifferentCiphertextEachTime() {
    byte[] m = "same message".getBytes(StandardCharsets.UTF_8);
    assertFalse(Arrays.equals(encrypt(m), encrypt(m)));
  }

  @Test
  void givenRandomnessGivesTheSameCiphertext() {
    byte[] m = "same message".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(
        TimeCrypt.encrypt(KEYS.publicKey(), m, IDENTITY, RAND),
        TimeCrypt.encrypt(KEYS.publicKey(), m, IDENTITY, RAND));
    assertRefused(
        LitValidationException.class,
        "randomness must be 32 bytes",
        () -> TimeCrypt.encrypt(KEYS.publicKey(), m, IDENTITY, new byte[31]));
  }

  @Test
  void sharesOverAnotherIdentityAreRefused() {
    byte[] ct = encrypt("secret".getBytes(StandardCharsets.UTF_8));
    byte[] other = "lit-accesscontrolcondition://aa/bc".getBytes(StandardCharsets.UTF_8);
    assertRefused(
        LitCryptoException.class,
        "does not verify",
        () ->
            TimeCrypt.verifyAndDecrypt(KEYS.publicKey(), IDENTITY, ct, sign(KEYS, other, 1, 2, 3)));
    // a valid signature over another identity gets past verification only without it, and then
    // fails the re-check
    BlsSignature wrong = Bls.combineSignatureShares(sign(KEYS, other, 1, 2, 3));
    assertRefused(LitCryptoException.class, "does not decrypt", () -> TimeCrypt.decrypt(ct, wrong));
  }

  @Test
  void tooFewSharesAreRefused() {
    byte[] ct = encrypt("secret".getBytes(StandardCharsets.UTF_8));
    assertRefused(
        LitCryptoException.class,
        "does not verify",
        () ->
            TimeCrypt.verifyAndDecrypt(KEYS.publicKey(), IDENTITY, ct, sign(KEYS, IDENTITY, 1, 2)));
    assertRefused(
        LitValidationException.class,
        "at least 2",
        () -> TimeCrypt.verifyAndDecrypt(KEYS.publicKey(), IDENTITY, ct, sign(KEYS, IDENTITY, 1)));
  }

  @Test
  void anAlteredCiphertextFailsTheFujisakiOkamotoCheck() {
    byte[] ct = encrypt("secret message".getBytes(StandardCharsets.UTF_8));
    BlsSignature sig = Bls.combineSignatureShares(sign(KEYS, IDENTITY, 1, 2, 3));
    // V, the length byte inside W, and message bytes; padding bytes are not covered (below)
    for (int index : new int[] {48, 79, 81, 82, 95}) {
      byte[] altered = ct.clone();
      altered[index] ^= 0x01;
      assertRefused(
          LitCryptoException.class, "does not decrypt", () -> TimeCrypt.decrypt(altered, sig));
    }
  }

  @Test
  void paddingBytesAreNotAuthenticatedAsInBlsful() {
    // blsful ignores the zero padding after the message; a flipped padding byte still decrypts
    byte[] m = "short".getBytes(StandardCharsets.UTF_8);
    byte[] ct = encrypt(m);
    byte[] altered = ct.clone();
    altered[ct.length - 2] ^= 0x01;
    BlsSignature sig = Bls.combineSignatureShares(sign(KEYS, IDENTITY, 1, 2, 3));
    assertArrayEquals(m, TimeCrypt.decrypt(altered, sig));
  }

  @Test
  void aTruncatedCiphertextIsRefused() {
    byte[] ct = encrypt("secret".getBytes(StandardCharsets.UTF_8));
    BlsSignature sig = Bls.combineSignatureShares(sign(KEYS, IDENTITY, 1, 2, 3));
    assertRefused(
        LitValidationException.class,
        "truncated",
        () -> TimeCrypt.decrypt(Arrays.copyOf(ct, 81), sig));
    assertRefused(
        LitValidationException.class,
        "scheme byte after W is missing",
        () -> TimeCrypt.decrypt(Arrays.copyOf(ct, ct.length - 1), sig));
    assertRefused(
        LitValidationException.class,
        "more than the",
        () -> TimeCrypt.decrypt(Arrays.copyOf(ct, 100), sig));
    assertRefused(LitValidationException.class, "missing", () -> TimeCrypt.decrypt(null, sig));
  }

  @Test
  void aBadLeb128LengthIsRefused() {
    byte[] ct = encrypt("secret".getBytes(StandardCharsets.UTF_8));
    byte[] prefix = Arrays.copyOf(ct, 80);
    byte[] endsInLength = Bytes.concat(prefix, new byte[] {(byte) 0x80, (byte) 0x80});
    // ten continuation bytes can never end within 63 bits
    byte[] overflow =
        Bytes.concat(
            prefix,
            new byte[] {
              (byte) 0xff,
              (byte) 0xff,
              (byte) 0xff,
              (byte) 0xff,
              (byte) 0xff,
              (byte) 0xff,
              (byte) 0xff,
              (byte) 0xff,
              (byte) 0xff,
              (byte) 0xff,
              0x01,
              0x03
            });
    assertRefused(
        LitValidationException.class,
        "W length is truncated",
        () -> TimeCryptCiphertext.parse(endsInLength));
    assertRefused(
        LitValidationException.class, "overflows", () -> TimeCryptCiphertext.parse(overflow));
  }

  @Test
  void aWrongSchemeByteOrTrailingBytesAreRefused() {
    byte[] ct = encrypt("secret".getBytes(StandardCharsets.UTF_8));
    byte[] basic = ct.clone();
    basic[basic.length - 1] = 0x01;
    assertRefused(
        LitValidationException.class,
        "wrong scheme byte 1",
        () -> TimeCryptCiphertext.parse(basic));
    assertRefused(
        LitValidationException.class,
        "unexpected bytes",
        () -> TimeCryptCiphertext.parse(Bytes.concat(ct, new byte[] {3})));
  }

  @Test
  void aUThatIsNotAValidSubgroupPointIsRefused() {
    byte[] ct = encrypt("secret".getBytes(StandardCharsets.UTF_8));
    BlsSignature sig = Bls.combineSignatureShares(sign(KEYS, IDENTITY, 1, 2, 3));
    byte[] outside = ct.clone();
    System.arraycopy(TestPoints.g1OutsideSubgroup(), 0, outside, 0, 48);
    assertRefused(
        LitCryptoException.class,
        "U is on the G1 curve but not in the prime-order subgroup",
        () -> TimeCrypt.decrypt(outside, sig));
    byte[] offCurve = ct.clone();
    System.arraycopy(TestPoints.g1NotOnCurve(), 0, offCurve, 0, 48);
    assertRefused(
        LitCryptoException.class, "U is not a point", () -> TimeCrypt.decrypt(offCurve, sig));
    byte[] identity = ct.clone();
    System.arraycopy(TestPoints.g1Identity(), 0, identity, 0, 48);
    assertRefused(LitCryptoException.class, "identity", () -> TimeCrypt.decrypt(identity, sig));
    byte[] uncompressed = ct.clone();
    uncompressed[0] &= 0x7f;
    assertRefused(
        LitValidationException.class,
        "compression flag",
        () -> TimeCrypt.decrypt(uncompressed, sig));
  }

  @Test
  void theCiphertextParsesAndSerialisesBack() {
    byte[] ct = encrypt(new byte[300]);
    TimeCryptCiphertext parsed = TimeCryptCiphertext.parse(ct);
    assertArrayEquals(ct, parsed.toBytes());
    assertEquals(parsed, TimeCryptCiphertext.fromBase64(parsed.toBase64()));
    assertEquals(302, parsed.w().length);
    assertRefused(
        LitValidationException.class,
        "not valid base64",
        () -> TimeCryptCiphertext.fromBase64("***"));
    assertRefused(
        LitValidationException.class,
        "V must be 32 bytes",
        () -> new TimeCryptCiphertext(parsed.u(), new byte[31], parsed.w()));
  }

  @Test
  void missingArgumentsAreNamed() {
    assertRefused(
        LitValidationException.class,
        "message to encrypt is missing",
        () -> TimeCrypt.encrypt(KEYS.publicKey(), null, IDENTITY));
    assertRefused(
        LitValidationException.class,
        "identity is missing",
        () -> TimeCrypt.encrypt(KEYS.publicKey(), new byte[0], null));
    assertRefused(
        LitValidationException.class,
        "public key",
        () -> TimeCrypt.encrypt(null, new byte[0], IDENTITY));
    assertRefused(
        LitValidationException.class,
        "signature to decrypt with is missing",
        () -> TimeCrypt.decrypt(encrypt(new byte[1]), null));
    assertRefused(
        LitValidationException.class,
        "missing",
        () -> TimeCrypt.verifyAndDecrypt(KEYS.publicKey(), IDENTITY, encrypt(new byte[1]), null));
  }

  @Test
  void decryptionSharesFromAnyThresholdSubsetWork() {
    byte[] m = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] ct = encrypt(m);
    for (List<BlsSignatureShare> shares :
        List.of(
            sign(KEYS, IDENTITY, 1, 2, 3),
            sign(KEYS, IDENTITY, 2, 4, 5),
            sign(KEYS, IDENTITY, 1, 2, 3, 4, 5))) {
      assertArrayEquals(m, TimeCrypt.verifyAndDecrypt(KEYS.publicKey(), IDENTITY, ct, shares));
    }
  }

  @Test
  void theAccessControlIdentityJoinsConditionsHashAndDataHash() {
    String dataHash = TimeCrypt.dataToEncryptHash("hello".getBytes(StandardCharsets.UTF_8));
    assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", dataHash);
    assertEquals(
        "lit-accesscontrolcondition://abc/" + dataHash,
        new String(TimeCrypt.accessControlIdentity("abc", dataHash), StandardCharsets.UTF_8));
    assertRefused(
        LitValidationException.class,
        "conditions hash",
        () -> TimeCrypt.accessControlIdentity("", dataHash));
    assertRefused(
        LitValidationException.class,
        "dataToEncryptHash",
        () -> TimeCrypt.accessControlIdentity("abc", null));
  }
}
