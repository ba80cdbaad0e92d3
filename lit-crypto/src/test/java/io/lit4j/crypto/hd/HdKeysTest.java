package io.lit4j.crypto.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class HdKeysTest {
  static final String G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
  static final String TWO_G = "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5";

  @Test
  void derivesTheSpecVectorFromRootsGAndTwoG() {
    HdKeyId id = HdKeys.computeHDKeyId("0xabc", "lit");
    assertEquals("d23b01855c6cd676e80a1bd4b22be7ad0063bd9b8a1e5e2f9ea0754f231ccb98", id.hex());
    assertEquals(
        "0459fce257585638b8ee9eb80a8ce968922c1a97848bd836f4ccb0cd58eb292fdd3d346bb0332923819802f974ecb6e864ec2a425714766d2c200e90d56f40c3a2",
        HdKeys.derivePublicKey(
                id, List.of(Secp256k1PublicKey.fromHex(G), Secp256k1PublicKey.fromHex(TWO_G)))
            .hex());
    assertEquals(
        HdKeys.derivePublicKey(id.hex0x(), List.of(G, TWO_G)),
        HdKeys.derivePublicKey(
            id, List.of(Secp256k1PublicKey.fromHex(G), Secp256k1PublicKey.fromHex(TWO_G))));
  }

  @Test
  void theActionContextSwapsUserAndApp() {
    assertEquals(
        HdKeys.computeHDKeyId("lit", "0xabc"), HdKeys.computeHDKeyId("0xabc", "lit", true));
    assertNotEquals(
        HdKeys.computeHDKeyId("0xabc", "lit"), HdKeys.computeHDKeyId("0xabc", "lit", true));
  }

  @Test
  void rootOrderMatters() {
    HdKeyId id = HdKeys.computeHDKeyId("a", "b");
    assertNotEquals(
        HdKeys.derivePublicKey(id.hex(), List.of(G, TWO_G)),
        HdKeys.derivePublicKey(id.hex(), List.of(TWO_G, G)));
  }

  @Test
  void theSecretDerivationMatchesThePublicOne() {
    HdKeyId id = HdKeys.computeHDKeyId("user", "app");
    List<BigInteger> secrets =
        List.of(BigInteger.valueOf(11), BigInteger.valueOf(22), BigInteger.valueOf(33));
    List<Secp256k1PublicKey> roots =
        secrets.stream()
            .map(s -> new Secp256k1PublicKey(HdKeyDeriver.litV4().publicKeyOf(s, false)))
            .toList();
    BigInteger derived = HdKeys.deriveSecret(id, secrets);
    assertEquals(
        HdKeys.derivePublicKey(id, roots),
        new Secp256k1PublicKey(HdKeyDeriver.litV4().publicKeyOf(derived, false)));
  }

  @Test
  void fewerThanTwoRootsIsAValidationError() {
    var e =
        assertThrows(
            LitValidationException.class,
            () -> HdKeys.derivePublicKey(HdKeys.computeHDKeyId("a", "b").hex(), List.of(G)));
    assertTrue(e.getMessage().contains("at least 2 root keys"), e.getMessage());
  }

  @Test
  void aRootOffTheCurveIsACryptoErrorNamingItsPosition() {
    String off = "02" + "00".repeat(31) + "05";
    var e =
        assertThrows(LitCryptoException.class, () -> HdKeys.derivePublicKey("00", List.of(G, off)));
    assertTrue(e.getMessage().contains("rootPublicKeys[1]"), e.getMessage());
  }

  @Test
  void keyIdMustBe32BytesAndHex() {
    assertThrows(LitValidationException.class, () -> HdKeyId.fromHex("abcd"));
    assertThrows(
        LitValidationException.class, () -> HdKeys.derivePublicKey("xyz", List.of(G, TWO_G)));
  }

  @Test
  void theTweakHashesTheDecodedKeyIdNotItsHexText() {
    HdKeyId id = HdKeys.computeHDKeyId("a", "b");
    assertEquals(HdKeys.tweak(id), HdKeyDeriver.litV4().tweak(id.bytes()));
    assertNotEquals(
        HdKeys.tweak(id),
        HdKeyDeriver.litV4().tweak(id.hex().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertEquals(64, Hex.encode(io.lit4j.crypto.eth.internal.K256.to32(HdKeys.tweak(id))).length());
  }
}
