package io.lit4j.auth.resources;

import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.constants.LitResourcePrefix;

/**
 * A capacity credit (rate limit increase NFT), by token id or {@code *}.
 *
 * @param resource the resource id or {@code *}
 */
public record LitRLIResource(String resource) implements LitResource {
  /** The wildcard resource {@code lit-ratelimitincrease://*}. */
  public static final LitRLIResource ALL = new LitRLIResource(WILDCARD);

  /**
   * @param resource the resource id or {@code *}
   * @throws io.lit4j.core.errors.LitValidationException when the id is missing or empty
   */
  public LitRLIResource {
    LitResource.requireResource(resource, "LitRLIResource");
  }

  @Override
  public LitResourcePrefix prefix() {
    return LitResourcePrefix.RLI;
  }

  @Override
  public boolean isValidLitAbility(LitAbility ability) {
    return ability == LitAbility.RATE_LIMIT_INCREASE_AUTHENTICATION;
  }

  @Override
  public String toString() {
    return resourceKey();
  }
}
