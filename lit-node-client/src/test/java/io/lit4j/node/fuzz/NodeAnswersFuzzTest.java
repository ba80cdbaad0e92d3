package io.lit4j.node.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.fuzz.Fuzz;
import io.lit4j.core.fuzz.JsonMutator;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.attestation.VcekProvider;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.node.ExecuteJsResponse;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.handshake.NodeHandshake;
import io.lit4j.node.handshake.SevSnpAttestationVerifier;
import io.lit4j.node.internal.execute.ExecuteJsProtocol;
import io.lit4j.node.internal.handshake.HandshakeConsensus;
import io.lit4j.node.internal.handshake.HandshakeProtocol;
import io.lit4j.node.internal.pkp.PkpSignProtocol;
import io.lit4j.node.internal.request.NodeAnswers;
import io.lit4j.node.transport.NodeHttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized bad node answers through the node client's readers (HTTP answer → reply or error,
 * handshake, handshake consensus, attestation, pkp/sign and execute combining): only a LitException
 * may escape, nothing may hang, and a mutated share never yields a wrong signature.
 */
class NodeAnswersFuzzTest {
  private static final int N = 600;
  private static final String REQ = "lit_fuzz0000001";
  private static final List<String> URLS =
      List.of("https://192.0.2.1:443", "https://192.0.2.2:443", "https://192.0.2.3:443");
  private static final JsonNode ECDSA =
      Fuzz.vector("ecdsa_k256_node_shaped.generated.json").get("cases").get(0);
  private static final String CHALLENGE = "ab".repeat(32);

  static String handshakeBody() {
    return "{\"serverPublicKey\":\""
        + "0a".repeat(32)
        + "\",\"subnetPublicKey\":\""
        + "8f".repeat(48)
        + "\","
        + "\"networkPublicKey\":\""
        + "8f".repeat(48)
        + "\",\"networkPublicKeySet\":\""
        + "8f".repeat(48)
        + "\","
        + "\"hdRootPubkeys\":[\"02"
        + "1b".repeat(32)
        + "\",\"03"
        + "2c".repeat(32)
        + "\"],"
        + "\"latestBlockhash\":\"0x"
        + "3d".repeat(32)
        + "\",\"attestation\":null}";
  }

  private static final String NODE_ERROR =
      "{\"errorKind\":\"Validation\",\"errorCode\":\"NodeInvalidAuthSig\",\"status\":401,"
          + "\"message\":\"Invalid auth sig\",\"correlationId\":\"lit_abc\",\"details\":[\"signature does not verify\"]}";
  private static final String ACTION_ERROR =
      "{\"success\":false,\"error\":\"Error: boom\",\"logs\":\"line 1\\n\"}";

  @Test
  void httpAnswersBecomeExactlyAReplyOrATypedErrorNamingTheNode() {
    int[] statuses = {200, 200, 201, 400, 401, 403, 404, 413, 429, 500, 502, 503};
    String[] types = {
      "application/json",
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "text/html",
      "",
      "text/plain"
    };
    String[] seeds = {handshakeBody(), NODE_ERROR, ACTION_ERROR};
    Fuzz.run(
        "NodeAnswers.read",
        N,
        seed -> {
          Random r = new Random(seed);
          return new NodeHttpResponse(
              statuses[r.nextInt(statuses.length)],
              types[r.nextInt(types.length)],
              new JsonMutator(seed).mutate(seeds[r.nextInt(seeds.length)]));
        },
        resp -> {
          NodeAnswers.Result res = NodeAnswers.read(URLS.get(0), REQ, resp);
          assertTrue(
              (res.reply() == null) != (res.error() == null), "exactly one of reply and error");
          if (res.error() != null) {
            LitException e = res.error();
            assertTrue(e.getMessage().contains(URLS.get(0)), e.getMessage());
            assertEquals(Optional.of(REQ), e.requestId());
            // the message is bounded however much a node sends (the fields and details keep it all)
            assertTrue(
                e.getMessage().length() <= 4_000,
                "error message of "
                    + e.getMessage().length()
                    + " chars for a body of "
                    + resp.body().length());
          } else {
            assertTrue(resp.isSuccessful() && resp.isJson());
          }
        });
  }

  @Test
  void handshakesAreRejectedOrReadAsHexAndConsensusDecides() {
    String valid = handshakeBody();
    NodeHandshake good =
        HandshakeProtocol.read(
            new NodeReply(URLS.get(1), 200, LitJson.parse(valid, "b")), CHALLENGE, REQ);
    NodeHandshake good2 =
        HandshakeProtocol.read(
            new NodeReply(URLS.get(2), 200, LitJson.parse(valid, "b")), CHALLENGE, REQ);
    Fuzz.tree(
        "HandshakeProtocol.read+HandshakeConsensus.decide",
        valid,
        2 * N,
        body -> {
          NodeHandshake h =
              HandshakeProtocol.read(
                  new NodeReply(
                      URLS.get(0), 200, body == null ? LitJson.mapper().nullNode() : body),
                  CHALLENGE,
                  REQ);
          assertTrue(h.networkPublicKey().matches("([0-9a-f]{2})+"));
          assertTrue(h.latestBlockhash().matches("0x[0-9a-fA-F]{64}"));
          h.hdRootPubkeys().forEach(k -> assertTrue(k.matches("([0-9a-f]{2})+")));
          HandshakeConsensus.Outcome o = HandshakeConsensus.decide(List.of(h, good, good2), REQ);
          assertTrue(o.agreeing().size() >= 2, "two of three agreeing nodes must win");
          assertNotNull(HandshakeConsensus.latestBlockhash(o.agreeing()));
        });
  }

