package io.lit4j.vectors.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code ecdsa_k256_node_shaped.generated.json}: node-shaped {@code /web/sign_session_key}
 * and {@code /web/pkp/sign} shares parse, combine to the SDK results, and are what our test-network
 * writers emit. Caveats of the file (README): the {@code siweMessage} strings are placeholders and
 * {@code dataSigned} is not their hash, so only the share handling is checked; the sign_session_key
 * shares carry shareIndex 0, 1, 2 where real nodes send 0.
 */
public class EcdsaK256NodeShapedGenerated implements VectorFileChecker {

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> out = new ArrayList<>();
    for (JsonNode c : file.get("cases")) {
      String label = c.get("label").asText();
      JsonNode session = c.get("signSessionKeyNodeResponses");
      JsonNode pkp = c.get("pkpSignNodeResponses");

      out.add(
          VectorCheck.of(
              label + ": sign_session_key shares parse (quoted upper-case hex, bigr)",
              () -> {
                List<EcdsaSignatureShare> shares = sessionShares(session);
                assertEquals(session.size(), shares.size());
                for (int i = 0; i < shares.size(); i++) {
                  JsonNode s = session.get(i).get("sessionSig");
                  EcdsaSignatureShare sh = shares.get(i);
                  assertEquals("sessionSig", sh.sigName());
                  assertEquals(s.get("shareIndex").asInt(), sh.shareIndex());
                  assertEquals(s.get("dataSigned").asText(), sh.dataSignedHex());
                  assertEquals(s.get("publicKey").asText(), sh.publicKeyHex());
                  assertEquals(
                      s.get("bigr").asText().replace("\"", "").toLowerCase(),
                      io.lit4j.core.util.Hex.encode(sh.bigR()));
                  assertEquals(
                      s.get("signatureShare").asText().replace("\"", "").toLowerCase(),
                      String.format("%064x", sh.signatureShare()));
                }
              }));
      out.add(
          VectorCheck.of(
              label + ": sign_session_key combine equals sdkGetSessionSignaturesResult",
              () -> {
                EcdsaSignature sig =
                    EcdsaShareCombiner.combine(sessionShares(session), session.size());
                JsonNode e = c.get("sdkGetSessionSignaturesResult");
                assertSdkResult(e, sig);
                assertEquals(
                    e.get("siweMessage").asText(),
                    session.get(0).get("sessionSig").get("siweMessage").asText());
                for (JsonNode r : session)
                  assertEquals(
                      e.get("siweMessage").asText(),
                      r.get("sessionSig").get("siweMessage").asText());
                assertEquals(c.get("expectedSignature65Hex").asText(), sig.signatureHex());
                assertEquals(
                    Secp256k1PublicKey.fromHex(e.get("publicKey").asText()).ethAddress(),
                    sig.recoverAddress());
              }));
      out.add(
          VectorCheck.of(
              label + ": writeSignSessionKey reproduces each node's sessionSig",
              () -> {
                List<EcdsaSignatureShare> shares = sessionShares(session);
                for (int i = 0; i < shares.size(); i++) {
                  JsonNode s = session.get(i).get("sessionSig");
                  assertEquals(
                      s,
                      EcdsaShareJson.writeSignSessionKey(
                          shares.get(i), s.get("siweMessage").asText()));
                }
              }));
      out.add(
          VectorCheck.of(
              label + ": pkp/sign shares parse (snake_case, quoted upper-case hex)",
              () -> {
                List<EcdsaSignatureShare> shares = pkpShares(pkp);
                assertEquals(pkp.size(), shares.size());
                for (int i = 0; i < shares.size(); i++) {
                  JsonNode s = pkp.get(i).get("signatureShare");
                  EcdsaSignatureShare sh = shares.get(i);
                  assertEquals(s.get("digest").asText().replace("\"", ""), sh.dataSignedHex());
                  assertEquals(s.get("public_key").asText().replace("\"", ""), sh.publicKeyHex());
                  assertEquals(s.get("share_index").asInt(), sh.shareIndex());
                  assertEquals(s.get("sig_type").asText(), sh.sigType().wireName());
                }
              }));
      out.add(
          VectorCheck.of(
              label
                  + ": pkp/sign combine equals sdkGetSignaturesResult (upper-case publicKey, dataSigned)",
              () -> {
                EcdsaSignature sig = EcdsaShareCombiner.combine(pkpShares(pkp), pkp.size());
                assertSdkResult(c.get("sdkGetSignaturesResult"), sig);
                assertEquals(c.get("expectedSignature65Hex").asText(), sig.signatureHex());
              }));
      out.add(
          VectorCheck.of(
              label + ": writePkpSign reproduces each node's signatureShare",
              () -> {
                List<EcdsaSignatureShare> shares = pkpShares(pkp);
                for (int i = 0; i < shares.size(); i++) {
                  assertEquals(
                      pkp.get(i).get("signatureShare"), EcdsaShareJson.writePkpSign(shares.get(i)));
                }
              }));
      out.add(
          VectorCheck.of(
              label + ": both routes give the same signature",
              () ->
                  assertEquals(
                      EcdsaShareCombiner.combine(sessionShares(session), session.size())
                          .signatureHex(),
                      EcdsaShareCombiner.combine(pkpShares(pkp), pkp.size()).signatureHex())));
    }
    return out;
  }

  private static void assertSdkResult(JsonNode e, EcdsaSignature sig) {
    assertEquals(e.get("r").asText(), sig.rHex());
    assertEquals(e.get("s").asText(), sig.sHex());
    assertEquals(e.get("recid").asInt(), sig.recid());
    assertEquals(e.get("signature").asText(), sig.signatureHex());
    assertEquals(e.get("publicKey").asText(), sig.publicKeyHex());
    assertEquals(e.get("dataSigned").asText(), sig.dataSignedHex());
  }

  private static List<EcdsaSignatureShare> sessionShares(JsonNode responses) {
    List<EcdsaSignatureShare> out = new ArrayList<>();
    for (JsonNode r : responses) {
      out.add(
          EcdsaShareJson.parseSignSessionKey(r.get("sessionSig"))
              .orElseThrow(() -> new AssertionError("empty share")));
    }
    return out;
  }

  private static List<EcdsaSignatureShare> pkpShares(JsonNode responses) {
    List<EcdsaSignatureShare> out = new ArrayList<>();
    for (JsonNode r : responses) {
      out.add(
          EcdsaShareJson.parsePkpSign(r.get("signatureShare"))
              .orElseThrow(() -> new AssertionError("empty share")));
    }
    return out;
  }
}
