package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.node.handshake.NodeHandshake;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a successful connect learned: the nodes that gave agreeing handshakes, the threshold and
 * epoch of the validator set, and the network keys they agree on.
 *
 * @param connectedNodes nodes whose handshakes agreed, in validator order; requests go to these
 * @param minNodeCount threshold of the validator set
 * @param epochNumber epoch of the validator set
 * @param subnetPubKey BLS root public key (hex)
 * @param networkPubKey BLS root public key (hex), used for encryption
 * @param networkPubKeySet BLS root public key set (hex)
 * @param hdRootPubkeys K256 HD root public keys (hex), in order
 * @param latestBlockhash most common {@code latestBlockhash} of the connected nodes
 * @param lastBlockhashRetrieved when the handshakes were made
 * @param serverKeys each connected node's own handshake
 * @param requestId the {@code X-Request-Id} of the handshake round
 */
public record ConnectionState(
    List<String> connectedNodes,
    int minNodeCount,
    long epochNumber,
    String subnetPubKey,
    String networkPubKey,
    String networkPubKeySet,
    List<String> hdRootPubkeys,
    String latestBlockhash,
    Instant lastBlockhashRetrieved,
    Map<String, NodeHandshake> serverKeys,
    String requestId) {

  /**
   * @param connectedNodes nodes whose handshakes agreed, in validator order; requests go to these
   * @param minNodeCount threshold of the validator set
   * @param epochNumber epoch of the validator set
   * @param subnetPubKey BLS root public key (hex)
   * @param networkPubKey BLS root public key (hex), used for encryption
   * @param networkPubKeySet BLS root public key set (hex)
   * @param hdRootPubkeys K256 HD root public keys (hex), in order
   * @param latestBlockhash most common {@code latestBlockhash} of the connected nodes
   * @param lastBlockhashRetrieved when the handshakes were made
   * @param serverKeys each connected node's own handshake
   * @param requestId the {@code X-Request-Id} of the handshake round
   * @throws LitValidationException if a part is missing or the nodes are fewer than the threshold
   */
  public ConnectionState {
    if (connectedNodes == null
        || serverKeys == null
        || hdRootPubkeys == null
        || subnetPubKey == null
        || networkPubKey == null
        || networkPubKeySet == null
        || latestBlockhash == null
        || lastBlockhashRetrieved == null
        || requestId == null) {
      throw new LitValidationException("ConnectionState parts must not be null");
    }
    connectedNodes = List.copyOf(connectedNodes);
    hdRootPubkeys = List.copyOf(hdRootPubkeys);
    serverKeys = Collections.unmodifiableMap(new LinkedHashMap<>(serverKeys));
    if (minNodeCount < 1 || connectedNodes.size() < minNodeCount) {
      throw new LitValidationException(
          "ConnectionState needs at least minNodeCount ("
              + minNodeCount
              + ") nodes, got "
              + connectedNodes.size());
    }
  }
}
