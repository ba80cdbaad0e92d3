package io.lit4j.node.e2e;

import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;

/**
 * The end-to-end suite against a local network in the habanero profile with the lenient v4
 * session-sig fallback switched off: every session sig the client makes must pass the nodes' strict
 * check (signature, resources, times, node address, capability ReCaps), and every request passes
 * only because the sessions carry the capacity delegations the suite mints and signs.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-node-client-e2e-strict", strictAuthOnly = true)
class StrictAuthLocalNetworkE2eTest extends LitNodeClientE2eSuite {

  StrictAuthLocalNetworkE2eTest(LocalLitNetwork net) {
    super(new LocalTarget(net));
  }
}
