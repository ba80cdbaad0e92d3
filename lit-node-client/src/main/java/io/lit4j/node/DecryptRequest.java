package io.lit4j.node;

import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitValidationException;

/**
 * What {@code decrypt} needs: the conditions the data was encrypted to, the ciphertext and hash
 * from {@link EncryptResponse}, the chain the conditions are checked on, and the auth sig per node.
 *
 * <pre>{@code
 * String text = client.decryptToString(DecryptRequest.builder()
 *     .conditions(conditions).encrypted(encrypted).auth(NodeAuth.sessionSigs(sessionSigs)).build());
 * }</pre>
 *
 * @param conditions the access control conditions (any of the four kinds)
 * @param ciphertext base64 ciphertext
 * @param dataToEncryptHash hex SHA-256 of the plaintext
 * @param chain chain name sent to the nodes, e.g. {@code ethereum}
 * @param auth the auth sig per node (session sigs with {@code access-control-condition-decryption})
 */
public record DecryptRequest(
    AccessControlConditions conditions,
    String ciphertext,
    String dataToEncryptHash,
    String chain,
    NodeAuth auth) {

  /**
   * @param conditions the access control conditions (any of the four kinds)
   * @param ciphertext base64 ciphertext
   * @param dataToEncryptHash hex SHA-256 of the plaintext
   * @param chain chain name sent to the nodes, e.g. {@code ethereum}
   * @param auth the auth sig per node (session sigs with {@code
   *     access-control-condition-decryption})
   * @throws LitValidationException naming a missing or malformed part
   */
  public DecryptRequest {
    if (conditions == null) throw new LitValidationException("conditions are missing");
    if (ciphertext == null || ciphertext.isEmpty())
      throw new LitValidationException("ciphertext is missing");
    if (dataToEncryptHash == null || !dataToEncryptHash.matches("[0-9a-fA-F]{64}")) {
      throw new LitValidationException(
          "dataToEncryptHash must be 64 hex characters (SHA-256), got " + dataToEncryptHash);
    }
    if (chain == null || chain.isEmpty()) throw new LitValidationException("chain is missing");
    if (auth == null)
      throw new LitValidationException(
          "auth is missing: give session sigs (NodeAuth.sessionSigs(sessionSigs))");
  }

  /** {@return a builder; the chain defaults to {@code ethereum}} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DecryptRequest}. */
  public static final class Builder {
    private AccessControlConditions conditions;
    private String ciphertext;
    private String dataToEncryptHash;
    private String chain = "ethereum";
    private NodeAuth auth;

    private Builder() {}

    /**
     * The conditions the data was encrypted to (required).
     *
     * @param conditions the access control conditions
     * @return this builder
     */
    public Builder conditions(AccessControlConditions conditions) {
      this.conditions = conditions;
      return this;
    }

    /**
     * Ciphertext and hash from what {@code encrypt} returned.
     *
     * @param encrypted what {@code encrypt} returned
     * @return this builder
     * @throws LitValidationException if {@code encrypted} is null
     */
    public Builder encrypted(EncryptResponse encrypted) {
      if (encrypted == null) throw new LitValidationException("encrypted data is missing");
      this.ciphertext = encrypted.ciphertext();
      this.dataToEncryptHash = encrypted.dataToEncryptHash();
      return this;
    }

    /**
     * The base64 ciphertext (instead of {@link #encrypted}).
     *
     * @param ciphertext the base64 ciphertext
     * @return this builder
     */
    public Builder ciphertext(String ciphertext) {
      this.ciphertext = ciphertext;
      return this;
    }

    /**
     * The hex SHA-256 of the plaintext (instead of {@link #encrypted}).
     *
     * @param dataToEncryptHash the hex SHA-256 of the plaintext
     * @return this builder
     */
    public Builder dataToEncryptHash(String dataToEncryptHash) {
      this.dataToEncryptHash = dataToEncryptHash;
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
     * @throws LitValidationException naming a missing or malformed part
     */
    public DecryptRequest build() {
      return new DecryptRequest(conditions, ciphertext, dataToEncryptHash, chain, auth);
    }
  }
}
