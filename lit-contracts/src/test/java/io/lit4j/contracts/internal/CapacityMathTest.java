package io.lit4j.contracts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Base58;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CapacityMathTest {
  @Test
  void requestsPerDayRoundLikeJsMathRound() {
    assertEquals(167, CapacityMath.requestsPerKilosecondFromPerDay(14_400));
    assertEquals(1, CapacityMath.requestsPerKilosecondFromPerDay(43.2)); // exactly 0.5 rounds up
    assertEquals(0, CapacityMath.requestsPerKilosecondFromPerDay(43.1));
    assertEquals(1000, CapacityMath.requestsPerKilosecondFromPerSecond(1));
    assertEquals(2, CapacityMath.requestsPerKilosecondFromPerSecond(0.0015)); // 1.5 → 2
  }

  @Test
  void midnightIsTodaysUtcDatePlusDaysWhateverTheTimeOfDay() {
    Instant lateEvening = Instant.parse("2026-12-01T23:59:59Z");
    assertEquals(
        Instant.parse("2026-12-02T00:00:00Z"), CapacityMath.utcMidnightAfterDays(lateEvening, 1));
    assertEquals(
        Instant.parse("2026-12-01T00:00:00Z"), CapacityMath.utcMidnightAfterDays(lateEvening, 0));
    Instant atMidnight = Instant.parse("2026-12-02T00:00:00Z");
    assertEquals(
        Instant.parse("2026-12-04T00:00:00Z"), CapacityMath.utcMidnightAfterDays(atMidnight, 2));
    Instant monthEnd = Instant.parse("2027-02-28T12:00:00Z");
    assertEquals(
        Instant.parse("2027-03-01T00:00:00Z"), CapacityMath.utcMidnightAfterDays(monthEnd, 1));
    assertEquals(0, CapacityMath.utcMidnightAfterDays(lateEvening, 7).getEpochSecond() % 86400);
  }

  @Test
  void costMatchesTheContractsMdExampleOfTwoDaysAt167Rpks() {
    long now = Instant.parse("2026-12-02T00:00:00Z").getEpochSecond();
    assertEquals(
        new BigInteger("28857600000"),
        CapacityMath.cost(167, now + 172_800, now, BigInteger.valueOf(1_000_000)));
  }

  @Test
  void costRoundsDownLikeSolidityIntegerDivision() {
    // 1 rpks for 1 s at price 999 wei: 999 / 1000 = 0 in Solidity
    assertEquals(BigInteger.ZERO, CapacityMath.cost(1, 1, 0, BigInteger.valueOf(999)));
    assertEquals(BigInteger.valueOf(3), CapacityMath.cost(7, 1, 0, BigInteger.valueOf(500)));
  }

  @Test
  void base58CidV0DecodesToItsSha256Multihash() {
    assertArrayEquals(
        Hex.decode("1220701d6c731aa7f2690694a1cc797562902bcf8e50db699dfa339ae30a3dbd920e"),
        Base58.decode("QmVtJPozUDGZyKNuz8Zs1fzx8VemTEViCqq8d2T2qUxPZo", "ipfsCid"));
    assertEquals(
        "QmVtJPozUDGZyKNuz8Zs1fzx8VemTEViCqq8d2T2qUxPZo",
        Base58.encode(
            Hex.decode("1220701d6c731aa7f2690694a1cc797562902bcf8e50db699dfa339ae30a3dbd920e")));
    assertArrayEquals(new byte[] {0, 0, 1}, Base58.decode("112", "x"));
  }

  @Test
  void base58RejectsCharactersOutsideItsAlphabet() {
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> Base58.decode("Qm0abc", "ipfsCid"));
    assertEquals(true, e.getMessage().contains("ipfsCid"));
  }
}
