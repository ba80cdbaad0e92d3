package io.lit4j.core.constants;

import io.lit4j.core.errors.LitValidationException;

/**
 * What a session may do with a Lit resource (JS SDK 4.2.0 {@code LitAbility}), with its wire string
 * (the {@code ability} of a resource-ability request) and the ReCap {@code Namespace/Name} it maps
 * to.
 */
public enum LitAbility {
  /**
   * Decrypt data guarded by access control conditions ({@code
   * access-control-condition-decryption}).
   */
  ACCESS_CONTROL_CONDITION_DECRYPTION(
      "access-control-condition-decryption",
      LitRecapNamespace.THRESHOLD,
      LitRecapAbility.DECRYPTION),
  /** Sign a JWT guarded by access control conditions ({@code access-control-condition-signing}). */
  ACCESS_CONTROL_CONDITION_SIGNING(
      "access-control-condition-signing", LitRecapNamespace.THRESHOLD, LitRecapAbility.SIGNING),
  /** Sign with a PKP ({@code pkp-signing}). */
  PKP_SIGNING("pkp-signing", LitRecapNamespace.THRESHOLD, LitRecapAbility.SIGNING),
  /**
   * Spend capacity credits, i.e. use a rate limit increase NFT ({@code rate-limit-increase-auth}).
   */
  RATE_LIMIT_INCREASE_AUTHENTICATION(
      "rate-limit-increase-auth", LitRecapNamespace.AUTH, LitRecapAbility.AUTH),
  /** Run a Lit Action ({@code lit-action-execution}). */
  LIT_ACTION_EXECUTION(
      "lit-action-execution", LitRecapNamespace.THRESHOLD, LitRecapAbility.EXECUTION);

  private final String wire;
  private final LitRecapNamespace recapNamespace;
  private final LitRecapAbility recapAbility;

  LitAbility(String wire, LitRecapNamespace recapNamespace, LitRecapAbility recapAbility) {
    this.wire = wire;
    this.recapNamespace = recapNamespace;
    this.recapAbility = recapAbility;
  }

  /** {@return the ability as written on the wire, e.g. {@code pkp-signing}} */
  public String wire() {
    return wire;
  }

  /** {@return the ReCap namespace this ability maps to} */
  public LitRecapNamespace recapNamespace() {
    return recapNamespace;
  }

  /** {@return the ReCap ability name this ability maps to} */
  public LitRecapAbility recapAbility() {
    return recapAbility;
  }

  /** {@return the ReCap ability key {@code Namespace/Name}, e.g. {@code Threshold/Signing}} */
  public String recapKey() {
    return recapNamespace.wire() + "/" + recapAbility.wire();
  }

  /**
   * {@return the ability with this wire spelling}
   *
   * @param wire the wire string, e.g. {@code pkp-signing}
   * @throws LitValidationException when no ability is spelled so
   */
  public static LitAbility fromWire(String wire) {
    for (LitAbility a : values()) {
      if (a.wire.equals(wire)) return a;
    }
    throw new LitValidationException(
        "ability '"
            + wire
            + "' is not a Lit ability (access-control-condition-decryption,"
            + " access-control-condition-signing, pkp-signing, rate-limit-increase-auth, lit-action-execution)");
  }

  @Override
  public String toString() {
    return wire;
  }
}
