package io.lit4j.localnet.actions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The node side of the {@code Lit.Actions.*} operations: what a Lit Action may ask its node to do.
 * The runtime calls these on the action's thread; an exception becomes a JS error the action can
 * catch (uncaught, it fails the request with HTTP 400, as on a real node).
 *
 * <p>Values cross as JSON ({@link JsonNode}) or strings, never as live JS objects.
 */
public interface ActionHost {
  /**
   * {@code signEcdsa}: record this node's share for {@code sigName} over the 32-byte digest.
   *
   * @param toSign the 32-byte digest
   * @param publicKey the PKP public key, hex
   * @param sigName the name the share is recorded under
   */
  void signEcdsa(byte[] toSign, String publicKey, String sigName);

  /**
   * {@code ethPersonalSignMessageEcdsa}: EIP-191 hash of {@code message}, then as signEcdsa.
   *
   * @param message the message bytes
   * @param publicKey the PKP public key, hex
   * @param sigName the name the share is recorded under
   */
  void ethPersonalSignMessageEcdsa(byte[] message, String publicKey, String sigName);

  /**
   * {@code checkConditions}: evaluate unified conditions for the auth sig (or the request's).
   *
   * @param conditions the unified access control conditions
   * @param authSig the auth sig to check them for, or null for the request's
   * @param chain the chain name
   * @return whether the conditions are met
   */
  boolean checkConditions(JsonNode conditions, JsonNode authSig, String chain);

  /**
   * {@code getLatestNonce}: the transaction count of {@code address}, as {@code 0x} hex.
   *
   * @param address the account address
   * @param chain the chain name
   * @return the transaction count, {@code 0x} hex
   */
  String getLatestNonce(String address, String chain);

  /**
   * {@code getRpcUrl}: the RPC URL the node uses for {@code chain}.
   *
   * @param chain the chain name
   * @return the RPC URL
   */
  String getRpcUrl(String chain);

  /**
   * {@code callContract}: {@code eth_call} of an unsigned RLP transaction (hex).
   *
   * @param chain the chain name
   * @param txnHex the unsigned RLP transaction, hex
   * @return the call's result, hex
   */
  String callContract(String chain, String txnHex);

  /**
   * {@code claimKey}: sign the derived key id with the node wallet (adds {@code claimData}).
   *
   * @param keyId the key id to claim
   */
  void claimKey(String keyId);

  /**
   * Permission reads: {@code isPermittedAction}, {@code isPermittedAddress}, … as JSON results.
   *
   * @param operation the permission read, e.g. {@code isPermittedAction}
   * @param args the read's arguments
   * @return the read's result
   */
  JsonNode permissions(String operation, JsonNode args);

  /** {@return the auth context of the request ({@code Lit.Auth})} */
  JsonNode authContext();

  /**
   * {@code encrypt}: TimeCrypt encryption of {@code plaintext} under the network BLS key to the
   * identity of the conditions in {@code args} ({@code accessControlConditions} or another kind).
   *
   * @param args the op's arguments without the plaintext
   * @param plaintext the bytes to encrypt
   * @return {@code {ciphertext: base64, dataToEncryptHash: hex}}
   * @throws IllegalStateException when this host cannot encrypt
   */
  default JsonNode encrypt(JsonNode args, byte[] plaintext) {
    throw new IllegalStateException("Lit.Actions.encrypt is not available on this host");
  }

  /**
   * {@code broadcastAndCollect}: gives {@code value} to every node of the network and collects
   * theirs.
   *
   * @param name the round's name
   * @param value this node's value
   * @return the other nodes' values in share-index order, then this node's value
   * @throws IllegalStateException when not every node takes part in time
   */
  default java.util.List<String> broadcastAndCollect(String name, String value) {
    throw new IllegalStateException(
        "Lit.Actions.broadcastAndCollect is not available on this host");
  }

  /** {@return whether this node leads {@code runOnce} for the request} */
  default boolean isLeader() {
    throw new IllegalStateException("Lit.Actions.runOnce is not available on this host");
  }

  /**
   * {@code runOnce} with {@code waitForResponse}: the leader gives its result, every node gets it.
   *
   * @param name the round's name
   * @param leaderResult the result on the leader, null on the other nodes
   * @return the leader's result
   * @throws IllegalStateException when not every node takes part in time
   */
  default String runOnceResult(String name, String leaderResult) {
    throw new IllegalStateException("Lit.Actions.runOnce is not available on this host");
  }

  /**
   * {@code signAndCombineEcdsa}: this node's share, exchanged with the other nodes', combined.
   *
   * @param toSign the 32-byte digest
   * @param publicKey the PKP public key, hex
   * @param sigName the signature's name
   * @return {@code {"r":<compressed R hex>,"s":<hex>,"v":<recid>}} as a JSON string
   * @throws IllegalStateException when this host cannot sign and combine
   */
  default String signAndCombineEcdsa(byte[] toSign, String publicKey, String sigName) {
    throw new IllegalStateException(
        "Lit.Actions.signAndCombineEcdsa is not available on this host");
  }

  /**
   * {@code decryptAndCombine} / {@code decryptToSingleNode}: conditions checked, decryption shares
   * exchanged and combined, the ciphertext decrypted.
   *
   * @param args {@code accessControlConditions} (or another kind), {@code ciphertext}, {@code
   *     dataToEncryptHash}, {@code authSig?}, {@code chain}
   * @param singleNode whether only the leader decrypts (the others return {@code ""})
   * @return the plaintext, UTF-8
   * @throws IllegalStateException when this host cannot decrypt
   */
  default String decrypt(JsonNode args, boolean singleNode) {
    throw new IllegalStateException("Lit.Actions.decryptAndCombine is not available on this host");
  }

  /**
   * The code pinned under an IPFS id, for {@code Lit.Actions.call}.
   *
   * @param ipfsId the CIDv0
   * @return the action's JavaScript
   * @throws IllegalArgumentException when nothing is pinned under that id
   */
  default String ipfsCode(String ipfsId) {
    throw new IllegalArgumentException("Lit.Actions.call is not available on this host");
  }

  /**
   * The host of a child action ({@code Lit.Actions.call}): the same request and signed data, the
   * child's CID as the action id (permission checks, {@code claimKey}, {@code
   * Lit.Auth.actionIpfsIds}).
   *
   * @param ipfsId the child's CIDv0
   * @return the child's host
   */
  default ActionHost child(String ipfsId) {
    throw new IllegalArgumentException("Lit.Actions.call is not available on this host");
  }
}
