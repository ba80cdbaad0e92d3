package io.lit4j.contracts;

import io.lit4j.contracts.internal.CapacityMath;
import io.lit4j.core.errors.LitValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CapacityCreditsContract#mint} buys: a rate in requests per kilosecond and an expiry,
 * given as JS {@code mintCapacityCreditsNFT} takes it.
 *
 * <p>Rates convert as the SDK converts them: per day {@code Math.round(x / 86.4)} (14 400/day →
 * 167), per second {@code Math.round(x * 1000)}, per kilosecond as given. The expiry is the UTC
 * midnight {@code daysUntilUTCMidnightExpiration} days after today (UTC), or an explicit instant
 * ({@link #withExpiresAt}); RateLimitNFT requires a UTC midnight within its maximum (30 days by
 * default) and reverts otherwise.
 */
public final class CapacityCreditsRequest {
  private final long requestsPerKilosecond;
  private final int daysUntilUTCMidnightExpiration;
  private final Instant expiresAt;

  private CapacityCreditsRequest(
      long requestsPerKilosecond, int days, Instant expiresAt, String rateField, Object rate) {
    if (requestsPerKilosecond <= 0) {
      throw new LitValidationException(
          rateField
              + " "
              + rate
              + " gives "
              + requestsPerKilosecond
              + " requests per kilosecond; capacity credits need at least 1 (e.g. 44 requests per day)");
    }
    if (expiresAt == null && days < 1) {
      throw new LitValidationException(
          "daysUntilUTCMidnightExpiration must be at least 1 (0 is today's midnight, already past), got "
              + days);
    }
    this.requestsPerKilosecond = requestsPerKilosecond;
    this.daysUntilUTCMidnightExpiration = days;
    this.expiresAt = expiresAt;
  }

  /**
   * {@return a rate in requests per day, rounded as the SDK does}
   *
   * @param requestsPerDay the rate, in requests per day
   * @param daysUntilUTCMidnightExpiration the credits expire at the UTC midnight this many days
   *     from now
   */
  public static CapacityCreditsRequest perDay(
      double requestsPerDay, int daysUntilUTCMidnightExpiration) {
    checkFinite("requestsPerDay", requestsPerDay);
    return new CapacityCreditsRequest(
        CapacityMath.requestsPerKilosecondFromPerDay(requestsPerDay),
        daysUntilUTCMidnightExpiration,
        null,
        "requestsPerDay",
        requestsPerDay);
  }

  /**
   * {@return a rate in requests per second, rounded as the SDK does}
   *
   * @param requestsPerSecond the rate, in requests per second
   * @param daysUntilUTCMidnightExpiration the credits expire at the UTC midnight this many days
   *     from now
   */
  public static CapacityCreditsRequest perSecond(
      double requestsPerSecond, int daysUntilUTCMidnightExpiration) {
    checkFinite("requestsPerSecond", requestsPerSecond);
    return new CapacityCreditsRequest(
        CapacityMath.requestsPerKilosecondFromPerSecond(requestsPerSecond),
        daysUntilUTCMidnightExpiration,
        null,
        "requestsPerSecond",
        requestsPerSecond);
  }

  /**
   * {@return a rate in requests per kilosecond (1000 = one request per second)}
   *
   * @param requestsPerKilosecond the rate, in requests per 1000 seconds
   * @param daysUntilUTCMidnightExpiration the credits expire at the UTC midnight this many days
   *     from now
   */
  public static CapacityCreditsRequest perKilosecond(
      long requestsPerKilosecond, int daysUntilUTCMidnightExpiration) {
    return new CapacityCreditsRequest(
        requestsPerKilosecond,
        daysUntilUTCMidnightExpiration,
        null,
        "requestsPerKilosecond",
        requestsPerKilosecond);
  }

  /**
   * The same rate with an explicit expiry instead of "midnight in n days". lit4j sends it as is;
   * the contract reverts unless it is a UTC midnight in its allowed window.
   *
   * @param expiresAt the expiry to send
   * @return the same rate with an explicit expiry instead of "midnight in n days"
   */
  public CapacityCreditsRequest withExpiresAt(Instant expiresAt) {
    if (expiresAt == null) throw new LitValidationException("expiresAt must be given");
    return new CapacityCreditsRequest(
        requestsPerKilosecond, 0, expiresAt, "requestsPerKilosecond", requestsPerKilosecond);
  }

  private static void checkFinite(String field, double v) {
    if (!Double.isFinite(v))
      throw new LitValidationException(field + " must be a finite number, got " + v);
  }

  /** {@return the effective rate sent to {@code calculateCost}} */
  public long requestsPerKilosecond() {
    return requestsPerKilosecond;
  }

  /** {@return the explicit expiry, if one was set with {@link #withExpiresAt}} */
  public Optional<Instant> explicitExpiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Days until the UTC midnight the credits expire at (0 when an explicit expiry was set).
   *
   * @return the number of days, or 0
   */
  public int daysUntilUTCMidnightExpiration() {
    return daysUntilUTCMidnightExpiration;
  }

  /**
   * {@return the expiry to send, computed from {@code now} as JS {@code
   * calculateUTCMidnightExpiration} does}
   *
   * @param now the current time
   */
  public Instant expiresAt(Instant now) {
    return expiresAt != null
        ? expiresAt
        : CapacityMath.utcMidnightAfterDays(now, daysUntilUTCMidnightExpiration);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapacityCreditsRequest r
        && requestsPerKilosecond == r.requestsPerKilosecond
        && daysUntilUTCMidnightExpiration == r.daysUntilUTCMidnightExpiration
        && Objects.equals(expiresAt, r.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestsPerKilosecond, daysUntilUTCMidnightExpiration, expiresAt);
  }

  @Override
  public String toString() {
    return "CapacityCreditsRequest[requestsPerKilosecond="
        + requestsPerKilosecond
        + (expiresAt != null
            ? ", expiresAt=" + expiresAt
            : ", daysUntilUTCMidnightExpiration=" + daysUntilUTCMidnightExpiration)
        + "]";
  }
}
