package io.lit4j.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ed25519KeyPairTest {
  private static final String SEED7_PUB =
      "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c";

  private static byte[] seed7() {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 7);
    return seed;
  }

  @Test
  void seedOfSevensGivesTheSpecPublicKey() {
    Ed25519KeyPair kp = Ed25519KeyPair.fromSeed(seed7());
    assertEquals(SEED7_PUB, kp.publicKeyHex());
    assertEquals("07".repeat(32) + SEED7_PUB, kp.secretKeyHex());
  }

  @Test
  void secretKeyHexRoundTripsAndSignaturesVerify() {
    Ed25519KeyPair kp = Ed25519KeyPair.generate();
    Ed25519KeyPair back = Ed25519KeyPair.fromSecretKeyHex(kp.secretKeyHex());
    assertEquals(kp, back);
    byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] sig = back.sign(msg);
    assertEquals(64, sig.length);
    assertTrue(Ed25519KeyPair.verify(kp.publicKey(), msg, sig));
    assertArrayEquals(sig, kp.sign(msg));
  }

  @Test
  void tamperedMessagesAndWrongLengthsDoNotVerify() {
    Ed25519KeyPair kp = Ed25519KeyPair.fromSeed(seed7());
    byte[] sig = kp.sign(new byte[] {1, 2, 3});
    assertFalse(kp.verify(new byte[] {1, 2, 4}, sig));
    assertFalse(Ed25519KeyPair.verify(new byte[31], new byte[] {1, 2, 3}, sig));
    assertFalse(
        Ed25519KeyPair.verify(kp.publicKey(), new byte[] {1, 2, 3}, Arrays.copyOf(sig, 63)));
  }

  @Test
  void malformedSecretKeysAreRejectedWithoutEchoingThem() {
    LitValidationException badHex =
        assertThrows(
            LitValidationException.class, () -> Ed25519KeyPair.fromSecretKeyHex("zz".repeat(64)));
    assertTrue(badHex.getMessage().contains("secretKey"));
    assertThrows(
        LitValidationException.class, () -> Ed25519KeyPair.fromSecretKeyHex("07".repeat(32)));
    String inconsistent = "07".repeat(32) + "00".repeat(32);
    LitValidationException e =
        assertThrows(
            LitValidationException.class, () -> Ed25519KeyPair.fromSecretKeyHex(inconsistent));
    assertFalse(e.getMessage().contains("0707"));
    assertThrows(LitValidationException.class, () -> Ed25519KeyPair.fromSeed(new byte[31]));
  }

  @Test
  void toStringNeverShowsTheSecret() {
    Ed25519KeyPair kp = Ed25519KeyPair.fromSeed(seed7());
    assertFalse(kp.toString().contains("0707"));
    assertTrue(kp.toString().contains(SEED7_PUB));
    assertNotEquals(kp, Ed25519KeyPair.generate());
  }
}
