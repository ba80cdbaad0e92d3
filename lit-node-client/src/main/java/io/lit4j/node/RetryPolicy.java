package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a request to one node is repeated when it failed in a way that is
 * safe to repeat.
 *
 * <p>Safe means: the request certainly did not reach the node (connection refused, unknown host),
 * or the node refused it before doing any work (HTTP 429 concurrency overload, 503), or the route
 * is idempotent (the handshake) and the failure was transient (timeout, I/O error, 502, 504). Node
 * errors with a Lit error code, rate limiting (402) and Lit Action failures are never repeated:
 * repeating them cannot change the answer. Repeats reuse the request id, so nodes choosing a
 * signing subset from it choose the same one.
 *
 * <p>The wait before repeat {@code n} (1-based) is {@code min(maxBackoff, initialBackoff ·
 * 2^(n-1))}, shortened by a random fraction up to {@code jitter} so that clients do not repeat in
 * lockstep.
 *
 * @param maxAttempts attempts per node including the first (1 = never repeat); the SDK makes 3
 * @param initialBackoff wait before the first repeat; the SDK waits 100 ms
 * @param maxBackoff longest wait between attempts
 * @param jitter fraction in [0, 1] by which each wait may be randomly shortened
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {

  /**
   * @param maxAttempts attempts per node including the first (1 = never repeat); the SDK makes 3
   * @param initialBackoff wait before the first repeat; the SDK waits 100 ms
   * @param maxBackoff longest wait between attempts
   * @param jitter fraction in [0, 1] by which each wait may be randomly shortened
   * @throws LitValidationException if a value is out of range
   */
  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new LitValidationException(
          "retry maxAttempts must be between 1 and 10, got " + maxAttempts);
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new LitValidationException(
          "retry initialBackoff must be zero or positive, got " + initialBackoff);
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new LitValidationException(
          "retry maxBackoff must be at least initialBackoff, got " + maxBackoff);
    }
    if (!(jitter >= 0 && jitter <= 1))
      throw new LitValidationException("retry jitter must be in [0, 1], got " + jitter);
  }

  /** {@return the default: 3 attempts, 100 ms then 200 ms, at most 1 s, up to 50 % jitter} */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5);
  }

  /**
   * Never repeat a request.
   *
   * @return a policy that never repeats
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
  }

  /**
   * {@return the wait before repeat number {@code repeat} (1 = the first repeat)}
   *
   * @param repeat the repeat number, from 1
   * @throws LitValidationException if {@code repeat < 1}
   */
  public Duration backoff(int repeat) {
    if (repeat < 1) throw new LitValidationException("repeat must be at least 1, got " + repeat);
    long base = initialBackoff.toMillis() << Math.min(repeat - 1, 20);
    long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
    double cut = jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(jitter);
    return Duration.ofMillis(Math.round(capped * (1 - cut)));
  }
}
