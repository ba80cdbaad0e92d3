package io.lit4j.crypto.bls;

import static io.lit4j.crypto.bls.BlsSignatureShareTest.assertRefused;
import static io.lit4j.crypto.bls.TestKeySets.SEED;
import static io.lit4j.crypto.bls.TestKeySets.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BlsJwtTest {
  static final BlsKeySet KEYS = TestKeySets.deal(2, 3, SEED);
  static final String PAYLOAD =
      "{\"iss\":\"LIT\",\"sub\":\"0xabc\",\"chain\":\"ethereum\",\"iat\":1700000000,\"exp\":1700043200,"
          + "\"accessControlConditions\":[],\"evmContractConditions\":null,\"solRpcConditions\":null,"
          + "\"unifiedAccessControlConditions\":null,\"note\":\"ü\"}";

  static String token() {
    String unsigned = BlsJwt.unsignedJwt(PAYLOAD);
    return BlsJwt.signedJwt(unsigned, sign(KEYS, BlsJwt.signingInput(unsigned), 3, 1));
  }

  @Test
  void theUnsignedJwtIsTheBase64UrlOfHeaderAndPayload() {
    String unsigned = BlsJwt.unsignedJwt(PAYLOAD);
    assertTrue(unsigned.startsWith("eyJhbGciOiJCTFMxMi0zODEiLCJ0eXAiOiJKV1QifQ."), unsigned);
    assertEquals(
        PAYLOAD,
        new String(
            Base64.getUrlDecoder().decode(unsigned.split("\\.")[1]), StandardCharsets.UTF_8));
    assertTrue(!unsigned.contains("="));
  }

  @Test
  void aTokenSignedByThresholdNodesVerifiesAndDecodes() {
    SignedToken v = BlsJwt.verify(token(), KEYS.publicKey());
    assertEquals("BLS12-381", v.header().get("alg").asText());
    assertEquals("ü", v.payload().get("note").asText());
    assertEquals(1700043200L, v.payload().get("exp").asLong());
    assertEquals(128, token().split("\\.")[2].length());
  }

  @Test
  void decodeReadsATokenWithoutVerifyingItAndGivesBackItsSignature() {
    String jwt = token();
    SignedToken verified = BlsJwt.verify(jwt, KEYS.publicKey());
    assertEquals(jwt, verified.jwt());
    assertEquals("0xabc", verified.subject());
    assertTrue(
        Bls.verify(
            KEYS.publicKey(),
            BlsJwt.signingInput(jwt.substring(0, jwt.lastIndexOf('.'))),
            verified.signature()));
    // a changed payload still decodes (decode does not check the signature) but no longer verifies
    String[] parts = jwt.split("\\.");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(PAYLOAD.replace("0xabc", "0xdef").getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertEquals("0xdef", BlsJwt.decode(forged).subject());
    assertRefused(
        LitCryptoException.class, "does not verify", () -> BlsJwt.verify(forged, KEYS.publicKey()));
    assertRefused(
        LitValidationException.class, "3 dot-separated parts", () -> BlsJwt.decode(parts[0]));
    assertTrue(BlsJwt.decode(jwt).toString().contains("sub=0xabc"));
    assertTrue(!BlsJwt.decode(jwt).toString().contains(parts[2]), "the token is not printed");
  }

  @Test
  void aTokenIsRefusedUnderAnotherKeyOrWithAChangedPayload() {
    String jwt = token();
    assertRefused(
        LitCryptoException.class,
        "does not verify",
        () ->
            BlsJwt.verify(
                jwt,
                TestKeySets.deal(
                        2,
                        3,
                        "yet another seed for another key".getBytes(StandardCharsets.US_ASCII))
                    .publicKey()));
    String[] parts = jwt.split("\\.");
    String changed = BlsJwt.unsignedJwt(PAYLOAD.replace("0xabc", "0xabd")).split("\\.")[1];
    assertRefused(
        LitCryptoException.class,
        "does not verify",
        () -> BlsJwt.verify(parts[0] + "." + changed + "." + parts[2], KEYS.publicKey()));
  }

  @Test
  void aTokenFromTooFewSharesIsRefused() {
    BlsKeySet keys = TestKeySets.deal(3, 3, SEED);
    String unsigned = BlsJwt.unsignedJwt(PAYLOAD);
    String jwt = BlsJwt.signedJwt(unsigned, sign(keys, BlsJwt.signingInput(unsigned), 1, 2));
    assertRefused(
        LitCryptoException.class, "does not verify", () -> BlsJwt.verify(jwt, keys.publicKey()));
  }

  @Test
  void malformedTokensAreRefusedWithTheReason() {
    String jwt = token();
    String[] parts = jwt.split("\\.");
    assertRefused(
        LitValidationException.class,
        "3 dot-separated parts",
        () -> BlsJwt.verify(parts[0] + "." + parts[1], KEYS.publicKey()));
    assertRefused(
        LitValidationException.class,
        "3 dot-separated parts",
        () -> BlsJwt.verify(jwt + ".x", KEYS.publicKey()));
    assertRefused(
        LitValidationException.class,
        "signature is not valid base64url",
        () -> BlsJwt.verify(parts[0] + "." + parts[1] + ".***", KEYS.publicKey()));
    assertRefused(
        LitValidationException.class,
        "must be 96 bytes",
        () ->
            BlsJwt.verify(
                parts[0] + "." + parts[1] + "." + parts[2].substring(4), KEYS.publicKey()));
    assertRefused(
        LitValidationException.class,
        "JWT is missing",
        () -> BlsJwt.verify(null, KEYS.publicKey()));
    assertRefused(
        LitValidationException.class, "not valid JSON", () -> BlsJwt.unsignedJwt("{not json"));
    assertRefused(
        LitValidationException.class,
        "two non-empty",
        () ->
            BlsJwt.attachSignature(
                "abc", Bls.combineSignatureShares(sign(KEYS, new byte[0], 1, 2))));
  }

  @Test
  void aSignedTokenWhoseHeaderIsNotJsonIsRefused() {
    String unsigned =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("not json".getBytes(StandardCharsets.UTF_8))
            + "."
            + BlsJwt.unsignedJwt(PAYLOAD).split("\\.")[1];
    String jwt = BlsJwt.signedJwt(unsigned, sign(KEYS, BlsJwt.signingInput(unsigned), 1, 2));
    assertRefused(
        LitValidationException.class,
        "JWT header is not valid JSON",
        () -> BlsJwt.verify(jwt, KEYS.publicKey()));
  }
}
