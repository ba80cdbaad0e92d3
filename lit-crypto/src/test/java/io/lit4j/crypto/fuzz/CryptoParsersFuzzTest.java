package io.lit4j.crypto.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.fuzz.Fuzz;
import io.lit4j.core.fuzz.JsonMutator;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.attestation.SevSnpAttestation;
import io.lit4j.crypto.attestation.SevSnpReport;
import io.lit4j.crypto.attestation.SevSnpVerifier;
import io.lit4j.crypto.attestation.VcekProvider;
import io.lit4j.crypto.bls.Bls;
import io.lit4j.crypto.bls.BlsJwt;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.bls.TimeCryptCiphertext;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Randomized bad input for lit-crypto's parsers of node answers (ECDSA shares per route, BLS shares
 * and signatures, TimeCrypt ciphertexts, JWTs, SEV-SNP attestations): only a LitException may
 * escape, nothing may hang, and what is accepted must still verify (a mutated share either fails or
 * combines into the one right signature).
 */
class CryptoParsersFuzzTest {
  private static final int N = 600;
  private static final JsonNode ECDSA =
      Fuzz.vector("ecdsa_k256_node_shaped.generated.json").get("cases").get(0);
  private static final JsonNode BLS = Fuzz.vector("bls_threshold_signatures.generated.json");
  private static final JsonNode ENC = Fuzz.vector("bls_encryption.generated.json");
  private static final JsonNode SEV = Fuzz.vector("sev_snp_attestation.json");

  // ---- ECDSA shares, per route ----

  @Test
  void signSessionKeySharesAreRejectedOrCombineIntoTheRightSignature() {
    List<JsonNode> sessionSigs = new ArrayList<>();
    ECDSA.get("signSessionKeyNodeResponses").forEach(r -> sessionSigs.add(r.get("sessionSig")));
    fuzzEcdsaRoute(
        "EcdsaShareJson.parseSignSessionKey", sessionSigs, EcdsaShareJson::parseSignSessionKey);
  }

  @Test
  void pkpSignSharesAreRejectedOrCombineIntoTheRightSignature() {
    List<JsonNode> shares = new ArrayList<>();
    ECDSA.get("pkpSignNodeResponses").forEach(r -> shares.add(r.get("signatureShare")));
    fuzzEcdsaRoute("EcdsaShareJson.parsePkpSign", shares, EcdsaShareJson::parsePkpSign);
  }

  @Test
  void executeSharesAreRejectedOrCombineIntoTheRightSignature() {
    List<JsonNode> shares = new ArrayList<>();
    ECDSA
        .get("pkpSignNodeResponses")
        .forEach(
            r ->
                shares.add(
                    EcdsaShareJson.writeExecute(
                        EcdsaShareJson.parsePkpSign(r.get("signatureShare")).orElseThrow())));
    fuzzEcdsaRoute("EcdsaShareJson.parseExecute", shares, EcdsaShareJson::parseExecute);
  }

  @Test
  void combinerInputSharesAreRejectedOrCombineIntoTheRightSignature() {
    List<JsonNode> shares = new ArrayList<>();
    Fuzz.vector("ecdsa_k256_combine.generated.json")
        .get("cases")
        .get(0)
        .get("sharesForWasm")
        .forEach(shares::add);
    fuzzEcdsaRoute("EcdsaShareJson.parseCombinerInput", shares, EcdsaShareJson::parseCombinerInput);
  }

  private interface ShareParser {
    Optional<EcdsaSignatureShare> parse(JsonNode n);
  }

  /** Mutates one node's share; the others stay valid; all are combined as the client does. */
  private static void fuzzEcdsaRoute(String name, List<JsonNode> valid, ShareParser parser) {
    List<EcdsaSignatureShare> good = new ArrayList<>();
    valid.forEach(v -> good.add(parser.parse(v).orElseThrow()));
    EcdsaSignature expected = EcdsaShareCombiner.combine(good, good.size());
    int threshold = good.size();
    Fuzz.Stats stats =
        Fuzz.run(
            name,
            N,
            Duration.ofSeconds(30),
            seed -> {
              int victim = (int) Math.floorMod(seed, (long) valid.size());
              return new Object[] {
                victim, treeOrNull(new JsonMutator(seed).mutate(valid.get(victim).toString()))
              };
            },
            in -> {
              int victim = (Integer) in[0];
              Optional<EcdsaSignatureShare> parsed = parser.parse((JsonNode) in[1]);
              List<EcdsaSignatureShare> shares = new ArrayList<>(good);
              if (parsed.isEmpty()) {
                shares.remove(victim); // an empty share: the node is outside the signing subset
              } else {
                shares.set(victim, parsed.get());
              }
              EcdsaSignature sig = EcdsaShareCombiner.combine(shares, threshold);
              // accepted: it must be the one right signature, never a wrong answer
              assertEquals(expected.r(), sig.r());
              assertEquals(expected.s(), sig.s());
              assertEquals(expected.publicKey(), sig.publicKey());
              assertArrayEquals(expected.dataSigned(), sig.dataSigned());
              assertTrue(sig.verify());
            });
    assertTrue(stats.rejected() > stats.iterations() / 2, stats.toString());
  }

