package io.lit4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import org.junit.jupiter.api.Test;

@LocalLitNetworkTest(nodes = 3, seed = "docs-capacity-credits", rateLimiting = true)
class CapacityCreditsSampleTest {
  @Test
  void aDelegatedCapacityCreditLetsAUserSignOnARateLimitedNetwork(LocalLitNetwork net) {
    CapacityCreditsSample.Result r = CapacityCreditsSample.run(net);
    assertEquals(10, r.credits().requestsPerKilosecond());
    assertTrue(r.credits().capacityTokenIdValue().signum() > 0);
    assertEquals(r.pkp().ethAddress(), r.signature().recoverAddress());
  }
}
