package io.lit4j.auth.resources;

import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.constants.LitResourcePrefix;

/**
 * Encrypted data or a condition, by {@code <conditionsHash>/<dataHash>} (decryption), {@code
 * <conditionsHash>} (signing) or {@code *}.
 *
 * @param resource the resource id or {@code *}
 */
public record LitAccessControlConditionResource(String resource) implements LitResource {
  /** The wildcard resource {@code lit-accesscontrolcondition://*}. */
  public static final LitAccessControlConditionResource ALL =
      new LitAccessControlConditionResource(WILDCARD);

  /**
   * @param resource the resource id or {@code *}
   * @throws io.lit4j.core.errors.LitValidationException when the id is missing or empty
   */
  public LitAccessControlConditionResource {
    LitResource.requireResource(resource, "LitAccessControlConditionResource");
  }

  @Override
  public LitResourcePrefix prefix() {
    return LitResourcePrefix.ACCESS_CONTROL_CONDITION;
  }

  @Override
  public boolean isValidLitAbility(LitAbility ability) {
    return ability == LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION
        || ability == LitAbility.ACCESS_CONTROL_CONDITION_SIGNING;
  }

  @Override
  public String toString() {
    return resourceKey();
  }
}
