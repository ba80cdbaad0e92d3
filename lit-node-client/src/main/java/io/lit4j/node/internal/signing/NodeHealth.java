package io.lit4j.node.internal.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one client has seen of each node lately, so signing requests can steer their subset away
 * from nodes likely to fail: down or erroring (failed calls), slow (timed out), and suspected of
 * giving bad shares (members of a signing subset whose combined signature did not verify; a node in
 * a later subset that verified is cleared, so elimination across attempts finds the culprit).
 *
 * <p>Failures are remembered for a cool-down that doubles with consecutive failures (from 15 s to 5
 * min); a success clears them. Thread-safe.
 */
public final class NodeHealth {
  static final Duration BASE_COOL_DOWN = Duration.ofSeconds(15);
  static final Duration MAX_COOL_DOWN = Duration.ofMinutes(5);
  static final Duration SUSPICION_MEMORY = Duration.ofMinutes(10);

  /** How a node failed. */
  public enum Failure {
    /** Could not be reached (refused, reset, DNS). */
    DOWN,
    /** Answered with an error or an unreadable answer. */
    ERROR,
    /** Did not answer in time. */
    SLOW
  }

  private final Clock clock;
  private final Map<String, State> nodes = new ConcurrentHashMap<>();

  /** A tracker on the system clock. */
  public NodeHealth() {
    this(Clock.systemUTC());
  }

  /**
   * A tracker on {@code clock}.
   *
   * @param clock the time source
   */
  public NodeHealth(Clock clock) {
    this.clock = clock;
  }

  private static final class State {
    int consecutiveFailures;
    Failure lastFailure;
    Instant failedUntil = Instant.MIN;
    double suspicion;
    Instant suspectedAt = Instant.MIN;
  }

  /**
   * Records a good answer: failures are forgotten.
   *
   * @param url the node
   */
  public void succeeded(String url) {
    State s = nodes.computeIfAbsent(url, u -> new State());
    synchronized (s) {
      s.consecutiveFailures = 0;
      s.lastFailure = null;
      s.failedUntil = Instant.MIN;
    }
  }

  /**
   * Records a failed call.
   *
   * @param url the node
   * @param kind how it failed
   */
  public void failed(String url, Failure kind) {
    State s = nodes.computeIfAbsent(url, u -> new State());
    synchronized (s) {
      s.consecutiveFailures++;
      s.lastFailure = kind;
      long factor = 1L << Math.min(10, s.consecutiveFailures - 1);
      Duration coolDown = BASE_COOL_DOWN.multipliedBy(factor);
      if (coolDown.compareTo(MAX_COOL_DOWN) > 0) coolDown = MAX_COOL_DOWN;
      s.failedUntil = clock.instant().plus(coolDown);
    }
  }

  /**
   * Records that these nodes' shares combined into a signature that did not verify: one of them (at
   * least) sent a bad share. Each gets an equal part of the blame.
   *
   * @param subset the signing subset's nodes
   */
  public void badSubset(Collection<String> subset) {
    if (subset.isEmpty()) return;
    double part = 1.0 / subset.size();
    for (String url : subset) {
      State s = nodes.computeIfAbsent(url, u -> new State());
      synchronized (s) {
        s.suspicion = currentSuspicion(s) + part;
        s.suspectedAt = clock.instant();
      }
    }
  }

  /**
   * Records that these nodes' shares combined into a verified signature: none of them is a suspect.
   *
   * @param subset the signing subset's nodes
   */
  public void goodSubset(Collection<String> subset) {
    for (String url : subset) {
      State s = nodes.get(url);
      if (s == null) continue;
      synchronized (s) {
        s.suspicion = 0;
      }
    }
  }

  /**
   * {@return how strongly to avoid {@code url} in a signing subset}: 0 for a node with nothing
   * against it, at least 1 for one that failed within its cool-down, plus its share suspicion
   *
   * @param url the node
   */
  public double penalty(String url) {
    State s = nodes.get(url);
    if (s == null) return 0;
    synchronized (s) {
      double p = currentSuspicion(s);
      if (clock.instant().isBefore(s.failedUntil)) p += 1 + s.consecutiveFailures;
      return p;
    }
  }

  /**
   * {@return a short description of what is known against {@code url}, for logs and errors}
   *
   * @param url the node
   */
  public String describe(String url) {
    State s = nodes.get(url);
    if (s == null) return "healthy";
    synchronized (s) {
      StringBuilder b = new StringBuilder();
      if (clock.instant().isBefore(s.failedUntil)) {
        b.append(s.lastFailure.name().toLowerCase(java.util.Locale.ROOT))
            .append(" (")
            .append(s.consecutiveFailures)
            .append(" failures)");
      }
      double sus = currentSuspicion(s);
      if (sus > 0)
        b.append(b.length() > 0 ? ", " : "")
            .append(String.format(java.util.Locale.ROOT, "bad-share suspicion %.2f", sus));
      return b.length() == 0 ? "healthy" : b.toString();
    }
  }

  private double currentSuspicion(State s) {
    if (s.suspicion == 0) return 0;
    return clock.instant().isAfter(s.suspectedAt.plus(SUSPICION_MEMORY)) ? 0 : s.suspicion;
  }
}
