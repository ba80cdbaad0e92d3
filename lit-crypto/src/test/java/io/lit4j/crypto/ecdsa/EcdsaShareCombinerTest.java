package io.lit4j.crypto.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.internal.K256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcdsaShareCombinerTest {

  static EcdsaSignatureShare withShare(EcdsaSignatureShare s, BigInteger value) {
    return new EcdsaSignatureShare(s.sigType(), s.dataSigned(), value, s.bigR(), s.publicKey(), s.shareIndex(), s.sigName(),
        s.dataSignedHex(), s.publicKeyHex());
  }

  @Test
  void sharesOfTheSigningSubsetCombineIntoALowSSignatureByTheDerivedKey() {
    int low = 0;
    int high = 0;
    for (int i = 0; i < 12; i++) {
      List<EcdsaSignatureShare> shares = EcdsaTestShares.shares("message " + i, "req-" + i);
      BigInteger sum = shares.stream().map(EcdsaSignatureShare::signatureShare).reduce(BigInteger.ZERO, BigInteger::add).mod(K256.N);
      if (sum.compareTo(K256.HALF_N) > 0) high++; else low++;
      EcdsaSignature sig = EcdsaShareCombiner.combine(shares, 3);
      assertTrue(sig.s().compareTo(K256.HALF_N) <= 0);
      assertTrue(sig.verify());
      assertEquals(EcdsaTestShares.KEYS.nodeShare(0).derivedPublicKey(EcdsaTestShares.KEY_ID).ethAddress(), sig.recoverAddress());
    }
    assertTrue(low > 0 && high > 0, "both a low and a high share sum were exercised");
  }

  @Test
  void fewerSharesThanTheThresholdIsNoValidShares() {
    List<EcdsaSignatureShare> shares = EcdsaTestShares.shares("m", "r");
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares.subList(0, 2), 3));
    assertEquals("NoValidShares", e.errorCode().orElseThrow());
    assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
  }

  @Test
  void aMissingShareOfTheSubsetDoesNotVerify() {
    List<EcdsaSignatureShare> shares = EcdsaTestShares.shares("m", "r");
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares.subList(0, 2), 2));
    assertEquals("UnknownSignatureError", e.errorCode().orElseThrow());
    assertTrue(e.getMessage().contains("do not give a valid signature"), e.getMessage());
  }

  @Test
  void aWrongShareIsReportedAsNotVerifying() {
    List<EcdsaSignatureShare> shares = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    shares.set(1, withShare(shares.get(1), shares.get(1).signatureShare().add(BigInteger.ONE).mod(K256.N)));
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares, 3));
    assertTrue(e.getMessage().contains("a share is wrong or missing"), e.getMessage());
  }

  @Test
  void sharesWithDifferentBigRAreRejectedNamingR() {
    List<EcdsaSignatureShare> shares = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    shares.set(2, EcdsaTestShares.shares("m", "another request").get(2));
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares, 3));
    assertTrue(e.getMessage().contains("big R"), e.getMessage());
  }

  @Test
  void sharesOverDifferentDigestsAreRejectedAsMixedDigests() {
    List<EcdsaSignatureShare> shares = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    EcdsaSignatureShare s = shares.get(1);
    byte[] other = EthHash.personalMessageHash("other");
    shares.set(1, EcdsaSignatureShare.of(s.sigType(), other, s.signatureShare(), s.bigR(), s.publicKey(), 0, s.sigName()));
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares, 3));
    assertTrue(e.getMessage().contains("mixed digests"), e.getMessage());
  }

  @Test
  void sharesForDifferentKeysAreRejectedAsMixedKeys() {
    List<EcdsaSignatureShare> shares = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    EcdsaSignatureShare s = shares.get(1);
    var otherKey = EcdsaTestShares.KEYS.rootPublicKeys().get(0);
    shares.set(1, EcdsaSignatureShare.of(s.sigType(), s.dataSigned(), s.signatureShare(), s.bigR(), otherKey, 0, s.sigName()));
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares, 3));
    assertTrue(e.getMessage().contains("mixed keys"), e.getMessage());
  }

  @Test
  void aDuplicatedShareIsRejected() {
    List<EcdsaSignatureShare> shares = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    shares.set(2, shares.get(0));
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares, 3));
    assertTrue(e.getMessage().contains("repeats"), e.getMessage());
  }

  @Test
  void p256SharesAreRejectedAsUnknownSignatureType() {
    List<EcdsaSignatureShare> shares = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    EcdsaSignatureShare s = shares.get(0);
    shares.set(0, EcdsaSignatureShare.of(EcdsaSigType.ECDSA_CAIT_SITH_P256, s.dataSigned(), s.signatureShare(), s.bigR(), s.publicKey(), 0, s.sigName()));
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares, 3));
    assertEquals("UnknownSignatureType", e.errorCode().orElseThrow());
  }

  @Test
  void legacyEcdsaCaitSithTypeCombinesLikeK256() {
    List<EcdsaSignatureShare> shares = EcdsaTestShares.shares("m", "r").stream()
        .map(s -> EcdsaSignatureShare.of(EcdsaSigType.ECDSA_CAIT_SITH, s.dataSigned(), s.signatureShare(), s.bigR(), s.publicKey(), 0, s.sigName()))
        .toList();
    assertTrue(EcdsaShareCombiner.combine(shares, 3).verify());
  }

  @Test
  void nullsAndABadThresholdAreValidationErrors() {
    assertThrows(LitValidationException.class, () -> EcdsaShareCombiner.combine(null, 3));
    assertThrows(LitValidationException.class, () -> EcdsaShareCombiner.combine(EcdsaTestShares.shares("m", "r"), 0));
    List<EcdsaSignatureShare> withNull = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    withNull.set(1, null);
    assertThrows(LitValidationException.class, () -> EcdsaShareCombiner.combine(withNull, 3));
  }
}
