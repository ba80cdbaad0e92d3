package io.lit4j.node.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.fuzz.Fuzz;
import io.lit4j.core.fuzz.JsonMutator;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.localnet.keys.K256KeyDealer;
import io.lit4j.localnet.keys.K256RootKeyShares;
import io.lit4j.localnet.keys.SimulatedEcdsaSigner;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.SignSessionKeyRequest;
import io.lit4j.node.SignSessionKeyResponse;
import io.lit4j.node.internal.session.SignSessionKeyProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Randomized bad {@code /web/sign_session_key} answers from real threshold shares of a dealt test
 * key: a mutation is rejected with a LitException or the result is still the PKP's signature over
 * the one SIWE every honest node returned.
 */
class SignSessionKeyAnswersFuzzTest {
  private static final String REQ = "lit_fuzz0000003";
  private static final List<String> URLS =
      List.of("https://192.0.2.1:443", "https://192.0.2.2:443", "https://192.0.2.3:443");

  @Test
  void signSessionKeyAnswersAreRejectedOrSignTheReturnedSiweWithThePkp() {
    K256RootKeyShares keys =
        K256KeyDealer.seeded("lit4j fuzz keys".getBytes(StandardCharsets.UTF_8)).deal(2, 3, 3);
    HdKeyId keyId = HdKeyId.fromHex("ab".repeat(32));
    Secp256k1PublicKey pkp = keys.nodeShare(0).derivedPublicKey(keyId);
    SessionKeyPair session = SessionKeyPair.fromSeed(new byte[32]);
    String siwe =
        SiweMessage.builder()
            .domain("litprotocol.com")
            .address(pkp.ethAddress().checksummed())
            .statement("Lit Protocol PKP session signature")
            .uri(session.uri())
            .version("1")
            .chainId(1)
            .nonce("0x" + "cd".repeat(32))
            .issuedAt("2024-06-01T12:00:00.000Z")
            .expirationTime("2024-06-02T12:00:00.000Z")
            .build()
            .prepareMessage();
    byte[] digest = EthHash.personalMessageHash(siwe.getBytes(StandardCharsets.UTF_8));
    SimulatedEcdsaSigner signer =
        new SimulatedEcdsaSigner("lit4j fuzz test network".getBytes(StandardCharsets.UTF_8));
    List<JsonNode> bodies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      EcdsaSignatureShare share =
          signer
              .signShare(keys.nodeShare(i), keyId, digest, REQ, List.of(0, 1, 2), "sessionSig")
              .orElseThrow();
      ObjectNode b = LitJson.mapper().createObjectNode();
      b.putObject("signedData").set("sessionSig", EcdsaShareJson.writeSignSessionKey(share, siwe));
      bodies.add(b);
    }
    AuthSig wallet =
        AuthSig.of(
            "0x" + "11".repeat(65), "web3.eth.personal.sign", "x", pkp.ethAddress().checksummed());
    SignSessionKeyRequest params =
        SignSessionKeyRequest.builder()
            .sessionKey(session)
            .pkpPublicKey(pkp)
            .authSig(wallet)
            .build();
    SignSessionKeyResponse expected = SignSessionKeyProtocol.read(params, responses(bodies), 3);
    assertEquals(siwe, expected.authSig().signedMessage());
    Fuzz.run(
        "SignSessionKeyProtocol.read",
        400,
        Duration.ofSeconds(30),
        seed -> {
          int victim = (int) Math.floorMod(seed, 3L);
          List<JsonNode> copy = new ArrayList<>(bodies);
          copy.set(victim, tree(new JsonMutator(seed).mutate(bodies.get(victim).toString())));
          return copy;
        },
        replies -> {
          SignSessionKeyResponse r = SignSessionKeyProtocol.read(params, responses(replies), 3);
          assertEquals(siwe, r.authSig().signedMessage(), "a mutated SIWE came back signed");
          assertEquals(expected.authSig().sig(), r.authSig().sig());
          assertEquals(pkp, r.pkpPublicKey());
          assertEquals(
              pkp.ethAddress().checksummed(), AuthSigs.recoverSigner(r.authSig()).orElseThrow());
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

  private static NodeResponses responses(List<JsonNode> bodies) {
    Map<String, NodeReply> ok = new LinkedHashMap<>();
    for (int i = 0; i < bodies.size(); i++)
      ok.put(URLS.get(i), new NodeReply(URLS.get(i), 200, bodies.get(i)));
    return new NodeResponses("fuzz", REQ, URLS, ok, Map.of());
  }
}
