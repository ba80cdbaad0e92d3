package io.lit4j.contracts.internal;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The arithmetic of capacity credits as contracts-sdk v4 and RateLimitNFT do it. */
public final class CapacityMath {
  private static final BigInteger THOUSAND = BigInteger.valueOf(1000);

  private CapacityMath() {}

  /**
   * {@return {@code Math.round(requestsPerDay / 86.4)}: 14 400/day → 167 requests per kilosecond}
   *
   * @param requestsPerDay the rate, in requests per day
   */
  public static long requestsPerKilosecondFromPerDay(double requestsPerDay) {
    return Math.round(requestsPerDay / 86.4);
  }

  /**
   * {@return {@code Math.round(requestsPerSecond * 1000)}}
   *
   * @param requestsPerSecond the rate, in requests per second
   */
  public static long requestsPerKilosecondFromPerSecond(double requestsPerSecond) {
    return Math.round(requestsPerSecond * 1000);
  }

  /**
   * {@code calculateUTCMidnightExpiration(days)}: today's date in UTC at 00:00:00 UTC plus {@code
   * days} days, independent of the local time zone.
   *
   * @param now the current time
   * @param days how many days ahead
   * @return that UTC midnight
   */
  public static Instant utcMidnightAfterDays(Instant now, int days) {
    if (days < 0)
      throw new LitValidationException("daysUntilUTCMidnightExpiration must be >= 0, got " + days);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return today.plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * RateLimitNFT {@code calculateCost}: {@code rpks * (expiresAt - now) * price / 1000}, integer
   * division.
   *
   * @param requestsPerKilosecond the rate, in requests per 1000 seconds
   * @param expiresAt expiry, Unix seconds
   * @param now current time, Unix seconds
   * @param pricePerKilosecondRequest the contract's price per request per kilosecond, in wei
   * @return the cost in wei
   */
  public static BigInteger cost(
      long requestsPerKilosecond, long expiresAt, long now, BigInteger pricePerKilosecondRequest) {
    return BigInteger.valueOf(requestsPerKilosecond)
        .multiply(BigInteger.valueOf(expiresAt - now))
        .multiply(pricePerKilosecondRequest)
        .divide(THOUSAND);
  }
}
