package io.lit4j.localnet.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.localnet.chain.Anvil;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

class LatestBlockCacheTest {
  private static Anvil anvil;

  @BeforeAll
  static void startChain() {
    anvil = Anvil.start();
  }

  @AfterAll
  static void stopChain() {
    if (anvil != null) anvil.close();
  }

  private static String chainLatest() throws Exception {
    return anvil
        .web3j()
        .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
        .send()
        .getBlock()
        .getHash();
  }

  @Test
  void theFirstReadIsTheChainsLatestBlock() throws Exception {
    anvil.mine();
    try (LatestBlockCache cache = new LatestBlockCache(anvil.web3j())) {
      assertEquals(chainLatest(), cache.latestBlockhash());
    }
  }

  @Test
  void answersFromMemoryUntilTheBlockIsOlderThanTheMaxAge() throws Exception {
    Duration maxAge = Duration.ofMillis(300);
    // no background refresh within the test: only reads refresh the cache
    try (LatestBlockCache cache =
        new LatestBlockCache(anvil.web3j(), Duration.ofHours(1), Duration.ofHours(1))) {
      String before = cache.latestBlockhash();
      anvil.mine();
      assertEquals(before, cache.latestBlockhash(), "no chain read per call");
      assertNotEquals(before, chainLatest());
    }
    try (LatestBlockCache cache =
        new LatestBlockCache(anvil.web3j(), Duration.ofHours(1), maxAge)) {
      String before = cache.latestBlockhash();
      anvil.mine();
      Thread.sleep(maxAge.toMillis() + 50);
      String after = cache.latestBlockhash();
      assertNotEquals(before, after, "a stale block is read again on demand");
      assertEquals(chainLatest(), after);
    }
  }

  @Test
  void theBackgroundRefreshPicksUpNewBlocks() throws Exception {
    try (LatestBlockCache cache =
        new LatestBlockCache(anvil.web3j(), Duration.ofMillis(50), Duration.ofHours(1))) {
      String before = cache.latestBlockhash();
      anvil.mine();
      String latest = chainLatest();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!cache.latestBlockhash().equals(latest) && System.nanoTime() < deadline)
        Thread.sleep(20);
      assertEquals(latest, cache.latestBlockhash());
      assertNotEquals(before, latest);
    }
  }

  @Test
  void refusesBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new LatestBlockCache(null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LatestBlockCache(anvil.web3j(), Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LatestBlockCache(anvil.web3j(), Duration.ofSeconds(1), Duration.ofMillis(-1)));
  }

  @Test
  void aChainThatIsGoneFailsAsANodeRpcError() {
    Anvil other = Anvil.start();
    LatestBlockCache cache =
        new LatestBlockCache(other.web3j(), Duration.ofHours(1), Duration.ofMillis(1));
    try {
      other.close();
      NodeError e = assertThrows(NodeError.class, cache::latestBlockhash);
      assertEquals(NodeErrorCode.NodeRpcError, e.code());
    } finally {
      cache.close();
    }
  }
}
