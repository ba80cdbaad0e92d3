package io.lit4j.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The request builders check what they are given and say what is missing. */
class RequestBuildersTest {
  private static final AccessControlConditions CONDITIONS =
      AccessControlConditions.userAddressEquals("0x" + "11".repeat(20));
  private static final NodeAuth AUTH =
      url -> {
        throw new AssertionError("not sent");
      };

  @Test
  void encryptRequestTakesThePlaintextExactlyOnce() {
    EncryptRequest text = EncryptRequest.builder().conditions(CONDITIONS).text("hé").build();
    assertArrayEquals("hé".getBytes(StandardCharsets.UTF_8), text.data().orElseThrow());
    assertTrue(
        EncryptRequest.builder()
            .conditions(CONDITIONS)
            .file(Path.of("x"))
            .build()
            .data()
            .isEmpty());
    LitValidationException twice =
        assertThrows(
            LitValidationException.class,
            () ->
                EncryptRequest.builder()
                    .conditions(CONDITIONS)
                    .text("a")
                    .file(Path.of("x"))
                    .build());
    assertTrue(twice.getMessage().contains("once"), twice.getMessage());
    assertThrows(
        LitValidationException.class,
        () -> EncryptRequest.builder().conditions(CONDITIONS).build());
    assertThrows(LitValidationException.class, () -> EncryptRequest.builder().text("a").build());
  }

  @Test
  void decryptRequestTakesCiphertextAndHashFromTheEncryptResponseAndDefaultsToEthereum() {
    EncryptResponse e = new EncryptResponse("Y3Q=", "ab".repeat(32));
    DecryptRequest r =
        DecryptRequest.builder().conditions(CONDITIONS).encrypted(e).auth(AUTH).build();
    assertEquals("Y3Q=", r.ciphertext());
    assertEquals("ab".repeat(32), r.dataToEncryptHash());
    assertEquals("ethereum", r.chain());
    assertEquals(
        "solana",
        DecryptRequest.builder()
            .conditions(CONDITIONS)
            .encrypted(e)
            .auth(AUTH)
            .chain("solana")
            .build()
            .chain());
    LitValidationException noAuth =
        assertThrows(
            LitValidationException.class,
            () -> DecryptRequest.builder().conditions(CONDITIONS).encrypted(e).build());
    assertTrue(noAuth.getMessage().contains("NodeAuth.sessionSigs"), noAuth.getMessage());
  }

  @Test
  void pkpSignAndSignedTokenRequestsNeedTheirParts() {
    assertThrows(
        LitValidationException.class,
        () -> PkpSignRequest.builder().toSign(new byte[32]).auth(AUTH).build());
    assertThrows(
        LitValidationException.class,
        () -> SignedTokenRequest.builder().conditions(CONDITIONS).build());
    assertEquals(
        "ethereum", SignedTokenRequest.builder().conditions(CONDITIONS).auth(AUTH).build().chain());
  }
}
