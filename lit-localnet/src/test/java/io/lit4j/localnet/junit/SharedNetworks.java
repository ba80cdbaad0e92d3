package io.lit4j.localnet.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.node.NodeFault;
import io.lit4j.localnet.node.SimulatedNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the shared-network test classes saw, across classes of this JVM. */
final class SharedNetworks {
  /**
   * The networks injected into {@code shared = true} classes with the same configuration
   * (identity).
   */
  static final Set<LocalLitNetwork> SEEN = ConcurrentHashMap.newKeySet();

  private SharedNetworks() {}

  /** Records the network and checks it is the one every other shared class got. */
  static void record(LocalLitNetwork network) {
    SEEN.add(network);
    assertEquals(
        1, SEEN.size(), "every shared class with the same configuration gets the same network");
    assertSame(SEEN.iterator().next(), network);
  }

  /** Every node is healthy and answers a handshake with 200. */
  static void assertHealthy(LocalLitNetwork network) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (SimulatedNode node : network.nodes()) {
      assertEquals(NodeFault.NONE, node.server().fault(), node.url() + " was reset to NONE");
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(node.url() + "/web/handshake"))
              .header("Content-Type", "application/json")
              .header("X-Request-Id", "lit_shared")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"clientPublicKey\":\"test\",\"challenge\":\"" + "ab".repeat(32) + "\"}"))
              .build();
      assertEquals(
          200, http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode(), node.url());
    }
  }
}
