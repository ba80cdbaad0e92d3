package io.lit4j.crypto.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Secp256k1PublicKeyTest {
  // client_misc_vectors.json pkpIdentity
  static final String PKP =
      "0x04b5caf00c9f5adc9b22ca460b88482bad44ed4fac8ee63014b727cf60efc568dbdfe498a94fbd9cd294d651529f9fe76e057e9736150eea038415b06f64a87939";
  static final String G_COMPRESSED =
      "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
  static final String G_UNCOMPRESSED =
      "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

  @Test
  void compressedKeyIsExpandedToTheUncompressedForm() {
    Secp256k1PublicKey k = Secp256k1PublicKey.fromHex(G_COMPRESSED);
    assertEquals(G_UNCOMPRESSED, k.hex());
    assertEquals("0x" + G_UNCOMPRESSED, k.hex0x());
    assertEquals(G_COMPRESSED, k.compressedHex());
    assertEquals(65, k.uncompressed().length);
    assertEquals(k, Secp256k1PublicKey.fromHex(G_UNCOMPRESSED.toUpperCase()));
  }

  @Test
  void pkpTokenIdAndAddressMatchTheSpecVector() {
    Secp256k1PublicKey k = Secp256k1PublicKey.fromHex(PKP);
    assertEquals(
        "0xa9c155f66e68dcc71206a8f02102a718e9c067cbf520a9a7c7cad508bd721de7", k.pkpTokenIdHex());
    assertEquals(
        new BigInteger(
            "76782466186288095105667301754604586214815535829618018025889449690021181398503"),
        k.pkpTokenId());
    assertEquals("0xDd66eE5E696911F92e19B8612F711FA508816a6e", k.ethAddress().checksummed());
  }

  @Test
  void wrongLengthIsAValidationErrorNamingTheLength() {
    var e = assertThrows(LitValidationException.class, () -> Secp256k1PublicKey.fromHex("04abcd"));
    assertTrue(e.getMessage().contains("3 bytes"), e.getMessage());
  }

  @Test
  void badHexIsAValidationErrorNamingTheField() {
    var e =
        assertThrows(
            LitValidationException.class, () -> Secp256k1PublicKey.fromHex("zz", "pkpPublicKey"));
    assertTrue(e.getMessage().contains("pkpPublicKey"), e.getMessage());
  }

  @Test
  void hybridAndUnknownPrefixesAreRejected() {
    assertThrows(
        LitValidationException.class,
        () -> Secp256k1PublicKey.fromHex("06" + G_UNCOMPRESSED.substring(2)));
    assertThrows(
        LitValidationException.class,
        () -> Secp256k1PublicKey.fromHex("05" + G_COMPRESSED.substring(2)));
  }

  @Test
  void uncompressedPointOffTheCurveIsACryptoError() {
    String off = G_UNCOMPRESSED.substring(0, 128) + "b9"; // y changed
    var e = assertThrows(LitCryptoException.class, () -> Secp256k1PublicKey.fromHex(off));
    assertTrue(e.getMessage().contains("not a point on secp256k1"), e.getMessage());
  }

  @Test
  void compressedXWithoutAPointIsACryptoError() {
    // x = 5: 5³ + 7 = 132 is not a square mod p
    String x = "02" + "00".repeat(31) + "05";
    assertThrows(LitCryptoException.class, () -> Secp256k1PublicKey.fromHex(x));
    // x ≥ p
    assertThrows(
        LitCryptoException.class, () -> Secp256k1PublicKey.fromHex("02" + "ff".repeat(32)));
  }

  @Test
  void nullIsAValidationError() {
    assertThrows(LitValidationException.class, () -> new Secp256k1PublicKey(null));
    assertThrows(LitValidationException.class, () -> Secp256k1PublicKey.fromHex(null));
  }

  @Test
  void bytesAreCopiedInAndOut() {
    byte[] raw = Hex.decode(G_UNCOMPRESSED);
    Secp256k1PublicKey k = new Secp256k1PublicKey(raw);
    raw[5] ^= 1;
    k.uncompressed()[5] ^= 1;
    assertEquals(G_UNCOMPRESSED, k.hex());
    assertFalse(k.toString().isEmpty());
  }
}