  // ---- BLS ----

  @Test
  void blsSignatureSharesAreRejectedOrCombineIntoAVerifyingSignature() {
    JsonNode c = BLS.get("cases").get(0);
    BlsPublicKey pk = BlsPublicKey.fromHex(BLS.get("publicKeyHex").textValue());
    byte[] message = Hex.decode(c.get("messageHex").textValue(), "messageHex");
    int t = BLS.get("threshold").intValue();
    List<JsonNode> valid = new ArrayList<>();
    c.get("shares").forEach(valid::add);
    List<BlsSignatureShare> good = new ArrayList<>();
    for (int i = 0; i < t; i++) good.add(BlsSignatureShare.fromJson(valid.get(i)));
    BlsSignature expected = Bls.combineAndVerify(pk, message, good);
    Fuzz.run(
        "BlsSignatureShare.fromJson",
        N,
        Duration.ofSeconds(30),
        seed ->
            new Object[] {
              (int) Math.floorMod(seed, (long) t),
              new JsonMutator(seed)
                  .mutate(valid.get((int) Math.floorMod(seed, (long) t)).toString())
            },
        in -> {
          BlsSignatureShare share = BlsSignatureShare.fromJson((String) in[1]);
          List<BlsSignatureShare> shares = new ArrayList<>(good);
          shares.set((Integer) in[0], share);
          BlsSignature sig = Bls.combineAndVerify(pk, message, shares);
          assertArrayEquals(expected.bytes(), sig.bytes());
        });
    String hex = c.get("combinedSignatureHex").textValue();
    Fuzz.run(
        "BlsSignature.fromHex",
        N,
        seed -> new JsonMutator(seed).mutateString(hex),
        s -> {
          BlsSignature sig = BlsSignature.fromHex(s);
          Bls.requireValid(pk, message, sig);
          assertArrayEquals(expected.bytes(), sig.bytes());
        });
    String pkHex = BLS.get("publicKeyHex").textValue();
    Fuzz.run(
        "BlsPublicKey.fromHex",
        N,
        seed -> new JsonMutator(seed).mutateString(pkHex),
        s -> {
          BlsPublicKey key = BlsPublicKey.fromHex(s);
          Bls.requireValid(key, message, expected);
          assertEquals(pk, key);
        });
  }

  @Test
  void jwtsAreRejectedOrVerifyWithTheirOriginalContents() {
    BlsPublicKey pk = BlsPublicKey.fromHex(BLS.get("publicKeyHex").textValue());
    String jwt = BLS.get("jwt").get("jwt").textValue();
    SignedToken original = BlsJwt.verify(jwt, pk);
    Fuzz.Stats stats =
        Fuzz.run(
            "BlsJwt.verify",
            N,
            seed -> new JsonMutator(seed).mutateString(jwt),
            s -> {
              SignedToken v = BlsJwt.verify(s, pk);
              assertEquals(original.header(), v.header());
              assertEquals(original.payload(), v.payload());
            });
    assertTrue(stats.rejected() > 0, stats.toString());
  }

  @Test
  void timeCryptCiphertextsAreRejectedOrDecryptToTheOriginalPlaintext() {
    JsonNode c = ENC.get("cases").get(0);
    BlsPublicKey pk = BlsPublicKey.fromHex(ENC.get("publicKeyHex").textValue());
    byte[] identity = Hex.decode(c.get("identityHex").textValue(), "identityHex");
    byte[] plaintext = Hex.decode(c.get("plaintextHex").textValue(), "plaintextHex");
    List<BlsSignatureShare> shares = new ArrayList<>();
    c.get("decryptionShares")
        .forEach(
            s -> {
              BlsSignatureShare share = BlsSignatureShare.fromJson(s);
              for (JsonNode id : c.get("sharesUsedForWasmDecrypt"))
                if (id.intValue() == share.identifier()) shares.add(share);
            });
    BlsSignature sig = Bls.combineAndVerify(pk, identity, shares);
    String b64 = c.get("ciphertextBase64").textValue();
    assertArrayEquals(plaintext, TimeCrypt.decrypt(Base64.getDecoder().decode(b64), sig));
    Fuzz.run(
        "TimeCryptCiphertext.fromBase64+TimeCrypt.decrypt",
        N / 3,
        seed -> new JsonMutator(seed).mutateString(b64),
        s -> {
          TimeCryptCiphertext ct = TimeCryptCiphertext.fromBase64(s);
          assertArrayEquals(
              plaintext,
              TimeCrypt.decrypt(ct.toBytes(), sig),
              "a mutated ciphertext decrypted to something else");
        });
    byte[] ct = Base64.getDecoder().decode(b64);
    Fuzz.run(
        "TimeCryptCiphertext.parse(bytes)",
        N / 3,
        seed -> mutateBytes(ct, seed),
        bytes -> {
          TimeCryptCiphertext parsed = TimeCryptCiphertext.parse(bytes);
          assertArrayEquals(
              plaintext, TimeCrypt.verifyAndDecrypt(pk, identity, parsed.toBytes(), shares));
        });
  }

