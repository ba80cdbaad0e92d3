package io.lit4j.auth.resources;

import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.constants.LitResourcePrefix;

/**
 * A PKP, by token id (lowercase hex without 0x, as the node compares it) or {@code *}.
 *
 * @param resource the resource id or {@code *}
 */
public record LitPKPResource(String resource) implements LitResource {
  /** The wildcard resource {@code lit-pkp://*}. */
  public static final LitPKPResource ALL = new LitPKPResource(WILDCARD);

  /**
   * @param resource the resource id or {@code *}
   * @throws io.lit4j.core.errors.LitValidationException when the id is missing or empty
   */
  public LitPKPResource {
    LitResource.requireResource(resource, "LitPKPResource");
  }

  @Override
  public LitResourcePrefix prefix() {
    return LitResourcePrefix.PKP;
  }

  @Override
  public boolean isValidLitAbility(LitAbility ability) {
    return ability == LitAbility.PKP_SIGNING;
  }

  @Override
  public String toString() {
    return resourceKey();
  }
}
