package io.lit4j.auth.resources;

import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.constants.LitResourcePrefix;

/**
 * A Lit Action, by IPFS CID ({@code Qm…}) or {@code *}.
 *
 * @param resource the resource id or {@code *}
 */
public record LitActionResource(String resource) implements LitResource {
  /** The wildcard resource {@code lit-litaction://*}. */
  public static final LitActionResource ALL = new LitActionResource(WILDCARD);

  /**
   * @param resource the resource id or {@code *}
   * @throws io.lit4j.core.errors.LitValidationException when the id is missing or empty
   */
  public LitActionResource {
    LitResource.requireResource(resource, "LitActionResource");
  }

  @Override
  public LitResourcePrefix prefix() {
    return LitResourcePrefix.LIT_ACTION;
  }

  @Override
  public boolean isValidLitAbility(LitAbility ability) {
    return ability == LitAbility.LIT_ACTION_EXECUTION;
  }

  @Override
  public String toString() {
    return resourceKey();
  }
}