  // ---- SEV-SNP attestation ----

  @Test
  void sevSnpAttestationsAreRejectedOrVerifyAsTheOriginalReport() {
    String json = SEV.get("attestation").toString();
    String challenge = SEV.get("challengeHex").textValue();
    byte[] vcek = Base64.getDecoder().decode(SEV.get("vcekDerBase64").textValue());
    VcekProvider provider = (url, report) -> Optional.of(vcek.clone());
    SevSnpReport original =
        SevSnpVerifier.verifyReportAndChallenge(
            SevSnpAttestation.fromJson(json), challenge, provider);
    Fuzz.run(
        "SevSnpAttestation.fromJson+verifyReportAndChallenge",
        300,
        Duration.ofSeconds(40),
        seed -> new JsonMutator(seed).mutate(json),
        s -> {
          SevSnpAttestation a = SevSnpAttestation.fromJson(s);
          a.parsedReport();
          SevSnpReport r = SevSnpVerifier.verifyReportAndChallenge(a, challenge, provider);
          assertArrayEquals(
              original.bytes(), r.bytes(), "a mutated attestation verified as another report");
        });
    byte[] report = original.bytes();
    Fuzz.run(
        "SevSnpReport.parse",
        N,
        seed -> mutateBytes(report, seed),
        bytes -> {
          SevSnpReport r = SevSnpReport.parse(bytes);
          r.reportedTcb();
          r.vcekUrl();
        });
  }

  // ---- keys and addresses ----

  @Test
  void secp256k1KeysAndAddressesAreRejectedOrRoundTrip() {
    String pub = ECDSA.get("sdkGetSessionSignaturesResult").get("publicKey").textValue();
    Secp256k1PublicKey key = Secp256k1PublicKey.fromHex(pub);
    Fuzz.run(
        "Secp256k1PublicKey.fromHex",
        N,
        seed -> new JsonMutator(seed).mutateString(pub),
        s ->
            assertEquals(
                key,
                Secp256k1PublicKey.fromHex(s, "publicKey"),
                "another point was accepted for " + s));
    String addr = key.ethAddress().checksummed();
    Fuzz.run(
        "EthAddress.fromHex",
        N,
        seed -> new JsonMutator(seed).mutateString(addr),
        s ->
            assertEquals(
                Hex.strip0x(s).toLowerCase(java.util.Locale.ROOT),
                Hex.strip0x(EthAddress.fromHex(s).lowercaseHex())));
  }

  // ---- helpers ----

  private static JsonNode treeOrNull(String text) {
    try {
      JsonNode n = io.lit4j.core.json.LitJson.mapper().readTree(text);
      return n == null || n.isMissingNode() ? null : n;
    } catch (Exception e) {
      return null;
    }
  }

  /** Flips, drops, truncates or extends bytes, seeded. */
  static byte[] mutateBytes(byte[] valid, long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    byte[] b = valid.clone();
    switch (rnd.nextInt(6)) {
      case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
      case 1 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
      case 2 -> {
        byte[] tail = new byte[1 + rnd.nextInt(64)];
        rnd.nextBytes(tail);
        byte[] out = java.util.Arrays.copyOf(b, b.length + tail.length);
        System.arraycopy(tail, 0, out, b.length, tail.length);
        b = out;
      }
      case 3 -> {
        int at = rnd.nextInt(b.length);
        for (int i = at; i < Math.min(b.length, at + 1 + rnd.nextInt(16)); i++)
          b[i] = (byte) rnd.nextInt(256);
      }
      case 4 -> b = new byte[rnd.nextInt(3)];
      default -> {
        for (int i = 0; i < 1 + rnd.nextInt(4); i++) b[rnd.nextInt(b.length)] = (byte) 0xff;
      }
    }
    return b;
  }
}
