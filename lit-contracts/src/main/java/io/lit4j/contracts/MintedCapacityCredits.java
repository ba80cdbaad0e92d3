package io.lit4j.contracts;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A minted capacity credits NFT (RateLimitNFT token), as JS {@code mintCapacityCreditsNFT} returns
 * it ({@code capacityTokenIdStr}, {@code rliTxHash}) plus what was paid.
 *
 * @param capacityTokenId the token id in decimal, e.g. {@code "1"} (JS {@code capacityTokenIdStr})
 * @param requestsPerKilosecond the rate asked for (the contract may store slightly more, as it
 *     re-derives the rate from the payment at the mined block's time)
 * @param expiresAt the UTC midnight the credits expire at
 * @param costWei the value paid, from {@code calculateCost}
 * @param transaction the mint transaction (JS {@code rliTxHash} is its hash)
 */
public record MintedCapacityCredits(
    String capacityTokenId,
    long requestsPerKilosecond,
    Instant expiresAt,
    BigInteger costWei,
    ChainTransaction transaction) {
  /**
   * Validates the components.
   *
   * @param capacityTokenId the token id in decimal, e.g. {@code "1"} (JS {@code
   *     capacityTokenIdStr})
   * @param requestsPerKilosecond the rate asked for (the contract may store slightly more, as it
   *     re-derives the rate from the payment at the mined block's time)
   * @param expiresAt the UTC midnight the credits expire at
   * @param costWei the value paid, from {@code calculateCost}
   * @param transaction the mint transaction (JS {@code rliTxHash} is its hash)
   */
  public MintedCapacityCredits {
    if (capacityTokenId == null || !capacityTokenId.matches("[0-9]+")) {
      throw new LitValidationException(
          "capacityTokenId must be a decimal token id, got " + capacityTokenId);
    }
    if (requestsPerKilosecond <= 0)
      throw new LitValidationException("requestsPerKilosecond must be > 0");
    if (expiresAt == null) throw new LitValidationException("expiresAt must be given");
    if (costWei == null || costWei.signum() < 0)
      throw new LitValidationException("costWei must be >= 0");
    if (transaction == null) throw new LitValidationException("transaction must be given");
  }

  /** {@return the token id as a number} */
  public BigInteger capacityTokenIdValue() {
    return new BigInteger(capacityTokenId);
  }
}
