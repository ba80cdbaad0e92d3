package io.lit4j.localnet.actions;

import io.lit4j.crypto.eth.EthHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where the nodes of one in-JVM network meet during one Lit Action execution: the stand-in for the
 * nodes' peer-to-peer channel behind {@code broadcastAndCollect}, {@code runOnce}, {@code
 * signAndCombineEcdsa} and {@code decryptAndCombine}. A round is keyed by the request id (plus the
 * op's position in the action); every node puts its value and waits, bounded, until all nodes of
 * the network have put theirs.
 */
public final class ActionCoordinator {
  private final ConcurrentHashMap<String, Round> rounds = new ConcurrentHashMap<>();

  private static final class Round {
    final int participants;
    final Map<Integer, String> values = new TreeMap<>();
    int departed;

    Round(int participants) {
      this.participants = participants;
    }
  }

  /**
   * The node that leads {@code runOnce} and {@code decryptToSingleNode} for a request: the same on
   * every node, from keccak256 of the request id.
   *
   * @param requestId the request (correlation) id
   * @param nodeCount the number of nodes in the network
   * @return the 0-based share index of the leader
   */
  public static int leader(String requestId, int nodeCount) {
    if (nodeCount < 1) throw new IllegalArgumentException("nodeCount must be at least 1");
    byte[] h =
        EthHash.keccak256(
            Objects.requireNonNull(requestId, "requestId").getBytes(StandardCharsets.UTF_8));
    long v =
        ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
    return (int) (v % nodeCount);
  }

  /**
   * Puts this node's value into the round {@code key} and waits until all {@code participants}
   * nodes have put theirs.
   *
   * @param key the round: request id and the op's place in the action
   * @param participants how many nodes take part (all nodes of the network)
   * @param index this node's 0-based share index
   * @param value this node's value (may be null: a node that only receives)
   * @param maxWait how long to wait for the other nodes
   * @return every node's value by share index
   * @throws IllegalStateException when not every node arrives within {@code maxWait}
   */
  public Map<Integer, String> exchange(
      String key, int participants, int index, String value, Duration maxWait) {
    Round round = rounds.compute(key, (k, r) -> r == null ? new Round(participants) : r);
    synchronized (round) {
      try {
        if (round.values.containsKey(index)) {
          throw new IllegalStateException("node " + index + " already took part in " + key);
        }
        round.values.put(index, value);
        round.notifyAll();
        long end = System.nanoTime() + maxWait.toNanos();
        while (round.values.size() < round.participants) {
          long left = end - System.nanoTime();
          if (left <= 0) {
            throw new IllegalStateException(
                "only "
                    + round.values.size()
                    + " of "
                    + round.participants
                    + " nodes took part within "
                    + maxWait.toMillis()
                    + " ms (the request must reach every node)");
          }
          TimeUnit.NANOSECONDS.timedWait(round, left);
        }
        return new TreeMap<>(round.values);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the other nodes");
      } finally {
        if (++round.departed == round.values.size()
            && (round.departed == round.participants || round.values.size() < round.participants)) {
          rounds.remove(key, round);
        }
      }
    }
  }

  /** {@return how many rounds are open (for tests: none once an execution is over)} */
  int openRounds() {
    return rounds.size();
  }
}
