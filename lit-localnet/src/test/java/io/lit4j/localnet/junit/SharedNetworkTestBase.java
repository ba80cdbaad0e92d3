package io.lit4j.localnet.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.node.NodeFault;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tests of two classes that each declare the same shared network: both get the same instance
 * (whichever runs first starts it), and faults a test leaves behind are gone in the next test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SharedNetworkTestBase {

  @Test
  @Order(1)
  void getsTheSharedNetworkAndLeavesFaultsBehind(LocalLitNetwork network) throws Exception {
    SharedNetworks.record(network);
    SharedNetworks.assertHealthy(network);
    network.node(0).server().setFault(NodeFault.DOWN);
    network.node(1).server().setFault(NodeFault.HTTP_500);
    network.setRateLimiting(false); // the annotation keeps the default, true
  }

  @Test
  @Order(2)
  void theFaultsOfTheEarlierTestWereReset(LocalLitNetwork network) throws Exception {
    SharedNetworks.record(network);
    SharedNetworks.assertHealthy(network);
    assertTrue(
        network.nodes().get(0).rateLimiting(), "rateLimiting is back to the annotation's value");
  }
}
