package io.lit4j.node;

import static io.lit4j.node.FakeLitNodes.BLOCKHASH;
import static io.lit4j.node.FakeLitNodes.BLS_KEY;
import static io.lit4j.node.FakeLitNodes.ROOTS;
import static io.lit4j.node.FakeLitNodes.handshakeBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.attestation.SevSnpCheck;
import io.lit4j.crypto.attestation.SevSnpVerificationException;
import io.lit4j.node.handshake.AttestationVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LitNodeClientAttestationTest {
  private FakeLitNodes nodes;

  @AfterEach
  void tearDown() {
    if (nodes != null) nodes.close();
  }

  /** A handshake whose attestation echoes the challenge the node received (WireMock templating). */
  private void handshakeEchoingChallenge(int i, boolean echo) {
    ObjectNode body = handshakeBody(BLS_KEY, ROOTS, BLOCKHASH);
    ObjectNode att = body.putObject("attestation");
    att.put("type", "AMD_SEV_SNP");
    att.put("noonce", echo ? "{{jsonPath request.body '$.challenge'}}" : "00".repeat(32));
    att.putObject("data");
    att.putArray("signatures");
    att.put("report", "");
    nodes.handshake(
        i,
        WireMock.aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody(LitJson.write(body))
            .withTransformers("response-template"));
  }

  private static LitNodeClientConfig.Builder config(List<String> urls) {
    return LitNodeClientConfig.builder()
        .bootstrapUrls(urls)
        .minNodeCount(2)
        .refreshInterval(Duration.ZERO)
        .checkNodeAttestation(true);
  }

  @Test
  void theVerifierSeesEachNodesOwnChallengeAndAFailingNodeIsDropped() {
    nodes = FakeLitNodes.start(3);
    handshakeEchoingChallenge(0, true);
    handshakeEchoingChallenge(1, true);
    handshakeEchoingChallenge(2, false);
    Map<String, String> seen = new ConcurrentHashMap<>();
    AttestationVerifier echoes =
        (url, challenge, attestation) -> {
          seen.put(url, challenge);
          return attestation.get("noonce").textValue().equals(challenge)
              ? CompletableFuture.completedFuture(null)
              : CompletableFuture.failedFuture(
                  new LitNodeException("noonce does not match the challenge"));
        };

    try (LitNodeClient client =
        LitNodeClient.create(config(nodes.urls()).attestationVerifier(echoes).build())) {
      ConnectionState s = client.connect();

      assertEquals(List.of(nodes.url(0), nodes.url(1)), s.connectedNodes());
      assertEquals(3, seen.size());
      for (String url : s.connectedNodes())
        assertEquals(s.serverKeys().get(url).challenge(), seen.get(url));
    }
  }

  @Test
  void nodesWithoutAttestationAreRejectedWhenItIsRequired() {
    nodes = FakeLitNodes.start(3);
    nodes.allHandshakesOk(); // attestation: null
    try (LitNodeClient client =
        LitNodeClient.create(
            config(nodes.urls())
                .attestationVerifier((u, c, a) -> CompletableFuture.completedFuture(null))
                .build())) {

      LitNodeException e = assertThrows(LitNodeException.class, client::connect);

      assertTrue(
          e.getMessage().contains("Missing attestation in handshake response from"),
          e.getMessage());
      assertEquals("InvalidNodeAttestation", e.errorCode().orElseThrow());
    }
  }

  @Test
  void theDefaultVerifierIsTheSevSnpCheckAndRejectsAReplayedAttestation() throws Exception {
    nodes = FakeLitNodes.start(2);
    JsonNode real =
        io.lit4j.core.vectors.TestVectors.read(
                io.lit4j.core.vectors.TestVectors.committed("sev_snp_attestation.json"))
            .get("attestation");
    for (int i = 0; i < 2; i++) {
      ObjectNode body = handshakeBody(BLS_KEY, ROOTS, BLOCKHASH);
      body.set("attestation", real);
      nodes.handshake(i, FakeLitNodes.json(200, body));
    }
    try (LitNodeClient client = LitNodeClient.create(config(nodes.urls()).build())) {

      LitException e = assertThrows(LitException.class, client::connect);

      assertEquals("InvalidNodeAttestation", e.errorCode().orElseThrow());
      SevSnpVerificationException first = (SevSnpVerificationException) e.getSuppressed()[0];
      assertEquals(
          SevSnpCheck.NOONCE, first.failedCheck(), "a real node report, but for another challenge");
    }
  }
}
