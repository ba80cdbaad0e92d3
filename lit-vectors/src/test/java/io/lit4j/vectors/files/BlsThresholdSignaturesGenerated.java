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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.Bls;
import io.lit4j.crypto.bls.BlsJwt;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSecretKeyShare;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.crypto.bls.internal.BlsPoints;
import io.lit4j.localnet.keys.BlsDealer;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code bls_threshold_signatures.generated.json}: the 3-of-5 key re-dealt from its
 * polynomial, every node share re-signed, every subset combined, the below-threshold case, the JWT.
 */
public final class BlsThresholdSignaturesGenerated implements VectorFileChecker {

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> checks = new ArrayList<>();
    add(
        checks,
        "threshold 3 of n 5",
        () -> {
          assertEquals(3, req(file, "threshold").asInt());
          assertEquals(5, req(file, "n").asInt());
        });
    add(
        checks,
        "the polynomial's constant term is the secret key",
        () ->
            assertEquals(
                text(file, "secretKeyHexBE"),
                req(file, "polynomialCoefficientsHexBE").get(0).asText()));
    add(
        checks,
        "the dealer re-derives the public key from the polynomial",
        () -> assertEquals(text(file, "publicKeyHex"), keySet(file).publicKey().toHex()));
    add(
        checks,
        "the public key is secret · G1",
        () ->
            assertHex(
                text(file, "publicKeyHex"),
                BlsPoints.g1Times(new BigInteger(text(file, "secretKeyHexBE"), 16)),
                "pk"));
    for (JsonNode share : file.path("secretKeyShares")) {
      int id = share.path("id").asInt();
      add(
          checks,
          "the dealer re-derives secret key share " + id,
          () -> {
            BlsSecretKeyShare ours = keySet(file).shares().get(id - 1);
            assertEquals(id, ours.identifier());
            assertEquals(text(share, "valueHexBE"), Hex.encode(ours.valueBytes()));
            assertEquals(ours, BlsSecretKeyShare.fromHex(id, text(share, "valueHexBE")));
          });
    }
    if (file.path("secretKeyShares").size() == 0)
      add(checks, "secretKeyShares present", () -> req(file, "secretKeyShares"));
    if (file.path("cases").size() == 0) add(checks, "cases present", () -> req(file, "cases"));
    for (JsonNode c : file.path("cases")) {
      caseChecks(checks, file, c);
    }
    jwtChecks(checks, file, file.path("jwt"));
    return checks;
  }

  private static BlsKeySet keySet(JsonNode file) {
    List<BigInteger> coefficients = new ArrayList<>();
    for (JsonNode c : req(file, "polynomialCoefficientsHexBE"))
      coefficients.add(new BigInteger(c.asText(), 16));
    return BlsDealer.fromPolynomial(coefficients, req(file, "n").asInt());
  }

  private static BlsPublicKey pk(JsonNode file) {
    return BlsPublicKey.fromHex(text(file, "publicKeyHex"));
  }

  private static void caseChecks(List<VectorCheck> checks, JsonNode file, JsonNode c) {
    String p = c.path("label").asText("?") + ": ";
    add(
        checks,
        p + "messageHex is the UTF-8 of messageUtf8",
        () -> assertHex(text(c, "messageHex"), utf8(c, "messageUtf8"), "message"));
    add(
        checks,
        p + "hash to G2 with the POP DST",
        () ->
            assertHex(
                text(c, "hashToG2CompressedHex"),
                BlsPoints.hashToG2(hex(c, "messageHex")).compress(),
                "H(m)"));
    int index = 0;
    for (JsonNode s : c.path("shares")) {
      int position = index++;
      add(
          checks,
          p + "share " + (position + 1) + " parses and serialises back to the node form",
          () -> {
            BlsSignatureShare share = BlsSignatureShare.fromJson(s);
            assertEquals(position + 1, share.identifier());
            assertEquals(s.toString(), share.toJson());
            assertEquals(s, share.toJsonNode());
          });
      add(
          checks,
          p
              + "node "
              + (position + 1)
              + " signing with its key share makes share "
              + (position + 1),
          () ->
              assertEquals(
                  BlsSignatureShare.fromJson(s),
                  keySet(file).shares().get(position).sign(hex(c, "messageHex"))));
    }
    add(
        checks,
        p + "the combined signature is secret · H(m)",
        () ->
            assertHex(
                text(c, "combinedSignatureHex"),
                BlsPoints.hashToG2(hex(c, "messageHex"))
                    .mult(new BigInteger(text(file, "secretKeyHexBE"), 16))
                    .compress(),
                "σ"));
    add(
        checks,
        p + "combinedSignatureBase64url is the unpadded base64url of the combined signature",
        () ->
            assertEquals(
                text(c, "combinedSignatureBase64url"),
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(Hex.decode(text(c, "combinedSignatureHex")))));
    add(
        checks,
        p
            + "the combined signature verifies ("
            + c.path("wasmVerifySignature").asText()
            + " in the WASM)",
        () -> {
          assertEquals("ok", text(c, "wasmVerifySignature"));
          assertTrue(
              Bls.verify(
                  pk(file),
                  hex(c, "messageHex"),
                  BlsSignature.fromHex(text(c, "combinedSignatureHex"))));
        });
    for (JsonNode subset : c.path("subsetsCheckedWithWasm")) {
      String ids = subset.path("shareIds").toString();
      add(
          checks,
          p + "shares " + ids + " combine to the WASM's signature and verify",
          () -> {
            Map<Integer, BlsSignatureShare> byId = sharesById(req(c, "shares"));
            List<BlsSignatureShare> chosen = pick(byId, req(subset, "shareIds"));
            assertEquals(
                text(subset, "combinedSignatureHex"), Bls.combineSignatureShares(chosen).toHex());
            assertEquals(
                text(c, "combinedSignatureHex"),
                Bls.combineAndVerify(pk(file), hex(c, "messageHex"), chosen).toHex());
          });
    }
    JsonNode below = c.path("belowThreshold");
    add(
        checks,
        p
            + "below threshold: shares "
            + below.path("shareIds")
            + " combine to the WASM's point, which does not verify",
        () -> {
          List<BlsSignatureShare> chosen =
              pick(sharesById(req(c, "shares")), req(below, "shareIds"));
          assertEquals(2, chosen.size());
          BlsSignature combined = Bls.combineSignatureShares(chosen);
          assertEquals(text(below, "combinedSignatureHex"), combined.toHex());
          assertTrue(text(below, "wasmVerifySignature").startsWith("error"));
          assertFalse(Bls.verify(pk(file), hex(c, "messageHex"), combined));
          assertThrows(
              LitCryptoException.class,
              () -> Bls.combineAndVerify(pk(file), hex(c, "messageHex"), chosen));
        });
  }

  private static void jwtChecks(List<VectorCheck> checks, JsonNode file, JsonNode jwt) {
    String p = "jwt: ";
    add(
        checks,
        p + "unsignedJwt is the message of the jwt case",
        () -> {
          JsonNode jwtCase = null;
          for (JsonNode c : req(file, "cases"))
            if ("jwt".equals(c.path("label").asText())) jwtCase = c;
          assertEquals(text(jwtCase, "messageUtf8"), text(jwt, "unsignedJwt"));
        });
    add(
        checks,
        p + "the node-side builder reproduces unsignedJwt from the payload JSON text",
        () -> {
          String unsigned = text(jwt, "unsignedJwt");
          String payloadJson =
              new String(
                  Base64.getUrlDecoder().decode(unsigned.split("\\.")[1]), StandardCharsets.UTF_8);
          assertEquals(unsigned, BlsJwt.unsignedJwt(payloadJson));
        });
    add(
        checks,
        p + "attaching the combined signature gives the final jwt",
        () -> {
          JsonNode jwtCase = null;
          for (JsonNode c : req(file, "cases"))
            if ("jwt".equals(c.path("label").asText())) jwtCase = c;
          assertEquals(
              text(jwt, "jwt"),
              BlsJwt.attachSignature(
                  text(jwt, "unsignedJwt"),
                  BlsSignature.fromHex(text(jwtCase, "combinedSignatureHex"))));
          assertEquals(
              text(jwt, "jwt"),
              BlsJwt.signedJwt(
                  text(jwt, "unsignedJwt"),
                  List.copyOf(sharesById(req(jwtCase, "shares")).values()).subList(1, 4)));
        });
    add(
        checks,
        p + "verifyJwt accepts the jwt and decodes header and payload",
        () -> {
          SignedToken v = BlsJwt.verify(text(jwt, "jwt"), pk(file));
          assertEquals("BLS12-381", v.header().get("alg").asText());
          assertEquals("JWT", v.header().get("typ").asText());
          assertEquals("LIT", v.payload().get("iss").asText());
          assertEquals(1700000000L, v.payload().get("iat").asLong());
          assertEquals(1700043200L, v.payload().get("exp").asLong());
          assertTrue(v.payload().get("evmContractConditions").isNull());
        });
    add(
        checks,
        p + "verifyJwt refuses the jwt under another key",
        () ->
            assertThrows(
                LitCryptoException.class,
                () ->
                    BlsJwt.verify(
                        text(jwt, "jwt"),
                        BlsPublicKey.fromBytes(BlsPoints.g1Times(BigInteger.valueOf(7))))));
  }
}
