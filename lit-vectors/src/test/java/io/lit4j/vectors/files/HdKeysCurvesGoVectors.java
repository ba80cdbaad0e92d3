package io.lit4j.vectors.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.hd.HdCurve;
import io.lit4j.crypto.hd.HdKeyDeriver;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code hd_keys_curves_go_vectors.json} (hd-keys-curves Go tests, other DSTs than v4,
 * secp256k1 and P-256): tweak, root keys, derived secret and derived public key of every case.
 */
public class HdKeysCurvesGoVectors implements VectorFileChecker {

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> out = new ArrayList<>();
    int n = 0;
    for (JsonNode c : file.get("cases")) {
      String curveName = c.get("curve").asText();
      String id = c.get("idUtf8").asText();
      String label =
          "case "
              + (n++)
              + " "
              + curveName
              + " id '"
              + (id.length() > 12 ? id.substring(0, 12) + "…(" + id.length() + ")" : id)
              + "'";
      out.add(
          VectorCheck.of(
              label + ": tweakHex",
              () -> {
                HdKeyDeriver d = deriver(c);
                assertEquals(
                    c.get("tweakHex").asText(),
                    String.format("%064x", d.tweak(id.getBytes(StandardCharsets.UTF_8))));
              }));
      out.add(
          VectorCheck.of(
              label + ": rootPublicKeysCompressedHex are rootSecretKeysHex·G",
              () -> {
                HdKeyDeriver d = deriver(c);
                for (int i = 0; i < c.get("rootSecretKeysHex").size(); i++) {
                  BigInteger sk = new BigInteger(c.get("rootSecretKeysHex").get(i).asText(), 16);
                  assertEquals(
                      c.get("rootPublicKeysCompressedHex").get(i).asText(),
                      Hex.encode(d.publicKeyOf(sk, true)));
                }
              }));
      out.add(
          VectorCheck.of(
              label + ": derivedSecretKeyHex = Σ τⁱ·skᵢ",
              () -> {
                List<BigInteger> secrets = new ArrayList<>();
                c.get("rootSecretKeysHex")
                    .forEach(s -> secrets.add(new BigInteger(s.asText(), 16)));
                BigInteger sk =
                    deriver(c).deriveSecret(id.getBytes(StandardCharsets.UTF_8), secrets);
                assertEquals(c.get("derivedSecretKeyHex").asText(), String.format("%064x", sk));
              }));
      out.add(
          VectorCheck.of(
              label + ": derivedPublicKeyCompressedHex = Σ τⁱ·rootᵢ and = derived secret·G",
              () -> {
                HdKeyDeriver d = deriver(c);
                List<byte[]> roots = new ArrayList<>();
                c.get("rootPublicKeysCompressedHex")
                    .forEach(r -> roots.add(Hex.decode(r.asText())));
                String expected = c.get("derivedPublicKeyCompressedHex").asText();
                assertEquals(
                    expected,
                    Hex.encode(
                        d.derivePublicKey(id.getBytes(StandardCharsets.UTF_8), roots, true)));
                assertEquals(
                    expected,
                    Hex.encode(
                        d.publicKeyOf(
                            new BigInteger(c.get("derivedSecretKeyHex").asText(), 16), true)));
              }));
    }
    return out;
  }

  private static HdKeyDeriver deriver(JsonNode c) {
    HdCurve curve =
        switch (c.get("curve").asText()) {
          case "secp256k1" -> HdCurve.K256;
          case "p256" -> HdCurve.P256;
          default -> throw new AssertionError("unknown curve " + c.get("curve").asText());
        };
    return new HdKeyDeriver(curve, c.get("dst").asText());
  }
}
