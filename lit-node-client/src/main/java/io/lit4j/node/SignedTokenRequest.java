package io.lit4j.node;

import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitValidationException;

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
    if (auth == null)
      throw new LitValidationException(
          "auth is missing: give session sigs (NodeAuth.sessionSigs(sessionSigs))");
  }

  /** {@return a builder; the chain defaults to {@code ethereum}} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SignedTokenRequest}. */
  public static final class Builder {
    private AccessControlConditions conditions;
    private String chain = "ethereum";
    private NodeAuth auth;

    private Builder() {}

    /**
     * The conditions the nodes check (required).
     *
     * @param conditions the access control conditions
     * @return this builder
     */
    public Builder conditions(AccessControlConditions conditions) {
      this.conditions = conditions;
      return this;
    }

    /**
     * The chain the conditions are checked on (default {@code ethereum}).
     *
     * @param chain the chain name
     * @return this builder
     */
    public Builder chain(String chain) {
      this.chain = chain;
      return this;
    }

    /**
     * The auth sig for each node (required), e.g. {@code NodeAuth.sessionSigs(sessionSigs)}.
     *
     * @param auth the auth sig for each node
     * @return this builder
     */
    public Builder auth(NodeAuth auth) {
      this.auth = auth;
      return this;
    }

    /**
     * Each node's session sig from {@code sessionSigs}: short for {@code
     * auth(NodeAuth.sessionSigs(sessionSigs))}.
     *
     * @param sessionSigs the session sigs of the connected nodes
     * @return this builder
     * @throws LitValidationException if {@code sessionSigs} is null
     */
    public Builder auth(SessionSigs sessionSigs) {
      return auth(NodeAuth.sessionSigs(sessionSigs));
    }

    /**
     * {@return the request}
     *
     * @throws LitValidationException naming a missing part
     */
    public SignedTokenRequest build() {
      return new SignedTokenRequest(conditions, chain, auth);
    }
  }
}
