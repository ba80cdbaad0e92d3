package io.lit4j.vectors.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks {@code ecdsa_k256_combine.generated.json}: every share set and every value in it. */
public class EcdsaK256CombineGenerated implements VectorFileChecker {
  static final BigInteger N = io.lit4j.crypto.eth.Secp256k1.ORDER;

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> out = new ArrayList<>();
    for (JsonNode c : file.get("cases")) {
      String label = c.get("label").asText();
      out.add(
          VectorCheck.of(
              label + ": eip191DigestHex is the personal_sign hash of messageUtf8",
              () ->
                  assertEquals(
                      c.get("eip191DigestHex").asText(),
                      Hex.encode(EthHash.personalMessageHash(c.get("messageUtf8").asText())))));
      out.add(
          VectorCheck.of(
              label + ": publicKeyUncompressedHex is pkpSecretKey·G",
              () -> {
                byte[] pub =
                    io.lit4j.crypto.hd.HdKeyDeriver.litV4()
                        .publicKeyOf(new BigInteger(c.get("pkpSecretKeyHex").asText(), 16), false);
                assertEquals(c.get("publicKeyUncompressedHex").asText(), Hex.encode(pub));
              }));
      out.add(
          VectorCheck.of(
              label + ": bigRCompressedHex is nonceK·G and the share sum is k⁻¹(h + r·x)",
              () -> {
                BigInteger k = new BigInteger(c.get("nonceKHex").asText(), 16);
                byte[] r = io.lit4j.crypto.hd.HdKeyDeriver.litV4().publicKeyOf(k, true);
                assertEquals(c.get("bigRCompressedHex").asText(), Hex.encode(r));
                BigInteger x = new BigInteger(c.get("pkpSecretKeyHex").asText(), 16);
                BigInteger h = new BigInteger(c.get("eip191DigestHex").asText(), 16);
                BigInteger rx = new BigInteger(1, java.util.Arrays.copyOfRange(r, 1, 33)).mod(N);
                BigInteger s = k.modInverse(N).multiply(h.add(rx.multiply(x))).mod(N);
                assertEquals(c.get("sumOfSharesHex").asText(), String.format("%064x", s));
              }));
      out.add(
          VectorCheck.of(
              label + ": every share parses with the digest, R and key of the case",
              () -> {
                List<EcdsaSignatureShare> shares = parseShares(c);
                assertEquals(c.get("sharesForWasm").size(), shares.size());
                Secp256k1PublicKey pk =
                    Secp256k1PublicKey.fromHex(c.get("publicKeyUncompressedHex").asText());
                for (EcdsaSignatureShare s : shares) {
                  assertEquals(c.get("eip191DigestHex").asText(), Hex.encode(s.dataSigned()));
                  assertEquals(c.get("bigRCompressedHex").asText(), Hex.encode(s.bigR()));
                  assertEquals(pk, s.publicKey());
                  assertEquals("sig", s.sigName());
                }
              }));
      out.add(
          VectorCheck.of(
              label + ": sumOfSharesHex is Σ signature_share mod n",
              () -> {
                BigInteger sum = BigInteger.ZERO;
                for (EcdsaSignatureShare s : parseShares(c)) sum = sum.add(s.signatureShare());
                assertEquals(c.get("sumOfSharesHex").asText(), String.format("%064x", sum.mod(N)));
              }));
      out.add(
          VectorCheck.of(
              label + ": combine matches wasmOutputJson (r = compressed R, s, recid)",
              () -> {
                EcdsaSignature sig =
                    EcdsaShareCombiner.combine(parseShares(c), c.get("sharesForWasm").size());
                JsonNode wasm = LitJson.parse(c.get("wasmOutputJson").asText(), "wasmOutputJson");
                String wasmR = wasm.get("r").asText();
                assertEquals(66, wasmR.length());
                assertEquals(c.get("bigRCompressedHex").asText(), wasmR);
                assertEquals(wasmR.substring(2), sig.rHex());
                assertEquals(wasm.get("s").asText(), sig.sHex());
                assertEquals(wasm.get("recid").asInt(), sig.recid());
              }));
      out.add(
          VectorCheck.of(
              label + ": combine matches sdkCombineEcdsaSharesOutput",
              () -> {
                EcdsaSignature sig =
                    EcdsaShareCombiner.combine(parseShares(c), c.get("sharesForWasm").size());
                JsonNode sdk = c.get("sdkCombineEcdsaSharesOutput");
                assertEquals(sdk.get("r").asText(), sig.rHex());
                assertEquals(sdk.get("s").asText(), sig.sHex());
                assertEquals(sdk.get("recid").asInt(), sig.recid());
              }));
      out.add(
          VectorCheck.of(
              label + ": signature is ethersJoinSignature",
              () -> {
                EcdsaSignature sig =
                    EcdsaShareCombiner.combine(parseShares(c), c.get("sharesForWasm").size());
                assertEquals(c.get("ethersJoinSignature").asText(), sig.signatureHex());
              }));
      out.add(
          VectorCheck.of(
              label + ": combine matches expected (rHex, sLowHex, recid, v, signature65Hex)",
              () -> {
                EcdsaSignature sig =
                    EcdsaShareCombiner.combine(parseShares(c), c.get("sharesForWasm").size());
                JsonNode e = c.get("expected");
                assertEquals(e.get("rHex").asText(), sig.rHex());
                assertEquals(e.get("sLowHex").asText(), sig.sHex());
                assertTrue(sig.s().compareTo(N.shiftRight(1)) <= 0);
                assertEquals(e.get("recid").asInt(), sig.recid());
                assertEquals(e.get("v").asInt(), sig.v());
                assertEquals(e.get("signature65Hex").asText(), sig.signatureHex());
              }));
      out.add(
          VectorCheck.of(
              label + ": the signature recovers the PKP address over the digest",
              () -> {
                EcdsaSignature sig =
                    EcdsaShareCombiner.combine(parseShares(c), c.get("sharesForWasm").size());
                Secp256k1PublicKey pk =
                    Secp256k1PublicKey.fromHex(c.get("publicKeyUncompressedHex").asText());
                assertEquals(pk.ethAddress(), sig.recoverAddress());
                assertEquals(
                    pk.ethAddress(),
                    EthSignatures.recoverAddress(
                        Hex.decode(c.get("eip191DigestHex").asText()),
                        Hex.decode(c.get("expected").get("signature65Hex").asText())));
                assertEquals(
                    pk.ethAddress(),
                    EthSignatures.recoverPersonalSignAddress(
                        c.get("messageUtf8").asText(), c.get("ethersJoinSignature").asText()));
                assertTrue(sig.verify());
              }));
      out.add(
          VectorCheck.of(
              label + ": publicKey and dataSigned hex forms are those of the shares",
              () -> {
                EcdsaSignature sig =
                    EcdsaShareCombiner.combine(parseShares(c), c.get("sharesForWasm").size());
                JsonNode first = c.get("sharesForWasm").get(0);
                assertEquals(first.get("public_key").asText(), sig.publicKeyHex());
                assertEquals(first.get("data_signed").asText(), sig.dataSignedHex());
                assertEquals(
                    c.get("eip191DigestHex").asText(),
                    sig.dataSignedHex().toLowerCase(Locale.ROOT));
              }));
    }
    return out;
  }

  static List<EcdsaSignatureShare> parseShares(JsonNode c) {
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    for (JsonNode s : c.get("sharesForWasm")) {
      shares.add(
          EcdsaShareJson.parseCombinerInput(s)
              .orElseThrow(() -> new AssertionError("share parsed as empty")));
    }
    return shares;
  }
}
