package io.lit4j.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BlsSignatureShareTest {
  static final String SHARE_HEX =
      "0292575ada70fcd604499062a0518c61726d3172f3d58bcafdaed1475b7beee4f4e46a88e326378961dd877d1ca0db2989"
          + "170535dbf5c773fa9933fd8ca0260b9e762ee7a81ea2957e7cb3211f1e43973eab8e418fde6e316c35e9bb3221bd50af";
  static final String SHARE_JSON = "{\"ProofOfPossession\":\"" + SHARE_HEX + "\"}";

  @Test
  void parsesTheNodeFormAsTextAndWritesItBackExactly() {
    BlsSignatureShare share = BlsSignatureShare.fromJson(SHARE_JSON);
    assertEquals(2, share.identifier());
    assertEquals(1, share.shareIndex());
    assertEquals(SHARE_HEX.substring(2), Hex.encode(share.point()));
    assertEquals(SHARE_JSON, share.toJson());
    assertEquals(218, share.toJson().length());
  }

  @Test
  void parsesTheNodeFormAsAJsonNodeAndAsHex() {
    BlsSignatureShare fromNode = BlsSignatureShare.fromJson(LitJson.parse(SHARE_JSON, "test"));
    assertEquals(fromNode, BlsSignatureShare.fromHex(SHARE_HEX));
    assertEquals(fromNode, BlsSignatureShare.fromJson(fromNode.toJsonNode()));
    assertEquals(SHARE_HEX, fromNode.toHex());
    assertEquals(97, fromNode.toBytes().length);
  }

  @Test
  void refusesIdentifierZero() {
    assertRefused(
        LitValidationException.class,
        "identifier must be 1..255",
        () -> BlsSignatureShare.fromHex("00" + SHARE_HEX.substring(2)));
    assertRefused(
        LitValidationException.class,
        "identifier must be 1..255",
        () -> new BlsSignatureShare(256, Hex.decode(SHARE_HEX.substring(2))));
  }

  @Test
  void refusesBadHexAndWrongLengths() {
    assertRefused(
        LitValidationException.class,
        "not valid hex",
        () -> BlsSignatureShare.fromHex(SHARE_HEX.substring(1)));
    assertRefused(
        LitValidationException.class,
        "not valid hex",
        () -> BlsSignatureShare.fromHex("x" + SHARE_HEX.substring(1)));
    assertRefused(
        LitValidationException.class,
        "must be 97 bytes",
        () -> BlsSignatureShare.fromHex(SHARE_HEX.substring(2)));
    assertRefused(
        LitValidationException.class,
        "must be 97 bytes",
        () -> BlsSignatureShare.fromHex(SHARE_HEX + "00"));
    assertRefused(LitValidationException.class, "missing", () -> BlsSignatureShare.fromBytes(null));
  }

  @Test
  void refusesJsonThatIsNotTheNodeForm() {
    assertRefused(
        LitValidationException.class,
        "not valid JSON",
        () -> BlsSignatureShare.fromJson("{\"ProofOfPossession\":"));
    assertRefused(
        LitValidationException.class,
        "must be a JSON object",
        () -> BlsSignatureShare.fromJson("\"" + SHARE_HEX + "\""));
    assertRefused(
        LitValidationException.class,
        "exactly the one key",
        () -> BlsSignatureShare.fromJson("{\"Basic\":\"" + SHARE_HEX + "\"}"));
    assertRefused(
        LitValidationException.class,
        "exactly the one key",
        () -> BlsSignatureShare.fromJson("{\"ProofOfPossession\":\"" + SHARE_HEX + "\",\"x\":1}"));
    assertRefused(
        LitValidationException.class,
        "must be a hex string",
        () -> BlsSignatureShare.fromJson("{\"ProofOfPossession\":5}"));
    assertRefused(
        LitValidationException.class, "missing", () -> BlsSignatureShare.fromJson((String) null));
  }

  @Test
  void refusesPointsOffTheCurveOutsideTheSubgroupOrAtInfinity() {
    assertRefused(
        LitCryptoException.class,
        "not a point on the BLS12-381 G2 curve",
        () -> new BlsSignatureShare(1, TestPoints.g2NotOnCurve()));
    assertRefused(
        LitCryptoException.class,
        "not in the prime-order subgroup",
        () -> new BlsSignatureShare(1, TestPoints.g2OutsideSubgroup()));
    assertRefused(
        LitCryptoException.class,
        "identity",
        () -> new BlsSignatureShare(1, TestPoints.g2Identity()));
  }

  @Test
  void namesTheShareIdentifierInPointErrors() {
    assertRefused(
        LitCryptoException.class,
        "share 7 point",
        () -> new BlsSignatureShare(7, TestPoints.g2OutsideSubgroup()));
  }

  static void assertRefused(Class<? extends LitException> type, String messagePart, Executable e) {
    LitException ex = assertThrows(type, e);
    assertTrue(
        ex.getMessage().contains(messagePart),
        "message \"" + ex.getMessage() + "\" lacks \"" + messagePart + "\"");
  }
}
