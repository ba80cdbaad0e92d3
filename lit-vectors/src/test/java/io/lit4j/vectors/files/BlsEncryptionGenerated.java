package io.lit4j.vectors.files;

import static io.lit4j.vectors.files.BlsVectorSupport.add;
import static io.lit4j.vectors.files.BlsVectorSupport.assertHex;
import static io.lit4j.vectors.files.BlsVectorSupport.hex;
import static io.lit4j.vectors.files.BlsVectorSupport.pick;
import static io.lit4j.vectors.files.BlsVectorSupport.req;
import static io.lit4j.vectors.files.BlsVectorSupport.sharesById;
import static io.lit4j.vectors.files.BlsVectorSupport.text;
import static io.lit4j.vectors.files.BlsVectorSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.Bls;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.bls.TimeCryptCiphertext;
import io.lit4j.crypto.bls.internal.TimeCryptMath;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import supranational.blst.P1_Affine;

/**
 * Checks {@code bls_encryption.generated.json}: every TimeCrypt case re-encrypted from its {@code
 * rand32} with every intermediate compared, then decrypted from the node shares (every 3-subset of
 * the 5, and 2 shares refused).
 */
public final class BlsEncryptionGenerated implements VectorFileChecker {

  // every intermediate the file gives, and how we compute it
  private static final Map<String, Function<TimeCryptMath.Encryption, byte[]>> INTERMEDIATES =
      Map.of(
          "alphaScalarHexBE", e -> io.lit4j.core.util.Bytes.toFixed(e.alpha(), 32),
          "alphaReprLE32Hex", TimeCryptMath.Encryption::alphaReprLittleEndian,
          "rScalarHexBE", e -> io.lit4j.core.util.Bytes.toFixed(e.r(), 32),
          "gtKBytes576Hex_blstrsOrder", TimeCryptMath.Encryption::gtK,
          "sha256OfGtK", TimeCryptMath.Encryption::sha256OfGtK,
          "paddedPlaintextHex", TimeCryptMath.Encryption::paddedMessage,
          "U", TimeCryptMath.Encryption::u,
          "V", TimeCryptMath.Encryption::v,
          "W", TimeCryptMath.Encryption::w);

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> checks = new ArrayList<>();
    add(
        checks,
        "public key parses as a G1 point in the subgroup",
        () ->
            assertEquals(
                text(file, "publicKeyHex"),
                BlsPublicKey.fromHex(text(file, "publicKeyHex")).toHex()));
    if (file.path("cases").size() == 0) add(checks, "cases present", () -> req(file, "cases"));
    for (JsonNode c : file.path("cases")) caseChecks(checks, file, c);
    return checks;
  }

  private static BlsPublicKey pk(JsonNode file) {
    return BlsPublicKey.fromHex(text(file, "publicKeyHex"));
  }

  private static TimeCryptMath.Encryption encryption(JsonNode file, JsonNode c) {
    return TimeCryptMath.encrypt(
        new P1_Affine(pk(file).bytes()),
        hex(c, "plaintextHex"),
        hex(c, "identityHex"),
        hex(c, "rand32Hex"));
  }

  private static void caseChecks(List<VectorCheck> checks, JsonNode file, JsonNode c) {
    String p = c.path("label").asText("?") + ": ";
    add(
        checks,
        p + "identityHex and identityBase64 are the UTF-8 of identityUtf8",
        () -> {
          assertHex(text(c, "identityHex"), utf8(c, "identityUtf8"), "identityHex");
          assertHex(
              text(c, "identityHex"),
              Base64.getDecoder().decode(text(c, "identityBase64")),
              "identityBase64");
        });
    if ("sdk-encryptString".equals(c.path("label").asText())) {
      add(
          checks,
          p
              + "the identity is lit-accesscontrolcondition://<conditions hash>/<SHA-256 of the plaintext>",
          () -> {
            String conditionsHash =
                "53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628";
            assertHex(
                text(c, "identityHex"),
                TimeCrypt.accessControlIdentity(
                    conditionsHash, TimeCrypt.dataToEncryptHash(hex(c, "plaintextHex"))),
                "identity");
          });
    }
    add(
        checks,
        p + "rand32 is 32 bytes (wasmSeed32 only reproduces it in the WASM)",
        () -> {
          assertEquals(32, hex(c, "rand32Hex").length);
          assertEquals(32, hex(c, "wasmSeed32Hex").length);
        });
    JsonNode intermediate = c.path("intermediate");
    for (Iterator<String> it = intermediate.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      Function<TimeCryptMath.Encryption, byte[]> ours = INTERMEDIATES.get(field);
      add(
          checks,
          p + "intermediate " + field,
          () -> {
            if (ours == null) fail("intermediate " + field + " is not checked by lit4j yet");
            assertHex(text(intermediate, field), ours.apply(encryption(file, c)), field);
          });
    }
    for (String field : Set.copyOf(INTERMEDIATES.keySet())) {
      if (!intermediate.has(field))
        add(checks, p + "intermediate " + field + " present", () -> req(intermediate, field));
    }
    add(
        checks,
        p + "SHA-256 of the GT bytes gives V ⊕ alpha",
        () ->
            assertHex(
                text(intermediate, "V"),
                TimeCryptMath.xor(
                    TimeCryptMath.sha256(hex(intermediate, "gtKBytes576Hex_blstrsOrder")),
                    hex(intermediate, "alphaReprLE32Hex")),
                "V"));
    add(
        checks,
        p + "encrypt with rand32 gives the SDK's ciphertext byte for byte",
        () ->
            assertHex(
                text(c, "ciphertextHex"),
                TimeCrypt.encrypt(
                    pk(file), hex(c, "plaintextHex"), utf8(c, "identityUtf8"), hex(c, "rand32Hex")),
                "ciphertext"));
    add(
        checks,
        p + "ciphertextBase64 is the standard base64 of ciphertextHex",
        () ->
            assertEquals(
                text(c, "ciphertextBase64"),
                Base64.getEncoder().encodeToString(hex(c, "ciphertextHex"))));
    add(
        checks,
        p + "the ciphertext parses into U, V, W and the PoP scheme byte",
        () -> {
          TimeCryptCiphertext ct = TimeCryptCiphertext.fromBase64(text(c, "ciphertextBase64"));
          assertHex(text(intermediate, "U"), ct.u(), "U");
          assertHex(text(intermediate, "V"), ct.v(), "V");
          assertHex(text(intermediate, "W"), ct.w(), "W");
          byte[] bytes = hex(c, "ciphertextHex");
          assertEquals(3, bytes[bytes.length - 1]);
          assertHex(text(c, "ciphertextHex"), ct.toBytes(), "re-serialised");
        });
    int index = 0;
    for (JsonNode s : c.path("decryptionShares")) {
      int position = ++index;
      add(
          checks,
          p + "decryption share " + position + " parses and serialises back",
          () -> {
            BlsSignatureShare share = BlsSignatureShare.fromJson(s);
            assertEquals(position, share.identifier());
            assertEquals(s.toString(), share.toJson());
          });
    }
    add(
        checks,
        p
            + "shares "
            + c.path("sharesUsedForWasmDecrypt")
            + " combine to the signature over the identity",
        () -> {
          List<BlsSignatureShare> used =
              pick(sharesById(req(c, "decryptionShares")), req(c, "sharesUsedForWasmDecrypt"));
          assertEquals(
              text(c, "combinedSignatureOverIdentityHex"),
              Bls.combineSignatureShares(used).toHex());
          assertTrue(
              Bls.verify(
                  pk(file),
                  utf8(c, "identityUtf8"),
                  BlsSignature.fromHex(text(c, "combinedSignatureOverIdentityHex"))));
        });
    add(
        checks,
        p
            + "decrypt with the combined signature gives the plaintext ("
            + c.path("wasmDecrypt").asText()
            + " in the WASM)",
        () -> {
          assertEquals("ok", text(c, "wasmDecrypt"));
          assertHex(
              text(c, "plaintextHex"),
              TimeCrypt.decrypt(
                  hex(c, "ciphertextHex"),
                  BlsSignature.fromHex(text(c, "combinedSignatureOverIdentityHex"))),
              "plaintext");
        });
    add(
        checks,
        p
            + "verify-and-decrypt with shares "
            + c.path("sharesUsedForWasmDecrypt")
            + " gives the plaintext ("
            + c.path("wasmVerifyAndDecrypt").asText()
            + " in the WASM)",
        () -> {
          assertEquals("ok", text(c, "wasmVerifyAndDecrypt"));
          assertHex(
              text(c, "plaintextHex"),
              TimeCrypt.verifyAndDecrypt(
                  pk(file),
                  utf8(c, "identityUtf8"),
                  hex(c, "ciphertextHex"),
                  pick(sharesById(req(c, "decryptionShares")), req(c, "sharesUsedForWasmDecrypt"))),
              "plaintext");
        });
    add(
        checks,
        p + "every 3 of the 5 decryption shares decrypt, in any order",
        () -> {
          Map<Integer, BlsSignatureShare> byId = sharesById(req(c, "decryptionShares"));
          assertEquals(5, byId.size());
          int subsets = 0;
          for (int a = 1; a <= 5; a++) {
            for (int b = a + 1; b <= 5; b++) {
              for (int d = b + 1; d <= 5; d++) {
                byte[] plain =
                    TimeCrypt.verifyAndDecrypt(
                        pk(file),
                        utf8(c, "identityUtf8"),
                        hex(c, "ciphertextHex"),
                        List.of(byId.get(d), byId.get(a), byId.get(b)));
                assertEquals(
                    text(c, "plaintextHex"), Hex.encode(plain), "shares " + a + "," + b + "," + d);
                subsets++;
              }
            }
          }
          assertEquals(10, subsets);
        });
    add(
        checks,
        p + "2 of the shares (below the threshold 3) are refused",
        () -> {
          Map<Integer, BlsSignatureShare> byId = sharesById(req(c, "decryptionShares"));
          assertEquals(3, req(file, "threshold").asInt());
          assertThrows(
              LitCryptoException.class,
              () ->
                  TimeCrypt.verifyAndDecrypt(
                      pk(file),
                      utf8(c, "identityUtf8"),
                      hex(c, "ciphertextHex"),
                      List.of(byId.get(1), byId.get(2))));
        });
  }
}
