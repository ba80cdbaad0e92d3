package io.lit4j.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapacityCreditsRequestTest {
  private static final Instant NOW = Instant.parse("2026-12-01T21:51:29Z");

  @Test
  void perDayConvertsToRequestsPerKilosecondAsTheSdkDoes() {
    assertEquals(167, CapacityCreditsRequest.perDay(14_400, 2).requestsPerKilosecond());
    assertEquals(1000, CapacityCreditsRequest.perSecond(1, 1).requestsPerKilosecond());
    assertEquals(10, CapacityCreditsRequest.perKilosecond(10, 1).requestsPerKilosecond());
  }

  @Test
  void expiryIsTheUtcMidnightThatManyDaysAhead() {
    assertEquals(
        Instant.parse("2026-12-03T00:00:00Z"),
        CapacityCreditsRequest.perDay(14_400, 2).expiresAt(NOW));
    assertEquals(
        Instant.parse("2026-12-02T00:00:00Z"),
        CapacityCreditsRequest.perKilosecond(1, 1).expiresAt(NOW));
  }

  @Test
  void anExplicitExpiryIsSentAsGiven() {
    Instant odd = Instant.parse("2026-12-02T12:00:00Z");
    CapacityCreditsRequest r = CapacityCreditsRequest.perKilosecond(5, 1).withExpiresAt(odd);
    assertEquals(odd, r.expiresAt(NOW));
    assertEquals(Optional.of(odd), r.explicitExpiresAt());
    assertEquals(5, r.requestsPerKilosecond());
  }

  @Test
  void aRateThatRoundsToZeroIsRejectedWithTheFieldName() {
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> CapacityCreditsRequest.perDay(43, 1));
    assertTrue(e.getMessage().contains("requestsPerDay"), e.getMessage());
    assertThrows(LitValidationException.class, () -> CapacityCreditsRequest.perKilosecond(0, 1));
    assertThrows(
        LitValidationException.class, () -> CapacityCreditsRequest.perSecond(Double.NaN, 1));
  }

  @Test
  void zeroDaysIsRejectedBecauseTodaysMidnightHasPassed() {
    LitValidationException e =
        assertThrows(
            LitValidationException.class, () -> CapacityCreditsRequest.perKilosecond(1, 0));
    assertTrue(e.getMessage().contains("daysUntilUTCMidnightExpiration"), e.getMessage());
  }
}
