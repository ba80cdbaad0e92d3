package io.lit4j.node.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.fuzz.Fuzz;
import io.lit4j.core.fuzz.JsonMutator;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.Bls;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.node.ClaimKeyResponse;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.internal.claim.ClaimProtocol;
import io.lit4j.node.internal.encryption.BlsShareProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

/**
 * Randomized bad BLS decryption shares and pkp/claim answers: a mutated share is left out and the
 * honest threshold still gives the one right signature; otherwise only a LitException.
 */
class ShareAnswersFuzzTest {
  private static final String REQ = "lit_fuzz0000002";
  private static final Logger LOG = NOPLogger.NOP_LOGGER;

  @Test
  void aMutatedDecryptionShareIsLeftOutAndTheHonestThresholdStillDecrypts() {
    JsonNode enc = Fuzz.vector("bls_encryption.generated.json");
    JsonNode c = enc.get("cases").get(0);
    BlsPublicKey pk = BlsPublicKey.fromHex(enc.get("publicKeyHex").textValue());
    byte[] identity = Hex.decode(c.get("identityHex").textValue(), "identityHex");
    int t = enc.get("threshold").intValue();
    List<JsonNode> bodies = new ArrayList<>();
    for (JsonNode s : c.get("decryptionShares")) {
      ObjectNode b = LitJson.mapper().createObjectNode();
      b.set("signatureShare", s);
      b.put("shareIndex", BlsSignatureShare.fromJson(s).shareIndex());
      bodies.add(b);
    }
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) urls.add("https://192.0.2." + (i + 1) + ":443");
    BlsSignature expected = combine(urls, bodies, pk, identity, t);
    Fuzz.run(
        "BlsShareProtocol.shares+combineTolerant",
        300,
        Duration.ofSeconds(40),
        seed -> {
          int victim = (int) Math.floorMod(seed, (long) bodies.size());
          List<JsonNode> copy = new ArrayList<>(bodies);
          copy.set(victim, tree(new JsonMutator(seed).mutate(bodies.get(victim).toString())));
          return copy;
        },
        replies -> {
          // four honest shares of five, threshold three: the result must always be the right
          // signature
          BlsSignature sig = combine(urls, replies, pk, identity, t);
          assertArrayEquals(expected.bytes(), sig.bytes());
          assertTrue(Bls.verify(pk, identity, sig));
        });
  }

  private static BlsSignature combine(
      List<String> urls, List<JsonNode> bodies, BlsPublicKey pk, byte[] message, int t) {
    Map<String, LitException> rejected = new LinkedHashMap<>();
    Map<String, BlsSignatureShare> shares =
        BlsShareProtocol.shares(responses(urls, bodies), r -> true, LOG, rejected);
    return BlsShareProtocol.combineTolerant("decrypt", REQ, pk, message, shares, t, LOG);
  }

  @Test
  void claimAnswersAreRejectedOrRecoverTheNodesThatSigned() {
    byte[] keyId =
        Hex.decode("d23b01855c6cd676e80a1bd4b22be7ad0063bd9b8a1e5e2f9ea0754f231ccb98", "keyId");
    List<String> roots =
        List.of(
            "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
            "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5");
    List<String> urls =
        List.of("https://192.0.2.1:443", "https://192.0.2.2:443", "https://192.0.2.3:443");
    List<JsonNode> bodies = new ArrayList<>();
    List<String> signers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Credentials node =
          Credentials.create(
              Hex.encode(org.web3j.crypto.Hash.sha3(("claim node " + i).getBytes())));
      Sign.SignatureData s = Sign.signPrefixedMessage(keyId, node.getEcKeyPair());
      ObjectNode b = LitJson.mapper().createObjectNode();
      b.put("derivedKeyId", "\"" + Hex.encode(keyId) + "\"");
      b.put("signature", "0x" + Hex.encode(s.getR()) + Hex.encode(s.getS()) + Hex.encode(s.getV()));
      bodies.add(b);
      signers.add(org.web3j.crypto.Keys.toChecksumAddress(node.getAddress()));
    }
    ClaimKeyResponse expected = ClaimProtocol.read(responses(urls, bodies), roots);
    assertEquals(signers, expected.signerAddresses().stream().map(a -> a.checksummed()).toList());
    Fuzz.run(
        "ClaimProtocol.read",
        600,
        seed -> {
          int victim = (int) Math.floorMod(seed, 3L);
          List<JsonNode> copy = new ArrayList<>(bodies);
          copy.set(victim, tree(new JsonMutator(seed).mutate(bodies.get(victim).toString())));
          return copy;
        },
        replies -> {
          ClaimKeyResponse r = ClaimProtocol.read(responses(urls, replies), roots);
          assertEquals(expected.derivedKeyId(), r.derivedKeyId(), "the majority key id changed");
          assertEquals(expected.publicKey(), r.publicKey());
          // a recovered signer is either the node's own address or the result of a changed
          // signature: never silently the same list with other sigs
          assertEquals(r.signatures().size(), r.signerAddresses().size());
        });
  }

  private static JsonNode tree(String text) {
    try {
      JsonNode n = LitJson.mapper().readTree(text);
      return n == null || n.isMissingNode() ? LitJson.mapper().nullNode() : n;
    } catch (Exception e) {
      return LitJson.mapper().getNodeFactory().textNode(text);
    }
  }

  private static NodeResponses responses(List<String> urls, List<JsonNode> bodies) {
    Map<String, NodeReply> ok = new LinkedHashMap<>();
    for (int i = 0; i < bodies.size(); i++)
      ok.put(urls.get(i), new NodeReply(urls.get(i), 200, bodies.get(i)));
    return new NodeResponses("fuzz", REQ, urls, ok, Map.of());
  }
}
