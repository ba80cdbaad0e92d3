package io.lit4j.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.lit4j.node.FakeLitNodes.BLOCKHASH;
import static io.lit4j.node.FakeLitNodes.ROOTS;
import static io.lit4j.node.FakeLitNodes.handshakeBody;
import static io.lit4j.node.FakeLitNodes.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.bls.BlsJwt;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.localnet.keys.BlsDealer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Decryption and JWT signing with three WireMock nodes holding real 2-of-3 BLS key shares: the
 * client needs only {@code minNodeCount} good shares, whatever the other node does.
 */
class LitNodeClientDecryptFaultsTest {
  private static final AccessControlConditions ACC =
      AccessControlConditions.fromJson(
          ConditionKind.ACCESS_CONTROL_CONDITIONS,
          "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\","
              + "\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}]");
  private static final NodeAuth AUTH =
      NodeAuth.authSig(
          AuthSig.of(
              "0x" + "11".repeat(65), AuthSig.DERIVED_VIA_WALLET, "siwe", "0x" + "22".repeat(20)));

  private final BlsKeySet keys =
      BlsDealer.deal(2, 3, "lit4j-decrypt-faults-test-seed".getBytes(StandardCharsets.UTF_8));
  private FakeLitNodes nodes;
  private LitNodeClient client;
  private EncryptResponse encrypted;
  private byte[] identity;

