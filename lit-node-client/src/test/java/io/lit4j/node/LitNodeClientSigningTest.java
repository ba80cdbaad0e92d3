package io.lit4j.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.lit4j.node.FakeLitNodes.BLOCKHASH;
import static io.lit4j.node.FakeLitNodes.BLS_KEY;
import static io.lit4j.node.FakeLitNodes.handshakeBody;
import static io.lit4j.node.FakeLitNodes.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.crypto.hd.HdKeys;
import io.lit4j.localnet.keys.K256KeyDealer;
import io.lit4j.localnet.keys.K256RootKeyShares;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** pkpSign and executeJs against WireMock nodes that make real threshold ECDSA shares. */
class LitNodeClientSigningTest {
  private static final HdKeyId KEY_ID = HdKeys.computeHDKeyId("0xabc", "lit");

  private FakeLitNodes nodes;
  private LitNodeClient client;
  private K256RootKeyShares keys;
  private SessionSigs sigs;

  @AfterEach
  void tearDown() {
    if (client != null) client.close();
    if (nodes != null) nodes.close();
  }

  /** Three signing nodes with threshold {@code t}, connected. */
  private void network(int t) {
    network(t, -1);
  }

  /** As {@link #network(int)}, node {@code odd} signing with a request id of its own. */
  private void network(int t, int odd) {
    keys =
        K256KeyDealer.seeded("node-client-signing-test".getBytes(StandardCharsets.UTF_8))
            .deal(2, t, 3);
    K256RootKeyShares k = keys;
    nodes = FakeLitNodes.start(3, i -> new Extension[] {new SigningNode(i, k, KEY_ID, i == odd)});
    List<String> roots =
        keys.rootPublicKeys().stream().map(Secp256k1PublicKey::compressedHex).toList();
    for (int i = 0; i < 3; i++) {
      nodes.handshake(i, json(200, handshakeBody(BLS_KEY, roots, BLOCKHASH)));
      nodes.node(i).stubFor(post(urlEqualTo("/web/pkp/sign")).willReturn(json(200, "{}")));
      nodes.node(i).stubFor(post(urlEqualTo("/web/execute")).willReturn(json(200, "{}")));
    }
    client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .minNodeCount(t)
                .refreshInterval(Duration.ZERO)
                .requestTimeout(Duration.ofSeconds(5))
                .build());
    client.connect();
  }

  private Secp256k1PublicKey pkp() {
    return keys.nodeShare(0).derivedPublicKey(KEY_ID);
  }

  /** Real per-node session sigs (ed25519 over each node's JSON) from lit-auth. */
  private NodeAuth sessionSigs() {
    sigs =
        SessionSigs.sign(
            SessionKeyPair.fromSeed(new byte[32]),
            List.of(
                ResourceAbilityRequest.of(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)),
            List.of(
                AuthSig.of(
                    "0x" + "11".repeat(65),
                    AuthSig.DERIVED_VIA_WALLET,
                    "wallet siwe",
                    "0x" + "22".repeat(20))),
            nodes.urls(),
            Clock.systemUTC());
    return NodeAuth.sessionSigs(sigs);
  }

  private static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void pkpSignCombinesTheSigningSubsetsSharesIntoAVerifiedSignature() throws Exception {
    network(2);
    byte[] digest = sha256("hello lit");

    EcdsaSignature sig =
        client.pkpSign(
            PkpSignRequest.builder()
                .toSign(digest)
                .pkpPublicKey(pkp())
                .auth(sessionSigs())
                .build());

    assertTrue(sig.verify());
    assertEquals(pkp(), sig.publicKey());
    assertArrayEquals(digest, sig.dataSigned());
    assertEquals(pkp().ethAddress(), sig.recoverAddress());
    assertTrue(sig.v() == 27 || sig.v() == 28);
  }

  @Test
  void pkpSignSendsTheSdkBodyWithEachNodesOwnSessionSigAndOneRequestId() throws Exception {
    network(2);
    byte[] digest = sha256("body check");
    client.pkpSign(
        PkpSignRequest.builder().toSign(digest).pkpPublicKey(pkp()).auth(sessionSigs()).build());

    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      List<LoggedRequest> reqs = nodes.requests(i, "/web/pkp/sign");
      assertEquals(1, reqs.size());
      ids.add(reqs.get(0).getHeader("X-Request-Id"));
      JsonNode body = LitJson.parse(reqs.get(0).getBodyAsString(), "body");
      assertEquals(List.of("toSign", "pubkey", "authSig", "epochNumber"), fieldNames(body));
      assertEquals(32, body.get("toSign").size());
      assertEquals(digest[0] & 0xff, body.get("toSign").get(0).intValue());
      assertEquals("0x" + pkp().hex(), body.get("pubkey").textValue());
      assertTrue(body.get("pubkey").textValue().startsWith("0x04"));
      assertEquals(
          sigs.forNode(nodes.url(i)).toJson(),
          LitJson.write(body.get("authSig")),
          "each node gets its own session sig");
      assertTrue(
          body.get("authSig")
              .get("signedMessage")
              .textValue()
              .contains("\"nodeAddress\":\"" + nodes.url(i) + "\""));
    }
    assertEquals(1, ids.size(), "one request id for all nodes; the signing subset depends on it");
  }

  @Test
  void pkpSignFailsWithTheNodesErrorWhenANeededNodeRefuses() throws Exception {
    network(3);
    nodes
        .node(1)
        .stubFor(
            post(urlEqualTo("/web/pkp/sign"))
                .willReturn(
                    json(
                        401,
                        "{\"errorKind\":\"Validation\",\"errorCode\":\"NodePKPNotAuthorized\",\"status\":401,\"message\":\"PKP not authorized\","
                            + "\"correlationId\":\"lit_x\",\"details\":[\"auth method not permitted\"]}")));

    LitException e =
        assertThrows(
            LitException.class,
            () ->
                client.pkpSign(
                    PkpSignRequest.builder()
                        .toSign(sha256("x"))
                        .pkpPublicKey(pkp())
                        .auth(sessionSigs())
                        .build()));

    // a refusal is the answer: no retry, and the message says which node refused and why
    assertTrue(
        e.getMessage()
            .startsWith("pkpSign failed: Lit node " + nodes.url(1) + " refused the request"),
        e.getMessage());
    assertTrue(e.getMessage().contains("PKP not authorized"), e.getMessage());
    assertEquals(1, nodes.requests(1, "/web/pkp/sign").size(), "not repeated");
    assertEquals("NodePKPNotAuthorized", e.errorCode().orElseThrow());
    assertEquals(401, e.status());
    assertEquals(List.of(nodes.url(1)), e.nodeUrls());
  }

  @Test
  void pkpSignWithoutASessionSigForAConnectedNodeSendsNothing() throws Exception {
    network(2);
    sessionSigs();
    SessionSigs partial = SessionSigs.of(Map.of(nodes.url(0), sigs.forNode(nodes.url(0))));

    LitValidationException e =
        assertThrows(
            LitValidationException.class,
            () ->
                client.pkpSign(
                    PkpSignRequest.builder()
                        .toSign(sha256("x"))
                        .pkpPublicKey(pkp())
                        .auth(NodeAuth.sessionSigs(partial))
                        .build()));

    assertTrue(e.getMessage().contains("no session sig for node " + nodes.url(1)), e.getMessage());
    for (int i = 0; i < 3; i++) assertEquals(0, nodes.requests(i, "/web/pkp/sign").size());
  }

  @Test
  void pkpSignRefusesADigestThatIsNot32Bytes() {
    assertThrows(
        LitValidationException.class,
        () ->
            PkpSignRequest.builder()
                .toSign(new byte[31])
                .pkpPublicKey(null)
                .auth((NodeAuth) null)
                .build());
  }

  @Test
  void executeJsCombinesTheActionsSignatureAndTakesResponseAndLogsByMajority() throws Exception {
    network(2);
    byte[] digest = sha256("action");
    String code = "const sig = await Lit.Actions.signEcdsa({toSign, publicKey, sigName: 'sig1'});";

    ExecuteJsResponse r =
        client.executeJs(
            ExecuteJsRequest.builder()
                .code(code)
                .jsParam("toSign", digest)
                .jsParam("publicKey", pkp().hex())
                .auth(sessionSigs())
                .build());

    EcdsaSignature sig = r.signatures().get("sig1");
    assertTrue(sig.verify());
    assertEquals(pkp(), sig.publicKey());
    assertArrayEquals(digest, sig.dataSigned());
    assertEquals("{\"signed\":true}", r.response());
    assertTrue(r.responseJson().orElseThrow().get("signed").booleanValue());
    assertEquals("signing\n", r.logs());
    assertEquals(Map.of(), r.claims());

    JsonNode body =
        LitJson.parse(nodes.requests(2, "/web/execute").get(0).getBodyAsString(), "body");
    assertEquals(List.of("authSig", "code", "jsParams", "epochNumber"), fieldNames(body));
    assertEquals(
        code,
        new String(
            Base64.getDecoder().decode(body.get("code").textValue()), StandardCharsets.UTF_8));
    assertEquals(32, body.get("jsParams").get("toSign").size());
  }

  @Test
  void executeJsWithoutSignaturesKeepsAPlainTextResponse() {
    network(2);
    for (int i = 0; i < 3; i++) {
      nodes
          .node(i)
          .stubFor(
              post(urlEqualTo("/web/execute"))
                  .willReturn(
                      json(
                          200,
                          "{\"success\":true,\"signedData\":{},\"decryptedData\":{},\"claimData\":{},\"response\":\"plain text\",\"logs\":\"l\"}")));
    }

    ExecuteJsResponse r =
        client.executeJs(
            ExecuteJsRequest.builder()
                .ipfsId("QmUjX8MW6StQ7NKNdaS6g4RMkvN5hcgtKmEi8Mca6oX4t3")
                .auth(sessionSigs())
                .authMethods(List.of(new AuthMethod(1, "t")))
                .build());

    assertEquals("plain text", r.response());
    assertTrue(r.responseJson().isEmpty());
    assertTrue(r.signatures().isEmpty());
    JsonNode body =
        LitJson.parse(nodes.requests(0, "/web/execute").get(0).getBodyAsString(), "body");
    assertEquals(
        List.of("authSig", "ipfsId", "jsParams", "authMethods", "epochNumber"), fieldNames(body));
    assertEquals(0, body.get("jsParams").size());
    assertEquals(
        "[{\"authMethodType\":1,\"accessToken\":\"t\"}]", LitJson.write(body.get("authMethods")));
  }

  @Test
  void executeJsGathersKeyClaimsWithOneSignaturePerNode() {
    network(2);
    String r = "11".repeat(32);
    String s = "22".repeat(32);
    for (int i = 0; i < 3; i++) {
      String v = i == 0 ? "1b" : "01"; // 27, and 1 which ethers normalises to 28
      nodes
          .node(i)
          .stubFor(
              post(urlEqualTo("/web/execute"))
                  .willReturn(
                      json(
                          200,
                          "{\"success\":true,\"signedData\":{},\"decryptedData\":{},\"claimData\":{\"key\":{\"signature\":\"\\\""
                              + r
                              + s
                              + v
                              + "\\\"\",\"derivedKeyId\":\"\\\"abcd\\\"\"}},\"response\":\"\",\"logs\":\"\"}")));
    }

    ExecuteJsResponse res =
        client.executeJs(
            ExecuteJsRequest.builder()
                .code("Lit.Actions.claimKey({keyId: 'k'})")
                .auth(sessionSigs())
                .build());

    ExecuteJsClaim claim = res.claims().get("key");
    assertEquals("abcd", claim.derivedKeyId());
    assertEquals(3, claim.signatures().size());
    assertEquals(new ExecuteJsClaim.Signature("0x" + r, "0x" + s, 27), claim.signatures().get(0));
    assertEquals(28, claim.signatures().get(1).v());
  }

  @Test
  void aLitActionThatThrowsOnEveryNodeKeepsItsErrorAndLogs() {
    network(2);
    for (int i = 0; i < 3; i++) {
      nodes
          .node(i)
          .stubFor(
              post(urlEqualTo("/web/execute"))
                  .willReturn(
                      json(
                          400,
                          "{\"success\":false,\"error\":\"Uncaught Error: no permission\",\"logs\":\"before throw\\n\"}")));
    }

    LitActionException e =
        assertThrows(
            LitActionException.class,
            () ->
                client.executeJs(
                    ExecuteJsRequest.builder()
                        .code("throw new Error('no permission')")
                        .auth(sessionSigs())
                        .build()));

    assertEquals("Uncaught Error: no permission", e.error());
    assertEquals("before throw\n", e.logs());
    assertTrue(e.getMessage().contains("Lit Action failed on 3 of 3 nodes"), e.getMessage());
    assertTrue(e.requestId().orElseThrow().startsWith("lit_"));
    assertEquals(400, e.status());
  }

  @Test
  void sharesMadeForDifferentRequestIdsDoNotCombine() throws Exception {
    network(3, 0);

    io.lit4j.core.errors.LitCryptoException e =
        assertThrows(
            io.lit4j.core.errors.LitCryptoException.class,
            () ->
                client.pkpSign(
                    PkpSignRequest.builder()
                        .toSign(sha256("z"))
                        .pkpPublicKey(pkp())
                        .auth(sessionSigs())
                        .build()));

    assertTrue(
        e.getMessage().contains("pkpSign: cannot combine the signature from 3 shares of 3 nodes"),
        e.getMessage());
    // at t = n the only subset is every node: one bad combination proves no other can work
    assertTrue(e.getMessage().contains("fewer than 3 nodes give good shares"), e.getMessage());
    assertTrue(e.errorCode().isPresent());
  }

  @Test
  void executeJsExplainsAMissingShareByTheNodeThatFailed() throws Exception {
    network(3);
    // at t = n every node is in the signing subset: one node answering 500 leaves too few shares,
    // and its failure is what the error reports
    nodes
        .node(2)
        .stubFor(
            post(urlEqualTo("/web/execute"))
                .willReturn(aResponse().withStatus(500).withBody("boom")));

    LitNodeException e =
        assertThrows(
            LitNodeException.class,
            () ->
                client.executeJs(
                    ExecuteJsRequest.builder()
                        .code("sign")
                        .jsParam("toSign", sha256("y"))
                        .auth(sessionSigs())
                        .build()));

    assertTrue(
        e.getMessage().contains(nodes.url(2) + ": Lit node " + nodes.url(2) + " answered HTTP 500"),
        e.getMessage());
  }

  @Test
  void signingBeforeConnectIsRefused() {
    LitNodeClient fresh =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(List.of("http://127.0.0.1:1"))
                .minNodeCount(1)
                .build());
    try {
      LitException e =
          assertThrows(
              LitException.class,
              () ->
                  fresh.executeJs(
                      ExecuteJsRequest.builder()
                          .code("1")
                          .auth(NodeAuth.same(LitJson.mapper().createObjectNode()))
                          .build()));
      assertEquals("lit_node_client_not_ready_error", e.errorCode().orElseThrow());
    } finally {
      fresh.close();
    }
  }

  @Test
  void executeJsRequestsNeedCodeOrIpfsIdAndAuth() {
    NodeAuth auth = NodeAuth.same(LitJson.mapper().createObjectNode());
    assertThrows(LitValidationException.class, () -> ExecuteJsRequest.builder().auth(auth).build());
    assertThrows(
        LitValidationException.class,
        () -> ExecuteJsRequest.builder().code("1").ipfsId("Qm").auth(auth).build());
    assertThrows(LitValidationException.class, () -> ExecuteJsRequest.builder().code("1").build());
    assertFalse(ExecuteJsRequest.builder().code("1").auth(auth).build().authMethods().isPresent());
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
