package io.lit4j.node.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import io.lit4j.localnet.node.NodeFault;
import io.lit4j.localnet.node.SimulatedNode;
import io.lit4j.node.AuthNeededCallback;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.SessionSigsRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Clients opened, used (also against faulty nodes) and closed leave nothing behind: no {@code
 * lit4j-*} or OkHttp thread they made, no open connection to a node, and no connection to the chain
 * RPC piling up client after client.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-leak-check", rateLimiting = false)
class ResourceLeakTest {
  static final int CLIENTS = 12;
  private final LocalLitNetwork net;

  ResourceLeakTest(LocalLitNetwork net) {
    this.net = net;
  }

  private Set<Integer> nodePorts() {
    return net.nodes().stream().map(n -> n.server().port()).collect(Collectors.toSet());
  }

  private void useOnce(int i) {
    LitNodeClientConfig config =
        LitNodeClientConfig.builder()
            .localNetwork(net.rpcUrl(), net.contracts())
            .requestTimeout(Duration.ofSeconds(2))
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    try (LitNodeClient client = LitNodeClient.create(config)) {
      client.connect();
      SessionSigs sigs =
          client.getSessionSigs(
              SessionSigsRequest.builder()
                  .authNeededCallback(
                      AuthNeededCallback.ethWallet(new Web3jEthSigner(net.devAccount(6))))
                  .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
                  .build());
      // one node of three slow past the timeout or failing: the other two (the threshold) answer
      net.nodes()
          .get(i % 3)
          .server()
          .setFault(i % 2 == 0 ? NodeFault.SLOW : NodeFault.HTTP_500, Duration.ofMillis(2500));
      try {
        assertEquals(
            "ok",
            client
                .executeJs(
                    ExecuteJsRequest.builder()
                        .code("Lit.Actions.setResponse({response: 'ok'});")
                        .auth(NodeAuth.sessionSigs(sigs))
                        .build())
                .response());
      } finally {
        for (SimulatedNode n : net.nodes()) n.server().setFault(NodeFault.NONE);
      }
    }
  }

  @Test
  void closedClientsLeaveNoThreadsAndNoConnections() throws Exception {
    Set<String> before = Resources.clientThreads();
    int rpcPort = java.net.URI.create(net.rpcUrl()).getPort();
    useOnce(0); // warm-up: the nodes' own chain connections are opened
    Thread.sleep(3000);
    int rpcBefore = Resources.establishedTo(Set.of(rpcPort));
    for (int i = 1; i <= CLIENTS; i++) useOnce(i);

    Set<String> left =
        Resources.awaitGone(
            () -> {
              Set<String> now = new HashSet<>(Resources.threads(n -> n.startsWith("lit4j-")));
              return now;
            },
            5000);
    assertTrue(left.isEmpty(), "client threads still running after close(): " + left);
    assertEquals(
        0,
        Resources.establishedTo(nodePorts()),
        "connections to the nodes are closed with the client");
    Thread.sleep(3000);
    int rpcAfter = Resources.establishedTo(Set.of(rpcPort));
    Set<String> okhttpNew = new HashSet<>(Resources.clientThreads());
    okhttpNew.removeAll(before);
    System.out.println(
        "leak check: RPC connections "
            + rpcBefore
            + " -> "
            + rpcAfter
            + " after "
            + CLIENTS
            + " clients; OkHttp/lit4j threads new since start: "
            + okhttpNew);
    // OkHttp's one JVM-wide "OkHttp TaskRunner" pool is shared with the nodes' chain clients; any
    // other OkHttp thread would be ours
    assertTrue(
        okhttpNew.stream()
            .noneMatch(n -> n.startsWith("OkHttp") && !n.startsWith("OkHttp TaskRunner")),
        "OkHttp threads left: " + okhttpNew);
    assertTrue(
        rpcAfter - rpcBefore < CLIENTS / 2,
        "connections to the chain RPC grow with every closed client: "
            + rpcBefore
            + " -> "
            + rpcAfter);
  }
}
