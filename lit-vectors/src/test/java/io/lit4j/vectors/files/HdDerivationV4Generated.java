package io.lit4j.vectors.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeyDeriver;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.crypto.hd.HdKeys;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code hd_derivation_v4.generated.json}: key ids, tweaks, derived keys, secrets,
 * addresses.
 */
public class HdDerivationV4Generated implements VectorFileChecker {
  private static final Pattern KEY_ID_DERIVATION =
      Pattern.compile("keccak256\\(utf8\\(\"([^:\"]*):([^\"]*)\"\\)\\)");

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> out = new ArrayList<>();
    out.add(
        VectorCheck.of(
            "file dst is the v4 DST",
            () -> assertEquals(file.get("dst").asText(), HdKeyDeriver.V4_K256_DST)));
    for (JsonNode c : file.get("cases")) {
      String label = c.get("label").asText();
      String keyIdHex = c.get("keyIdHex").asText();
      List<String> roots = new ArrayList<>();
      c.get("roots").forEach(r -> roots.add(r.asText()));

      if (c.has("keyIdDerivation")) {
        out.add(
            VectorCheck.of(
                label + ": keyIdHex = " + c.get("keyIdDerivation").asText(),
                () -> {
                  Matcher m = KEY_ID_DERIVATION.matcher(c.get("keyIdDerivation").asText());
                  if (!m.matches()) throw new AssertionError("unexpected keyIdDerivation form");
                  HdKeyId id = HdKeys.computeHDKeyId(m.group(1), m.group(2));
                  assertEquals(keyIdHex, id.hex());
                  assertEquals("0x" + keyIdHex, id.hex0x());
                }));
      }
      out.add(
          VectorCheck.of(
              label + ": tweakHex = hash_to_field(hexDecode(keyId))",
              () ->
                  assertEquals(
                      c.get("tweakHex").asText(),
                      String.format("%064x", HdKeyDeriver.litV4().tweak(Hex.decode(keyIdHex))))));
      out.add(
          VectorCheck.of(
              label
                  + ": expectedPublicKeyUncompressedHex = Σ τⁱ·rootᵢ ("
                  + roots.size()
                  + " roots)",
              () -> {
                Secp256k1PublicKey pk = HdKeys.derivePublicKey(keyIdHex, roots);
                assertEquals(c.get("expectedPublicKeyUncompressedHex").asText(), pk.hex());
                if (keyIdHex.length() == 64) {
                  List<Secp256k1PublicKey> typed =
                      roots.stream().map(Secp256k1PublicKey::fromHex).toList();
                  assertEquals(pk, HdKeys.derivePublicKey(HdKeyId.fromHex(keyIdHex), typed));
                }
              }));
      out.add(
          VectorCheck.of(
              label + ": ethAddress of the derived key",
              () -> {
                Secp256k1PublicKey pk =
                    Secp256k1PublicKey.fromHex(c.get("expectedPublicKeyUncompressedHex").asText());
                assertEquals(c.get("ethAddress").asText(), pk.ethAddress().lowercaseHex());
                assertEquals(
                    EthAddress.fromHex(c.get("ethAddress").asText()),
                    HdKeys.derivePublicKey(keyIdHex, roots).ethAddress());
              }));
      if (c.has("rootSecretsHex")) {
        out.add(
            VectorCheck.of(
                label + ": roots are rootSecretsHex·G",
                () -> {
                  for (int i = 0; i < roots.size(); i++) {
                    BigInteger sk = new BigInteger(c.get("rootSecretsHex").get(i).asText(), 16);
                    assertEquals(
                        roots.get(i),
                        Hex.encode(
                            HdKeyDeriver.litV4().publicKeyOf(sk, roots.get(i).length() == 66)));
                  }
                }));
        out.add(
            VectorCheck.of(
                label + ": derivedSecretKeyHex = Σ τⁱ·rootSecretᵢ and matches the derived key",
                () -> {
                  List<BigInteger> secrets = new ArrayList<>();
                  c.get("rootSecretsHex").forEach(s -> secrets.add(new BigInteger(s.asText(), 16)));
                  BigInteger d = HdKeyDeriver.litV4().deriveSecret(Hex.decode(keyIdHex), secrets);
                  assertEquals(c.get("derivedSecretKeyHex").asText(), String.format("%064x", d));
                  assertEquals(
                      c.get("expectedPublicKeyUncompressedHex").asText(),
                      Hex.encode(HdKeyDeriver.litV4().publicKeyOf(d, false)));
                }));
      }
      if (c.has("note")) {
        out.add(
            VectorCheck.of(
                label + ": " + c.get("note").asText(),
                () -> {
                  JsonNode twin = null;
                  for (JsonNode o : file.get("cases")) {
                    if (o != c && o.get("keyIdHex").asText().equals(keyIdHex)) twin = o;
                  }
                  if (twin == null)
                    throw new AssertionError("no case with the same keyIdHex to compare with");
                  List<String> twinRoots = new ArrayList<>();
                  twin.get("roots").forEach(r -> twinRoots.add(r.asText()));
                  for (int i = 0; i < roots.size(); i++) {
                    assertEquals(
                        Secp256k1PublicKey.fromHex(twinRoots.get(i)),
                        Secp256k1PublicKey.fromHex(roots.get(i)));
                  }
                  assertEquals(
                      twin.get("expectedPublicKeyUncompressedHex").asText(),
                      c.get("expectedPublicKeyUncompressedHex").asText());
                  assertEquals(
                      HdKeys.derivePublicKey(keyIdHex, twinRoots),
                      HdKeys.derivePublicKey(keyIdHex, roots));
                }));
      }
    }
    return out;
  }
}