  @BeforeEach
  void connect() {
    nodes = FakeLitNodes.start(3);
    for (int i = 0; i < 3; i++)
      nodes.handshake(i, json(200, handshakeBody(keys.publicKey().toHex(), ROOTS, BLOCKHASH)));
    client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .minNodeCount(2)
                .refreshInterval(Duration.ZERO)
                .requestTimeout(Duration.ofSeconds(3))
                .build());
    client.connect();
    encrypted =
        client.encrypt(EncryptRequest.builder().conditions(ACC).text("threshold secret").build());
    identity = ACC.resource(encrypted.dataToEncryptHash()).identity();
  }

  @AfterEach
  void close() {
    if (client != null) client.close();
    if (nodes != null) nodes.close();
  }

  private static ObjectNode shareAnswer(BlsSignatureShare share, int shareIndex) {
    ObjectNode b = LitJson.mapper().createObjectNode();
    b.put("result", "success");
    b.set("signatureShare", share.toJsonNode());
    b.put("shareIndex", shareIndex);
    return b;
  }

  private void goodShare(int i) {
    nodes
        .node(i)
        .stubFor(
            post(urlEqualTo("/web/encryption/sign"))
                .willReturn(json(200, shareAnswer(keys.shares().get(i).sign(identity), i))));
  }

  /** A share that parses but signs another message. */
  private void wrongShare(int i) {
    nodes
        .node(i)
        .stubFor(
            post(urlEqualTo("/web/encryption/sign"))
                .willReturn(
                    json(
                        200,
                        shareAnswer(
                            keys.shares()
                                .get(i)
                                .sign("something else".getBytes(StandardCharsets.UTF_8)),
                            i))));
  }

  private String decrypt() {
    return client.decryptToString(
        DecryptRequest.builder().conditions(ACC).encrypted(encrypted).auth(AUTH).build());
  }

  @Test
  void decryptSucceedsWithAllThreeGoodShares() {
    for (int i = 0; i < 3; i++) goodShare(i);
    assertEquals("threshold secret", decrypt());
    // the client stops once two shares verify, so the third node's request may have been cancelled
    // before it arrived: read the body from a node that got one
    String body = null;
    for (int i = 0; i < 3 && body == null; i++) {
      var received = nodes.requests(i, "/web/encryption/sign");
      if (!received.isEmpty()) body = received.get(0).getBodyAsString();
    }
    assertNotNull(body, "no node received the decrypt request");
    ObjectNode sent = (ObjectNode) LitJson.parse(body, "body");
    assertEquals(LitJson.parse(ACC.canonicalJson(), "acc"), sent.get("accessControlConditions"));
    assertEquals(encrypted.dataToEncryptHash(), sent.get("dataToEncryptHash").asText());
    assertEquals("ethereum", sent.get("chain").asText());
    assertTrue(sent.has("authSig") && sent.has("epochNumber"));
  }

  @Test
  void decryptSucceedsWhenOneOfThreeNodesSendsAShareThatDoesNotVerify() {
    goodShare(0);
    wrongShare(1);
    goodShare(2);
    assertEquals("threshold secret", decrypt());
  }

  @Test
  void decryptSucceedsWhenOneNodeAnswers500() {
    goodShare(0);
    goodShare(1);
    nodes
        .node(2)
        .stubFor(
            post(urlEqualTo("/web/encryption/sign"))
                .willReturn(
                    json(
                        500,
                        "{\"errorKind\":\"Unexpected\",\"errorCode\":\"NodeUnknownError\",\"status\":500,\"message\":\"boom\"}")));
    assertEquals("threshold secret", decrypt());
  }

  @Test
  void decryptSucceedsWhenOneNodeSendsGarbageJson() {
    nodes
        .node(0)
        .stubFor(
            post(urlEqualTo("/web/encryption/sign"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{not json")));
    goodShare(1);
    goodShare(2);
    assertEquals("threshold secret", decrypt());
  }

  @Test
  void decryptSucceedsWhenOneNodeIsDownAfterConnecting() {
    goodShare(0);
    goodShare(1);
    nodes.node(2).stop();
    assertEquals("threshold secret", decrypt());
  }

  @Test
  void decryptFailsWithNoValidSharesWhenOnlyOneShareIsGood() {
    goodShare(0);
    wrongShare(1);
    wrongShare(2);
    LitException e = assertThrows(LitException.class, this::decrypt);
    assertEquals("NoValidShares", e.errorCode().orElse(""), e.getMessage());
  }

  @Test
  void decryptFailsNamingTheNodesWhenTooFewAnswer() {
    goodShare(0);
    for (int i = 1; i < 3; i++) {
      nodes
          .node(i)
          .stubFor(
              post(urlEqualTo("/web/encryption/sign"))
                  .willReturn(
                      json(
                          401,
                          "{\"errorKind\":\"Validation\",\"errorCode\":\"NodeAccessControlConditionsReturnedNotAuthorized\",\"status\":401,\"message\":\"not authorized\"}")));
    }
    LitNodeException e = assertThrows(LitNodeException.class, this::decrypt);
    assertEquals("NodeAccessControlConditionsReturnedNotAuthorized", e.errorCode().orElse(""));
    assertTrue(
        e.getMessage().contains(nodes.url(1)) && e.getMessage().contains(nodes.url(2)),
        e.getMessage());
  }

  @Test
  void getSignedTokenLeavesOutAWrongShareAndVerifiesTheJwt() {
    String unsigned =
        BlsJwt.unsignedJwt(
            "{\"iss\":\"LIT\",\"sub\":\"0xabc\",\"chain\":\"ethereum\",\"iat\":1,\"exp\":2}");
    byte[] msg = BlsJwt.signingInput(unsigned);
    for (int i = 0; i < 3; i++) {
      BlsSignatureShare s =
          keys.shares().get(i).sign(i == 0 ? "wrong".getBytes(StandardCharsets.UTF_8) : msg);
      ObjectNode answer = shareAnswer(s, i);
      answer.put("unsignedJwt", unsigned);
      nodes
          .node(i)
          .stubFor(
              post(urlEqualTo("/web/signing/access_control_condition"))
                  .willReturn(json(200, answer)));
    }
    SignedToken token =
        client.getSignedToken(
            SignedTokenRequest.builder().conditions(ACC).chain("ethereum").auth(AUTH).build());
    assertTrue(token.jwt().startsWith(unsigned + "."));
    assertEquals("0xabc", token.subject());
    BlsJwt.verify(token.jwt(), keys.publicKey());
  }

  @Test
  void decryptDoesNotWaitForANodeThatNeverAnswersOnceTwoSharesVerify() throws Exception {
    for (int i = 0; i < 3; i++) goodShare(i);
    String stuck = nodes.url(2);
    java.util.concurrent.atomic.AtomicBoolean cancelled =
        new java.util.concurrent.atomic.AtomicBoolean();
    try (io.lit4j.node.transport.OkHttpNodeTransport http =
        io.lit4j.node.transport.OkHttpNodeTransport.create()) {
      io.lit4j.node.transport.NodeTransport hanging =
          r -> {
            if (!r.url().equals(stuck + "/web/encryption/sign")) return http.post(r);
            java.util.concurrent.CompletableFuture<io.lit4j.node.transport.NodeHttpResponse> never =
                new java.util.concurrent.CompletableFuture<>();
            never.whenComplete((v, e) -> cancelled.set(never.isCancelled()));
            return never;
          };
      try (LitNodeClient patient =
          LitNodeClient.create(
              LitNodeClientConfig.builder()
                  .bootstrapUrls(nodes.urls())
                  .minNodeCount(2)
                  .refreshInterval(Duration.ZERO)
                  .requestTimeout(Duration.ofMinutes(10))
                  .transport(hanging)
                  .build())) {
        patient.connect();
        // the stuck node's call would last 10 minutes; the result must not depend on it
        String plain =
            patient
                .decryptToStringAsync(
                    DecryptRequest.builder()
                        .conditions(ACC)
                        .encrypted(encrypted)
                        .auth(AUTH)
                        .build())
                .get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("threshold secret", plain);
        // the open call is cancelled right after the result is complete, possibly on another thread
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!cancelled.get() && System.nanoTime() < until) Thread.sleep(10);
        assertTrue(cancelled.get(), "the call to the node that never answered is cancelled");
      }
    }
  }
}
