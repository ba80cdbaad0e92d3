package io.lit4j.node;

import static io.lit4j.node.FakeLitNodes.BLOCKHASH;
import static io.lit4j.node.FakeLitNodes.BLS_KEY;
import static io.lit4j.node.FakeLitNodes.ROOTS;
import static io.lit4j.node.FakeLitNodes.handshakeBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionKeySignedMessage;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.node.transport.NodeHttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The client's {@code getSessionSigs} gives, byte for byte, what JS SDK 4.2.0 gives for the same
 * session key, capability, clock and node ({@code ed25519_session_sigs.generated.json}).
 */
class SessionSigsVectorTest {

  /** The committed vectors, and the shared ones beside the clone when present. */
  @Test
  void getSessionSigsReproducesTheSdksSignedMessageAndSignature() throws Exception {
    for (Path copy :
        io.lit4j.core.vectors.TestVectors.copies("ed25519_session_sigs.generated.json")) {
      check(io.lit4j.core.vectors.TestVectors.read(copy));
    }
  }

  private static void check(JsonNode file) throws Exception {
    for (JsonNode c : file.get("cases")) {
      SessionKeySignedMessage expected =
          SessionKeySignedMessage.parse(c.get("signedMessage").asText());
      String node = expected.nodeAddress();
      // a transport that answers the handshake as that node would
      LitNodeClientConfig config =
          LitNodeClientConfig.builder()
              .bootstrapUrls(List.of(node))
              .minNodeCount(1)
              .refreshInterval(Duration.ZERO)
              .transport(
                  r ->
                      CompletableFuture.completedFuture(
                          new NodeHttpResponse(
                              200,
                              "application/json",
                              LitJson.write(handshakeBody(BLS_KEY, ROOTS, BLOCKHASH)))))
              .build();
      try (LitNodeClient client = LitNodeClient.create(config)) {
        client.connect();
        Instant issued = expected.issuedAtInstant();
        AuthSig capability = expected.capabilities().get(0);
        SessionSigs sigs =
            client.getSessionSigs(
                SessionSigsRequest.builder()
                    .sessionKey(
                        SessionKeyPair.fromSeed(Hex.decode(c.get("seedHex").asText(), "seedHex")))
                    .resourceAbilityRequests(expected.resourceAbilityRequests())
                    .authNeededCallback(p -> capability)
                    .expiration(Duration.between(issued, expected.expirationInstant()))
                    .clock(Clock.fixed(issued, ZoneOffset.UTC))
                    .build());
        AuthSig sig = sigs.forNode(node);
        assertEquals(c.get("signedMessage").asText(), sig.signedMessage());
        assertEquals(c.get("sigHex").asText(), sig.sig());
        assertEquals(LitActionResource.ALL, expected.resourceAbilityRequests().get(0).resource());
        assertEquals(
            LitAbility.LIT_ACTION_EXECUTION, expected.resourceAbilityRequests().get(0).ability());
      }
    }
  }
}
