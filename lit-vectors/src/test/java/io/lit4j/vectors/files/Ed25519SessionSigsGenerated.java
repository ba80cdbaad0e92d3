package io.lit4j.vectors.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionKeySignedMessage;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.util.Hex;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code ed25519_session_sigs.generated.json}: key pairs, signed JSON bytes, signatures,
 * session sig objects.
 */
public final class Ed25519SessionSigsGenerated implements VectorFileChecker {
  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> out = new ArrayList<>();
    int i = 0;
    for (JsonNode c : file.get("cases")) {
      String name = "case " + (i++) + " seed " + c.get("seedHex").asText().substring(0, 8);
      out.add(
          VectorCheck.of(
              name + ": key pair from seed",
              () -> {
                SessionKeyPair kp = SessionKeyPair.fromSeed(Hex.decode(c.get("seedHex").asText()));
                assertEquals(c.get("sessionKeyPair").get("publicKey").asText(), kp.publicKeyHex());
                assertEquals(c.get("sessionKeyPair").get("secretKey").asText(), kp.secretKeyHex());
                assertEquals(c.get("sessionKeyUri").asText(), kp.uri());
                assertEquals(
                    kp,
                    SessionKeyPair.fromSecretKeyHex(
                        c.get("sessionKeyPair").get("secretKey").asText()));
              }));
      out.add(
          VectorCheck.of(
              name + ": signedMessage parses and re-serializes byte for byte",
              () -> {
                String sm = c.get("signedMessage").asText();
                assertEquals(
                    c.get("signedMessageUtf8Hex").asText(),
                    Hex.encode(sm.getBytes(StandardCharsets.UTF_8)));
                assertEquals(sm, SessionKeySignedMessage.parse(sm).toJson());
              }));
      out.add(
          VectorCheck.of(
              name + ": ed25519 signature and session sig object",
              () -> {
                SessionKeyPair kp =
                    SessionKeyPair.fromSecretKeyHex(
                        c.get("sessionKeyPair").get("secretKey").asText());
                SessionKeySignedMessage msg =
                    SessionKeySignedMessage.parse(c.get("signedMessage").asText());
                AuthSig sig = SessionSigs.signForNode(kp, msg);
                assertEquals(c.get("sigHex").asText(), sig.sig());
                AuthSig expected = AuthSig.fromJson(c.get("sessionSig"), "sessionSig");
                assertEquals(expected, sig);
                assertEquals(
                    io.lit4j.core.json.JsJson.stringify(c.get("sessionSig")), sig.toJson());
                assertTrue(SessionSigs.verifySignature(expected));
              }));
    }
    return out;
  }
}
