package io.lit4j.localnet.node;

import io.lit4j.localnet.node.ChainReader.Block;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * The chain's latest block as the nodes' handshakes report it ({@code latestBlockhash}, the nonce
 * clients put in their SIWE messages), kept in memory and refreshed in the background, so that a
 * handshake never waits for the chain. A v4 node does the same: its {@code EthBlockhashCache} is
 * refreshed by a background task once per Ethereum block time (12 s) and the handshake reads it
 * (lit-node {@code siwe_db/rpc.rs}, {@code endpoints/web_client.rs}). Here the refresh runs every
 * {@link #DEFAULT_REFRESH_INTERVAL} (anvil mines a block per transaction, so blocks come fast), and
 * a read finds the value stale after {@link #DEFAULT_MAX_AGE} (the refresher starved or failed) and
 * then reads the chain itself. One cache serves every node of a network, so that they all answer
 * the same hash, as real nodes reading the same chain mostly do.
 *
 * <p>The hash is always a block the chain has: nodes check a SIWE nonce by looking the block up.
 */
public final class LatestBlockCache implements AutoCloseable {
  /** How often the background refresh reads the latest block. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(250);

  /** Age after which a read does not trust the cached block and reads the chain. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(LatestBlockCache.class);

  private record Entry(Block block, long readAtNanos) {}

  private final ChainReader chain;
  private final long maxAgeNanos;
  private final ScheduledExecutorService refresher;
  private volatile Entry latest;

  /**
   * Starts a cache of {@code web3j}'s latest block with the default interval and maximum age. The
   * first read happens on the first {@link #latestBlockhash()} or refresh, whichever comes first.
   *
   * @param web3j the chain
   */
  public LatestBlockCache(Web3j web3j) {
    this(web3j, DEFAULT_REFRESH_INTERVAL, DEFAULT_MAX_AGE);
  }

  /**
   * Starts a cache of {@code web3j}'s latest block.
   *
   * @param web3j the chain
   * @param refreshInterval how often the background refresh reads the chain, positive
   * @param maxAge how old a cached block may be before a read goes to the chain itself, positive
   * @throws IllegalArgumentException for a null chain or a non-positive duration
   */
  public LatestBlockCache(Web3j web3j, Duration refreshInterval, Duration maxAge) {
    if (web3j == null) throw new IllegalArgumentException("web3j must not be null");
    if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero())
      throw new IllegalArgumentException("refreshInterval must be positive");
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero())
      throw new IllegalArgumentException("maxAge must be positive");
    this.chain = new ChainReader(web3j, null); // reads blocks only
    this.maxAgeNanos = maxAge.toNanos();
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lit-localnet-latest-block");
              t.setDaemon(true);
              return t;
            });
    long every = refreshInterval.toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, every, TimeUnit.MILLISECONDS);
  }

  /**
   * The hash of the latest block, at most {@link #DEFAULT_MAX_AGE} (or the configured maximum age)
   * behind the chain.
   *
   * @return the block hash, {@code 0x} and 64 hex digits
   * @throws NodeError {@code NodeRpcError} when the cache is stale and the chain cannot be read
   */
  public String latestBlockhash() {
    return latest().hash();
  }

  /** The cached latest block, read from the chain when there is none or it is too old. */
  Block latest() {
    Entry e = latest;
    if (e != null && System.nanoTime() - e.readAtNanos() < maxAgeNanos) return e.block();
    return refresh();
  }

  /** Reads the latest block from the chain and caches it. */
  Block refresh() {
    long readAt = System.nanoTime();
    Block b = chain.latestBlock();
    Entry mine = new Entry(b, readAt);
    synchronized (this) {
      // keep the newer of two concurrent reads
      Entry current = latest;
      if (current == null || current.readAtNanos() - readAt < 0) latest = mine;
    }
    return b;
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.debug("lit-localnet: reading the latest block failed: {}", e.toString());
    }
  }

  /** Stops the background refresh; reads still work (each goes to the chain once stale). */
  @Override
  public void close() {
    refresher.shutdownNow();
  }

  @Override
  public String toString() {
    Entry e = latest;
    return "LatestBlockCache[" + (e == null ? "empty" : e.block().number().toString()) + "]";
  }
}
