package io.lit4j.node.e2e;

import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;

/**
 * The end-to-end suite against a started 3-node {@link LocalLitNetwork} (one per class) in the
 * default habanero profile: capacity credits required, strict session check first with the lenient
 * v4 fallback (see {@link StrictAuthLocalNetworkE2eTest} for strict only).
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-node-client-e2e")
class LocalNetworkE2eTest extends LitNodeClientE2eSuite {

  LocalNetworkE2eTest(LocalLitNetwork net) {
    super(new LocalTarget(net));
  }
}
