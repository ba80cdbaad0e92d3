package io.lit4j.localnet.junit;

/**
 * One of the two classes declaring the same shared network (their own annotations, equal values);
 * the tests are {@link SharedNetworkTestBase}'s.
 */
@LocalLitNetworkTest(nodes = 2, seed = "lit4j-shared-network", shared = true)
class SharedNetworkSecondTest extends SharedNetworkTestBase {}
