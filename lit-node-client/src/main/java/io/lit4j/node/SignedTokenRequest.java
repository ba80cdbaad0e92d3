package io.lit4j.node;

import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.node.NodeAuth;

/**
 * What {@code getSignedToken} needs: the conditions the nodes check, the chain, and the auth sig
 * per node (session sigs with {@code access-control-condition-signing}). The token is issued now
 * and valid for 12 hours, as in the SDK.
 *
 * @param conditions the access control conditions
 * @param chain chain name, e.g. {@code ethereum}
 * @param auth the auth sig per node
 */
public record SignedTokenRequest(AccessControlConditions conditions, String chain, NodeAuth auth) {
  /**
   * @param conditions the access control conditions
   * @param chain chain name, e.g. {@code ethereum}
   * @param auth the auth sig per node
   * @throws LitValidationException naming a missing part
   */
  public SignedTokenRequest {
    if (conditions == null) throw new LitValidationException("conditions are missing");
    if (chain == null || chain.isEmpty()) throw new LitValidationException("chain is missing");
    if (auth == null) throw new LitValidationException("auth is missing: give session sigs (NodeAuth.of(sessionSigs))");
  }
}
