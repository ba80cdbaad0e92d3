package io.lit4j.auth.resources;

import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.constants.LitResourcePrefix;
import io.lit4j.core.errors.LitValidationException;

/**
 * A Lit resource a session asks abilities for: a prefix and a resource id, where {@code *} means
 * every resource of that kind. Its key is {@code <prefix>://<resource>}, e.g. {@code lit-pkp://*}.
 */
public sealed interface LitResource
    permits LitActionResource, LitPKPResource, LitAccessControlConditionResource, LitRLIResource {

  /** The wildcard resource id. */
  String WILDCARD = "*";

  /** {@return the resource prefix} */
  LitResourcePrefix prefix();

  /** {@return the resource id, or {@code *}} */
  String resource();

  /** {@return {@code <prefix>://<resource>}, the key used in ReCap attenuations} */
  default String resourceKey() {
    return prefix().wire() + "://" + resource();
  }

  /**
   * {@return whether {@code ability} applies to this kind of resource (JS SDK {@code
   * isValidLitAbility})}
   *
   * @param ability the ability to check
   */
  boolean isValidLitAbility(LitAbility ability);

  /** {@return true when the resource id is {@code *}} */
  default boolean isWildcard() {
    return WILDCARD.equals(resource());
  }

  /**
   * {@return the resource of {@code prefix} with id {@code resource}}
   *
   * @param prefix the resource kind
   * @param resource the resource id, or {@code *}
   * @throws LitValidationException when the id is missing or empty
   */
  static LitResource of(LitResourcePrefix prefix, String resource) {
    if (prefix == null) throw new LitValidationException("resourcePrefix is missing");
    return switch (prefix) {
      case LIT_ACTION -> new LitActionResource(resource);
      case PKP -> new LitPKPResource(resource);
      case ACCESS_CONTROL_CONDITION -> new LitAccessControlConditionResource(resource);
      case RLI -> new LitRLIResource(resource);
    };
  }

  /**
   * {@return the wildcard resource ({@code *}) of the one kind {@code ability} applies to}: {@link
   * LitPKPResource#ALL} for {@link LitAbility#PKP_SIGNING}, {@link LitActionResource#ALL} for
   * {@link LitAbility#LIT_ACTION_EXECUTION}, {@link LitAccessControlConditionResource#ALL} for the
   * two access-control-condition abilities, {@link LitRLIResource#ALL} for {@link
   * LitAbility#RATE_LIMIT_INCREASE_AUTHENTICATION}.
   *
   * @param ability the ability
   * @throws LitValidationException when {@code ability} is null
   */
  static LitResource allFor(LitAbility ability) {
    if (ability == null) throw new LitValidationException("ability is missing");
    return switch (ability) {
      case PKP_SIGNING -> LitPKPResource.ALL;
      case LIT_ACTION_EXECUTION -> LitActionResource.ALL;
      case ACCESS_CONTROL_CONDITION_DECRYPTION, ACCESS_CONTROL_CONDITION_SIGNING ->
          LitAccessControlConditionResource.ALL;
      case RATE_LIMIT_INCREASE_AUTHENTICATION -> LitRLIResource.ALL;
    };
  }

  /**
   * Parses a resource key {@code <prefix>://<resource>}.
   *
   * @param resourceKey a key such as {@code lit-pkp://*}
   * @return the resource
   * @throws LitValidationException when the key has no {@code ://}, an unknown prefix or an empty
   *     id
   */
  static LitResource parseKey(String resourceKey) {
    if (resourceKey == null) throw new LitValidationException("resource key is missing");
    int i = resourceKey.indexOf("://");
    if (i < 0) {
      throw new LitValidationException(
          "resource key '" + resourceKey + "' is not of the form <prefix>://<resource>");
    }
    return of(
        LitResourcePrefix.fromWire(resourceKey.substring(0, i)), resourceKey.substring(i + 3));
  }

  /**
   * Shared check of the resource id.
   *
   * @param resource the resource id to check
   * @param kind names the resource kind in the error message
   * @return {@code resource}, when it is valid
   */
  static String requireResource(String resource, String kind) {
    if (resource == null || resource.isEmpty()) {
      throw new LitValidationException(kind + " resource is missing: give an id or \"*\"");
    }
    return resource;
  }
}
