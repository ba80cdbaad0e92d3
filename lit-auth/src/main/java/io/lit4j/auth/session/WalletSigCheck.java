package io.lit4j.auth.session;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.auth.siwe.SiweVerifyOptions;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Args;
import java.time.Instant;
import java.util.List;

/**
 * Whether a wallet auth sig can back a session, as JS SDK 4.2.0 {@code checkNeedToResignSessionKey}
 * decides.
 */
public final class WalletSigCheck {
  private WalletSigCheck() {}

  /**
   * True when a new wallet signature is needed: the SIWE signature does not recover its address or
   * is outside its time window at {@code now}, the SIWE {@code uri} is not {@code sessionKeyUri},
   * it has no resources, or the recap in its first resource does not cover every request ({@link
   * RecapObject#verifyCapabilitiesForResource}).
   *
   * @param walletSig the stored wallet signature
   * @param sessionKeyUri the URI of the current session key
   * @param requests what the new session is to do
   * @param now the time to check against
   * @return whether the wallet must sign again
   * @throws io.lit4j.auth.siwe.SiweParseException when {@code signedMessage} is not strict SIWE
   *     (4.2.0 throws here too, e.g. for a non-ASCII statement, instead of asking to re-sign)
   * @throws io.lit4j.auth.recap.RecapException when the first resource is not a valid recap (4.2.0
   *     throws too)
   */
  public static boolean needToResign(
      AuthSig walletSig, String sessionKeyUri, List<ResourceAbilityRequest> requests, Instant now) {
    Args.required(walletSig, "walletSig");
    Args.required(sessionKeyUri, "sessionKeyUri");
    Args.required(requests, "requests");
    Args.required(now, "now");
    SiweMessage siwe = SiweMessage.parse(walletSig.signedMessage());
    try {
      siwe.verify(walletSig.sig(), SiweVerifyOptions.at(now));
    } catch (LitException invalid) {
      return true;
    }
    if (!siwe.uri().equals(sessionKeyUri)) return true;
    List<String> resources = siwe.resources().orElse(List.of());
    if (resources.isEmpty()) return true;
    RecapObject recap = RecapObject.decode(resources.get(0));
    for (ResourceAbilityRequest r : requests) {
      if (!recap.verifyCapabilitiesForResource(r.resource(), r.ability())) return true;
    }
    return false;
  }
}
