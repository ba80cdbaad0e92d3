package io.lit4j.node.relay;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.errors.LitValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * What to mint through the relay ({@code POST /mint-next-and-add-auth-methods}): the auth methods
 * and their scopes, and the PKP's flags (as 4.2.0's {@code LitAuthClient} sends them: key type 2,
 * the PKP's own address permitted, the NFT sent to the PKP itself).
 *
 * @param authMethods the auth methods to permit (id and, for WebAuthn, the credential key)
 * @param scopes their scopes, in the same order
 * @param addPkpEthAddressAsPermittedAddress whether the PKP's own address is permitted
 * @param sendPkpToItself whether the NFT goes to the PKP's own address
 */
public record RelayMintRequest(
    List<PermittedAuthMethod> authMethods,
    List<List<AuthMethodScope>> scopes,
    boolean addPkpEthAddressAsPermittedAddress,
    boolean sendPkpToItself) {

  /**
   * @param authMethods the auth methods to permit
   * @param scopes their scopes, in the same order
   * @param addPkpEthAddressAsPermittedAddress whether the PKP's own address is permitted
   * @param sendPkpToItself whether the NFT goes to the PKP's own address
   * @throws LitValidationException when there is no auth method or the lists differ in length
   */
  public RelayMintRequest {
    if (authMethods == null || authMethods.isEmpty())
      throw new LitValidationException("a relay mint needs at least one auth method");
    if (scopes == null || scopes.size() != authMethods.size())
      throw new LitValidationException("one scope list per auth method is required");
    authMethods = List.copyOf(authMethods);
    List<List<AuthMethodScope>> copy = new ArrayList<>();
    for (List<AuthMethodScope> s : scopes) copy.add(List.copyOf(s));
    scopes = List.copyOf(copy);
  }

  /**
   * {@return a mint for one auth method as 4.2.0's {@code mintPKPThroughRelay} sends it (scope 1,
   * sign anything), its id computed as {@code getAuthIdByAuthMethod}}
   *
   * @param authMethod the auth method as sent to nodes (not Discord: use {@link
   *     #of(PermittedAuthMethod)})
   */
  public static RelayMintRequest of(AuthMethod authMethod) {
    return of(PermittedAuthMethod.from(authMethod));
  }

  /**
   * {@return a mint for one permitted auth method, scope 1 (sign anything), PKP owning itself}
   *
   * @param authMethod the auth method with its id (and WebAuthn credential key)
   */
  public static RelayMintRequest of(PermittedAuthMethod authMethod) {
    return new RelayMintRequest(
        List.of(authMethod), List.of(List.of(AuthMethodScope.SIGN_ANYTHING)), true, true);
  }
}
