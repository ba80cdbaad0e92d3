package io.lit4j.node.e2e;

import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;

/**
 * The end-to-end suite against a local network that requires capacity credits (the habanero
 * profile): every request passes only because the sessions carry the capacity delegations the
 * suite mints and signs.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-node-client-e2e-rate-limited", rateLimiting = true)
class RateLimitedLocalNetworkE2eTest extends LitNodeClientE2eSuite {

  RateLimitedLocalNetworkE2eTest(LocalLitNetwork net) {
    super(new LocalTarget(net));
  }
}
