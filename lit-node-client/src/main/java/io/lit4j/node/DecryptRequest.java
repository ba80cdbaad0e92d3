package io.lit4j.node;

import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.node.NodeAuth;

/**
 * What {@code decrypt} needs: the conditions the data was encrypted to, the ciphertext and hash
 * from {@link EncryptResponse}, the chain the conditions are checked on, and the auth sig per node.
 *
 * @param conditions the access control conditions (any of the four kinds)
 * @param ciphertext base64 ciphertext
 * @param dataToEncryptHash hex SHA-256 of the plaintext
 * @param chain chain name sent to the nodes, e.g. {@code ethereum}
 * @param auth the auth sig per node (session sigs with {@code access-control-condition-decryption})
 */
public record DecryptRequest(
    AccessControlConditions conditions, String ciphertext, String dataToEncryptHash, String chain, NodeAuth auth) {

  /**
   * @param conditions the access control conditions (any of the four kinds)
   * @param ciphertext base64 ciphertext
   * @param dataToEncryptHash hex SHA-256 of the plaintext
   * @param chain chain name sent to the nodes, e.g. {@code ethereum}
   * @param auth the auth sig per node (session sigs with {@code access-control-condition-decryption})
   * @throws LitValidationException naming a missing or malformed part
   */
  public DecryptRequest {
    if (conditions == null) throw new LitValidationException("conditions are missing");
    if (ciphertext == null || ciphertext.isEmpty()) throw new LitValidationException("ciphertext is missing");
    if (dataToEncryptHash == null || !dataToEncryptHash.matches("[0-9a-fA-F]{64}")) {
      throw new LitValidationException("dataToEncryptHash must be 64 hex characters (SHA-256), got " + dataToEncryptHash);
    }
    if (chain == null || chain.isEmpty()) throw new LitValidationException("chain is missing");
    if (auth == null) throw new LitValidationException("auth is missing: give session sigs (NodeAuth.of(sessionSigs))");
  }

  /**
   * {@return a request for what {@code encrypt} returned, on chain {@code ethereum}}
   *
   * @param conditions the conditions the data was encrypted to
   * @param encrypted what {@code encrypt} returned
   * @param auth the auth sig for each node
   * @throws LitValidationException if a part is missing
   */
  public static DecryptRequest of(AccessControlConditions conditions, EncryptResponse encrypted, NodeAuth auth) {
    if (encrypted == null) throw new LitValidationException("encrypted data is missing");
    return new DecryptRequest(conditions, encrypted.ciphertext(), encrypted.dataToEncryptHash(), "ethereum", auth);
  }

  /**
   * {@return this request on another chain}
   *
   * @param chain the chain name the conditions are checked on
   */
  public DecryptRequest withChain(String chain) {
    return new DecryptRequest(conditions, ciphertext, dataToEncryptHash, chain, auth);
  }
}
