package io.lit4j.node;

import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.core.errors.LitValidationException;
import java.util.List;

/**
 * What {@code getSessionSigs} passes to an {@link AuthNeededCallback} (the JS SDK's {@code
 * AuthCallbackParams}): everything needed to build and sign the SIWE that delegates to the session
 * key.
 *
 * <p>Unlike JS SDK 4.2.0, which passes an empty ReCap, {@code statement} and {@code resources} hold
 * a ReCap built from {@code resourceAbilityRequests}, so a SIWE made from them passes the nodes'
 * strict check.
 *
 * @param chain the chain name, e.g. {@code ethereum}
 * @param statement the ReCap statement to put in the SIWE
 * @param resources the SIWE resources ({@code urn:recap:…})
 * @param switchChain whether a wallet should switch to {@code chain}
 * @param expiration when the wallet signature should expire (ISO-8601)
 * @param uri the session key URI, {@code lit:session:<pubkey>}: the SIWE {@code uri}
 * @param nonce the network's latest block hash: the SIWE {@code nonce}
 * @param resourceAbilityRequests what the session asks for
 */
public record AuthCallbackParams(
    String chain,
    String statement,
    List<String> resources,
    boolean switchChain,
    String expiration,
    String uri,
    String nonce,
    List<ResourceAbilityRequest> resourceAbilityRequests) {

  /**
   * @param chain the chain name, e.g. {@code ethereum}
   * @param statement the ReCap statement to put in the SIWE
   * @param resources the SIWE resources ({@code urn:recap:…})
   * @param switchChain whether a wallet should switch to {@code chain}
   * @param expiration when the wallet signature should expire (ISO-8601)
   * @param uri the session key URI, {@code lit:session:<pubkey>}: the SIWE {@code uri}
   * @param nonce the network's latest block hash: the SIWE {@code nonce}
   * @param resourceAbilityRequests what the session asks for
   * @throws LitValidationException naming a missing field
   */
  public AuthCallbackParams {
    require(chain, "chain");
    require(statement, "statement");
    require(expiration, "expiration");
    require(uri, "uri");
    require(nonce, "nonce");
    if (resources == null) throw new LitValidationException("resources is missing");
    if (resourceAbilityRequests == null)
      throw new LitValidationException("resourceAbilityRequests is missing");
    resources = List.copyOf(resources);
    resourceAbilityRequests = List.copyOf(resourceAbilityRequests);
  }

  private static void require(String v, String field) {
    if (v == null) throw new LitValidationException(field + " is missing");
  }
}
