package io.lit4j.vectors.files;

import static io.lit4j.vectors.files.BlsVectorSupport.add;
import static io.lit4j.vectors.files.BlsVectorSupport.assertHex;
import static io.lit4j.vectors.files.BlsVectorSupport.hex;
import static io.lit4j.vectors.files.BlsVectorSupport.req;
import static io.lit4j.vectors.files.BlsVectorSupport.text;
import static io.lit4j.vectors.files.BlsVectorSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.Bls;
import io.lit4j.crypto.bls.BlsJwt;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.bls.TimeCryptCiphertext;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks {@code bls_repo_vectors.json}: the SDK's decrypt, JWT-verify and lit-bls-wasm combine
 * vectors.
 */
public final class BlsRepoVectors implements VectorFileChecker {

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> checks = new ArrayList<>();
    decryptVector(checks, file.path("decryptVector"));
    jwtVerifyVector(checks, file.path("jwtVerifyVector"));
    combineVector(checks, file.path("litBlsWasmCombineVector"));
    return checks;
  }

  private static Map<Integer, BlsSignatureShare> hexShares(JsonNode v) {
    Map<Integer, BlsSignatureShare> out = new TreeMap<>();
    for (JsonNode s : req(v, "signatureSharesHex")) {
      BlsSignatureShare share = BlsSignatureShare.fromHex(s.asText());
      out.put(share.identifier(), share);
    }
    return out;
  }

  private static void decryptVector(List<VectorCheck> checks, JsonNode v) {
    String p = "decryptVector: ";
    add(
        checks,
        p + "public key parses as a G1 point in the subgroup",
        () ->
            assertEquals(
                text(v, "publicKeyHex"), BlsPublicKey.fromHex(text(v, "publicKeyHex")).toHex()));
    add(
        checks,
        p + "identityHex is the UTF-8 of identityUtf8",
        () -> assertHex(text(v, "identityHex"), utf8(v, "identityUtf8"), "identity"));
    add(
        checks,
        p + "ciphertextBase64 is the base64 of ciphertextHex",
        () ->
            assertHex(
                text(v, "ciphertextHex"),
                Base64.getDecoder().decode(text(v, "ciphertextBase64")),
                "ciphertext"));
    add(
        checks,
        p + "ciphertext parses and serialises back to the same bytes",
        () -> {
          TimeCryptCiphertext ct = TimeCryptCiphertext.fromBase64(text(v, "ciphertextBase64"));
          assertHex(text(v, "ciphertextHex"), ct.toBytes(), "re-serialised ciphertext");
          assertEquals(text(v, "ciphertextBase64"), ct.toBase64());
        });
    add(
        checks,
        p + "the three shares parse and serialise back to the same hex",
        () -> {
          JsonNode arr = req(v, "signatureSharesHex");
          assertEquals(3, arr.size());
          int id = 1;
          for (JsonNode s : arr) {
            BlsSignatureShare share = BlsSignatureShare.fromHex(s.asText());
            assertEquals(id++, share.identifier());
            assertEquals(s.asText(), share.toHex());
          }
        });
    add(
        checks,
        p + "all three shares combine to the WASM's signature",
        () ->
            assertEquals(
                text(v, "combinedSignatureHexComputedWithWasm"),
                Bls.combineSignatureShares(List.copyOf(hexShares(v).values())).toHex()));
    add(
        checks,
        p + "the combined signature verifies over the identity",
        () ->
            assertTrue(
                Bls.verify(
                    BlsPublicKey.fromHex(text(v, "publicKeyHex")),
                    utf8(v, "identityUtf8"),
                    BlsSignature.fromHex(text(v, "combinedSignatureHexComputedWithWasm")))));
    for (JsonNode subset : v.path("subsetsCheckedWithWasm")) {
      String ids = subset.path("shareIds").toString();
      add(
          checks,
          p + "shares " + ids + " combine to the WASM's signature",
          () ->
              assertEquals(
                  text(subset, "combinedSignatureHex"),
                  Bls.combineSignatureShares(
                          BlsVectorSupport.pick(hexShares(v), req(subset, "shareIds")))
                      .toHex()));
      add(
          checks,
          p + "shares " + ids + " verify and decrypt to the plaintext",
          () ->
              assertHex(
                  text(v, "plaintextHex"),
                  TimeCrypt.verifyAndDecrypt(
                      BlsPublicKey.fromHex(text(v, "publicKeyHex")),
                      utf8(v, "identityUtf8"),
                      hex(v, "ciphertextHex"),
                      BlsVectorSupport.pick(hexShares(v), req(subset, "shareIds"))),
                  "plaintext"));
    }
    if (v.path("subsetsCheckedWithWasm").size() == 0) {
      add(checks, p + "subsetsCheckedWithWasm present", () -> req(v, "subsetsCheckedWithWasm"));
    }
    add(
        checks,
        p + "decrypt with the combined signature gives the plaintext",
        () ->
            assertHex(
                text(v, "plaintextHex"),
                TimeCrypt.decrypt(
                    hex(v, "ciphertextHex"),
                    BlsSignature.fromHex(text(v, "combinedSignatureHexComputedWithWasm"))),
                "plaintext"));
    add(
        checks,
        p + "one share alone is refused",
        () ->
            assertThrows(
                RuntimeException.class,
                () ->
                    TimeCrypt.verifyAndDecrypt(
                        BlsPublicKey.fromHex(text(v, "publicKeyHex")),
                        utf8(v, "identityUtf8"),
                        hex(v, "ciphertextHex"),
                        List.of(hexShares(v).get(1)))));
    add(
        checks,
        p + "the shares do not verify for another identity",
        () ->
            assertThrows(
                LitCryptoException.class,
                () ->
                    TimeCrypt.verifyAndDecrypt(
                        BlsPublicKey.fromHex(text(v, "publicKeyHex")),
                        "encrypt_decrypt_works!".getBytes(StandardCharsets.UTF_8),
                        hex(v, "ciphertextHex"),
                        List.copyOf(hexShares(v).values()))));
  }

  private static void jwtVerifyVector(List<VectorCheck> checks, JsonNode v) {
    String p = "jwtVerifyVector: ";
    add(
        checks,
        p + "messageBase64 is the base64 of messageUtf8",
        () ->
            assertEquals(
                text(v, "messageUtf8"),
                new String(
                    Base64.getDecoder().decode(text(v, "messageBase64")), StandardCharsets.UTF_8)));
    add(
        checks,
        p + "signatureBase64 is the base64 of signatureHex",
        () ->
            assertHex(
                text(v, "signatureHex"),
                Base64.getDecoder().decode(text(v, "signatureBase64")),
                "signature"));
    add(
        checks,
        p
            + "the signature verifies over the message ("
            + v.path("wasmVerifySignature").asText()
            + " in the WASM)",
        () -> {
          assertEquals("ok", text(v, "wasmVerifySignature"));
          assertTrue(
              Bls.verify(
                  BlsPublicKey.fromHex(text(v, "publicKeyHex")),
                  utf8(v, "messageUtf8"),
                  BlsSignature.fromHex(text(v, "signatureHex"))));
        });
    add(
        checks,
        p + "the JWT built from message and signature verifies and decodes",
        () -> {
          String jwt =
              BlsJwt.attachSignature(
                  text(v, "messageUtf8"), BlsSignature.fromHex(text(v, "signatureHex")));
          SignedToken verified = BlsJwt.verify(jwt, BlsPublicKey.fromHex(text(v, "publicKeyHex")));
          assertEquals(BlsJwt.HEADER_JSON, verified.header().toString());
          assertEquals("LIT", verified.payload().get("iss").asText());
          assertEquals(
              "0x4259e44670053491e7b4fe4a120c70be1ead646b", verified.payload().get("sub").asText());
          assertEquals(text(v, "signatureHex"), verified.signature().toHex());
        });
    add(
        checks,
        p + "a changed message does not verify",
        () -> {
          byte[] m = utf8(v, "messageUtf8");
          m[m.length - 1] ^= 1;
          assertFalse(
              Bls.verify(
                  BlsPublicKey.fromHex(text(v, "publicKeyHex")),
                  m,
                  BlsSignature.fromHex(text(v, "signatureHex"))));
        });
  }

  private static void combineVector(List<VectorCheck> checks, JsonNode v) {
    String p = "litBlsWasmCombineVector: ";
    add(
        checks,
        p + "the JSON shares parse and serialise back to the same text",
        () -> {
          JsonNode arr = req(v, "sharesJson");
          assertEquals(3, arr.size());
          for (JsonNode s : arr)
            assertEquals(s.asText(), BlsSignatureShare.fromJson(s.asText()).toJson());
        });
    add(
        checks,
        p + "shares given out of order (02, 01, 03) combine to the WASM's signature",
        () -> {
          List<BlsSignatureShare> shares = new ArrayList<>();
          for (JsonNode s : req(v, "sharesJson"))
            shares.add(BlsSignatureShare.fromJson(s.asText()));
          assertEquals(
              List.of(2, 1, 3), shares.stream().map(BlsSignatureShare::identifier).toList());
          assertEquals(
              text(v, "combinedSignatureHexComputedWithWasm"),
              Bls.combineSignatureShares(shares).toHex());
        });
    add(
        checks,
        p
            + "anyTwoCombineTo: every pair combines to one of the listed points, all different from the three-share result",
        () -> {
          List<BlsSignatureShare> shares = new ArrayList<>();
          for (JsonNode s : req(v, "sharesJson"))
            shares.add(BlsSignatureShare.fromJson(s.asText()));
          Set<String> expected = new HashSet<>();
          for (JsonNode h : req(v, "anyTwoCombineTo")) expected.add(h.asText());
          assertEquals(3, expected.size());
          Set<String> actual = new HashSet<>();
          for (int i = 0; i < shares.size(); i++) {
            for (int j = i + 1; j < shares.size(); j++) {
              String pair =
                  Bls.combineSignatureShares(List.of(shares.get(i), shares.get(j))).toHex();
              assertNotEquals(text(v, "combinedSignatureHexComputedWithWasm"), pair);
              actual.add(pair);
            }
          }
          assertEquals(expected, actual);
        });
    add(
        checks,
        p + "the combined signature is a valid G2 point",
        () ->
            assertArrayEquals(
                Hex.decode(text(v, "combinedSignatureHexComputedWithWasm")),
                BlsSignature.fromHex(text(v, "combinedSignatureHexComputedWithWasm")).bytes()));
  }
}