  @Test
  void handshakeAttestationsAreRejectedWithATypedError() {
    JsonNode sev = Fuzz.vector("sev_snp_attestation.json");
    byte[] vcek = Base64.getDecoder().decode(sev.get("vcekDerBase64").textValue());
    VcekProvider provider = (url, report) -> Optional.of(vcek.clone());
    SevSnpAttestationVerifier verifier = new SevSnpAttestationVerifier(provider, Runnable::run);
    String challenge = sev.get("challengeHex").textValue();
    Fuzz.tree(
        "SevSnpAttestationVerifier.check",
        sev.get("attestation").toString(),
        200,
        a ->
            // the vector has no EXTERNAL_ADDR, so even the valid one fails: only the error type is
            // checked
            verifier.check(
                "https://1.2.3.4:443", challenge, a == null ? LitJson.mapper().nullNode() : a));
  }

  // ---- pkp/sign ----

  @Test
  void pkpSignAnswersAreRejectedOrCombineIntoTheRequestedSignature() {
    List<JsonNode> bodies = new ArrayList<>();
    ECDSA.get("pkpSignNodeResponses").forEach(bodies::add);
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    bodies.forEach(
        b -> shares.add(EcdsaShareJson.parsePkpSign(b.get("signatureShare")).orElseThrow()));
    PkpSignRequest request =
        PkpSignRequest.builder()
            .toSign(shares.get(0).dataSigned())
            .pkpPublicKey(shares.get(0).publicKey())
            .auth(url -> LitJson.mapper().createObjectNode())
            .build();
    EcdsaSignature expected = PkpSignProtocol.read(request, responses(bodies), bodies.size());
    Fuzz.run(
        "PkpSignProtocol.read",
        N,
        Duration.ofSeconds(30),
        seed -> {
          int victim = (int) Math.floorMod(seed, 3L);
          List<JsonNode> copy = new ArrayList<>(bodies);
          copy.set(victim, tree(new JsonMutator(seed).mutate(bodies.get(victim).toString())));
          return copy;
        },
        replies -> {
          EcdsaSignature sig = PkpSignProtocol.read(request, responses(replies), replies.size());
          assertEquals(expected.r(), sig.r());
          assertEquals(expected.s(), sig.s());
          assertEquals(expected.recid(), sig.recid());
        });
  }

  // ---- execute ----

  @Test
  void executeAnswersAreRejectedOrCombineIntoTheRightSignatureAndClaims() {
    List<JsonNode> bodies = new ArrayList<>();
    for (JsonNode pkp : ECDSA.get("pkpSignNodeResponses")) {
      ObjectNode b = LitJson.mapper().createObjectNode();
      b.put("success", true);
      b.putObject("signedData")
          .set(
              "sig1",
              EcdsaShareJson.writeExecute(
                  EcdsaShareJson.parsePkpSign(pkp.get("signatureShare")).orElseThrow()));
      b.putObject("decryptedData");
      ObjectNode claim = b.putObject("claimData").putObject("claim-1");
      claim.put("derivedKeyId", "\"" + "5e".repeat(32) + "\"");
      claim.put("signature", "0x" + "11".repeat(32) + "22".repeat(32) + "1b");
      b.put("response", "{\"signed\":true}");
      b.put("logs", "signing\n");
      bodies.add(b);
    }
    ExecuteJsResponse expected = ExecuteJsProtocol.read(responses(bodies), bodies.size());
    EcdsaSignature sig1 = expected.signatures().get("sig1");
    Fuzz.run(
        "ExecuteJsProtocol.read",
        N / 2,
        Duration.ofSeconds(30),
        seed -> {
          int victim = (int) Math.floorMod(seed, 3L);
          List<JsonNode> copy = new ArrayList<>(bodies);
          copy.set(victim, tree(new JsonMutator(seed).mutate(bodies.get(victim).toString())));
          return copy;
        },
        replies -> {
          ExecuteJsResponse r = ExecuteJsProtocol.read(responses(replies), replies.size());
          EcdsaSignature s = r.signatures().get("sig1");
          if (s != null) {
            assertEquals(sig1.r(), s.r());
            assertEquals(sig1.s(), s.s());
            assertArrayEquals(sig1.dataSigned(), s.dataSigned());
          }
          r.claims()
              .values()
              .forEach(c -> c.signatures().forEach(cs -> assertTrue(cs.v() == 27 || cs.v() == 28)));
        });
  }

  private static JsonNode tree(String text) {
    try {
      JsonNode n = LitJson.mapper().readTree(text);
      return n == null || n.isMissingNode() ? LitJson.mapper().nullNode() : n;
    } catch (Exception e) {
      return LitJson.mapper()
          .getNodeFactory()
          .textNode(text); // not JSON: what NodeAnswers would have rejected
    }
  }

  private static NodeResponses responses(List<JsonNode> bodies) {
    Map<String, NodeReply> ok = new LinkedHashMap<>();
    for (int i = 0; i < bodies.size(); i++)
      ok.put(URLS.get(i), new NodeReply(URLS.get(i), 200, bodies.get(i)));
    return new NodeResponses("fuzz", REQ, URLS, ok, Map.of());
  }

  static {
    Hex.encode(new byte[0]);
    Secp256k1PublicKey.class.getName();
  }
}
