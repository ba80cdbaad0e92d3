package io.lit4j.crypto.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcdsaShareCombinerTest {

  static EcdsaSignatureShare withShare(EcdsaSignatureShare s, BigInteger value) {
    return new EcdsaSignatureShare(
        s.sigType(),
        s.dataSigned(),
        value,
        s.bigR(),
        s.publicKey(),
        s.shareIndex(),
        s.sigName(),
        s.dataSignedHex(),
        s.publicKeyHex());
  }

  @Test
  void sharesOfTheSigningSubsetCombineIntoALowSSignatureByTheDerivedKey() {
    int low = 0;
    int high = 0;
    for (int i = 0; i < 12; i++) {
      List<EcdsaSignatureShare> shares = EcdsaTestShares.shares("message " + i, "req-" + i);
      BigInteger sum =
          shares.stream()
              .map(EcdsaSignatureShare::signatureShare)
              .reduce(BigInteger.ZERO, BigInteger::add)
              .mod(Secp256k1.ORDER);
      if (sum.compareTo(Secp256k1.HALF_ORDER) > 0) high++;
      else low++;
      EcdsaSignature sig = EcdsaShareCombiner.combine(shares, 3);
      assertTrue(sig.s().compareTo(Secp256k1.HALF_ORDER) <= 0);
      assertTrue(sig.verify());
      assertEquals(
          EcdsaTestShares.KEYS.nodeShare(0).derivedPublicKey(EcdsaTestShares.KEY_ID).ethAddress(),
          sig.recoverAddress());
    }
    assertTrue(low > 0 && high > 0, "both a low and a high share sum were exercised");
  }

  @Test
  void fewerSharesThanTheThresholdIsNoValidShares() {
    List<EcdsaSignatureShare> shares = EcdsaTestShares.shares("m", "r");
    var e =
        assertThrows(
            LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares.subList(0, 2), 3));
    assertEquals("NoValidShares", e.errorCode().orElseThrow());
    assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
  }

  @Test
  void aMissingShareOfTheSubsetDoesNotVerify() {
    List<EcdsaSignatureShare> shares = EcdsaTestShares.shares("m", "r");
    var e =
        assertThrows(
            LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares.subList(0, 2), 2));
    assertEquals("UnknownSignatureError", e.errorCode().orElseThrow());
    assertTrue(e.getMessage().contains("do not give a valid signature"), e.getMessage());
  }

  @Test
  void aWrongShareIsReportedAsNotVerifying() {
    List<EcdsaSignatureShare> shares = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    shares.set(
        1,
        withShare(
            shares.get(1),
            shares.get(1).signatureShare().add(BigInteger.ONE).mod(Secp256k1.ORDER)));
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
    shares.set(
        1,
        EcdsaSignatureShare.of(
            s.sigType(), other, s.signatureShare(), s.bigR(), s.publicKey(), 0, s.sigName()));
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares, 3));
    assertTrue(e.getMessage().contains("mixed digests"), e.getMessage());
  }

  @Test
  void sharesForDifferentKeysAreRejectedAsMixedKeys() {
    List<EcdsaSignatureShare> shares = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    EcdsaSignatureShare s = shares.get(1);
    var otherKey = EcdsaTestShares.KEYS.rootPublicKeys().get(0);
    shares.set(
        1,
        EcdsaSignatureShare.of(
            s.sigType(), s.dataSigned(), s.signatureShare(), s.bigR(), otherKey, 0, s.sigName()));
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
    shares.set(
        0,
        EcdsaSignatureShare.of(
            EcdsaSigType.ECDSA_CAIT_SITH_P256,
            s.dataSigned(),
            s.signatureShare(),
            s.bigR(),
            s.publicKey(),
            0,
            s.sigName()));
    var e = assertThrows(LitCryptoException.class, () -> EcdsaShareCombiner.combine(shares, 3));
    assertEquals("UnknownSignatureType", e.errorCode().orElseThrow());
  }

  @Test
  void legacyEcdsaCaitSithTypeCombinesLikeK256() {
    List<EcdsaSignatureShare> shares =
        EcdsaTestShares.shares("m", "r").stream()
            .map(
                s ->
                    EcdsaSignatureShare.of(
                        EcdsaSigType.ECDSA_CAIT_SITH,
                        s.dataSigned(),
                        s.signatureShare(),
                        s.bigR(),
                        s.publicKey(),
                        0,
                        s.sigName()))
            .toList();
    assertTrue(EcdsaShareCombiner.combine(shares, 3).verify());
  }

  @Test
  void nullsAndABadThresholdAreValidationErrors() {
    assertThrows(LitValidationException.class, () -> EcdsaShareCombiner.combine(null, 3));
    assertThrows(
        LitValidationException.class,
        () -> EcdsaShareCombiner.combine(EcdsaTestShares.shares("m", "r"), 0));
    List<EcdsaSignatureShare> withNull = new ArrayList<>(EcdsaTestShares.shares("m", "r"));
    withNull.set(1, null);
    assertThrows(LitValidationException.class, () -> EcdsaShareCombiner.combine(withNull, 3));
  }

  /**
   * Three real node shares from js-sdk v4 {@code packages/crypto/src/lib/crypto.spec.ts}, with
   * mixed sigType spellings.
   */
  @Test
  void realNodeSharesFromTheJsSdkSpecCombineToTheirKeysAddress() {
    String r = "03E6D15C805443F57F57E180C730C2FCA5297F7671E8148A669410808AB4D70122";
    String pk = "03AECABDF2EDC1194BED6FE9650F08D109C77D2526236EA3F6C20F88E0675643BC";
    String digest = "90AB86E6389AA65B56D701E36EEECD786242405C792ED863C395FA7C55E517A4";
    String[][] shares = {
      {"ECDSA_CAIT_SITH", "BC8108AD9CAE8358942BB4B27632B87FFA705CCB675F85A59847CC1B84845A38"},
      {"K256", "BA77EB500884A60583DEA49578D4BB64BB55EF497F37C88DF935D739CE8E0A9F"},
      {"ECDSA_CAIT_SITH", "EF850AE61B6D658976B2560B880BF03ABC1A070BACDEAE2311781F65A524F245"}
    };
    List<EcdsaSignatureShare> parsed = new ArrayList<>();
    for (String[] s : shares) {
      var json =
          io.lit4j.core.json.LitJson.mapper()
              .createObjectNode()
              .put("sig_type", s[0])
              .put("data_signed", digest)
              .put("signature_share", s[1])
              .put("share_index", 0)
              .put("big_r", r)
              .put("public_key", pk)
              .put("sig_name", "sig");
      parsed.add(EcdsaShareJson.parseCombinerInput(json).orElseThrow());
    }
    EcdsaSignature sig = EcdsaShareCombiner.combine(parsed, 3);
    assertTrue(sig.verify());
    assertEquals(
        io.lit4j.crypto.eth.Secp256k1PublicKey.fromHex(pk).ethAddress(), sig.recoverAddress());
    assertEquals(pk, sig.publicKeyHex());
  }
}
