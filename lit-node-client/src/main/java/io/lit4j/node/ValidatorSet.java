package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.NodeUrls;
import java.util.HashSet;
import java.util.List;

/**
 * The nodes of the current epoch and the number that must agree.
 *
 * @param nodeUrls node URLs in the order the source gave them ({@code http://ip:port}, no trailing
 *     slash); these exact strings name the nodes everywhere (session sig {@code nodeAddress})
 * @param minNodeCount threshold: how many nodes must answer for an operation to succeed
 * @param epochNumber the Staking epoch number, appended as {@code epochNumber} to every request
 *     body (0 when the source knows no epoch; nodes ignore the value in this protocol version)
 * @param shareIndices each node's share index, as the nodes number themselves (the epoch's
 *     validators sorted by staker address); the threshold-ECDSA signing subset is chosen among
 *     them. Every URL has one; a source that knows no staker addresses numbers the nodes in order.
 * @param nodeAddresses each node's wallet address (the key that signs claims), by URL; empty when
 *     the source does not know them
 */
public record ValidatorSet(
    List<String> nodeUrls,
    int minNodeCount,
    long epochNumber,
    java.util.Map<String, Integer> shareIndices,
    java.util.Map<String, String> nodeAddresses) {

  /**
   * @param nodeUrls node URLs in the order the source gave them ({@code http://ip:port}, no
   *     trailing slash); these exact strings name the nodes everywhere (session sig {@code
   *     nodeAddress})
   * @param minNodeCount threshold: how many nodes must answer for an operation to succeed
   * @param epochNumber the Staking epoch number, appended as {@code epochNumber} to every request
   *     body (0 when the source knows no epoch; nodes ignore the value in this protocol version)
   * @param shareIndices each node's share index (see the record's description)
   * @param nodeAddresses each node's wallet address by URL, or empty
   * @throws LitValidationException if there are no URLs, a URL is malformed or repeated, the
   *     threshold is not in 1..n, or a node has no share index or shares one with another
   */
  public ValidatorSet {
    if (nodeUrls == null || nodeUrls.isEmpty())
      throw new LitValidationException("validator set has no node URLs");
    nodeUrls = List.copyOf(nodeUrls);
    HashSet<String> seen = new HashSet<>();
    for (String url : nodeUrls) {
      NodeUrls.check(url);
      if (!seen.add(url)) throw new LitValidationException("node URL " + url + " is listed twice");
    }
    if (minNodeCount < 1) {
      throw new LitValidationException(
          "minNodeCount is " + minNodeCount + ", which is invalid; it must be at least 1");
    }
    if (minNodeCount > nodeUrls.size()) {
      throw new LitValidationException(
          "minNodeCount "
              + minNodeCount
              + " is larger than the number of nodes ("
              + nodeUrls.size()
              + ")");
    }
    if (epochNumber < 0)
      throw new LitValidationException("epochNumber must not be negative, got " + epochNumber);
    if (shareIndices == null) throw new LitValidationException("shareIndices are missing");
    java.util.Map<String, Integer> copy = new java.util.LinkedHashMap<>();
    HashSet<Integer> used = new HashSet<>();
    for (String url : nodeUrls) {
      Integer i = shareIndices.get(url);
      if (i == null || i < 0)
        throw new LitValidationException("node " + url + " has no share index");
      if (!used.add(i))
        throw new LitValidationException("share index " + i + " is given to two nodes");
      copy.put(url, i);
    }
    shareIndices = java.util.Collections.unmodifiableMap(copy);
    nodeAddresses =
        nodeAddresses == null ? java.util.Map.of() : java.util.Map.copyOf(nodeAddresses);
  }

  /**
   * A set with share indices and no node wallet addresses.
   *
   * @param nodeUrls node URLs in the order the source gave them
   * @param minNodeCount threshold
   * @param epochNumber the Staking epoch number
   * @param shareIndices each node's share index
   * @throws LitValidationException as the canonical constructor
   */
  public ValidatorSet(
      List<String> nodeUrls,
      int minNodeCount,
      long epochNumber,
      java.util.Map<String, Integer> shareIndices) {
    this(nodeUrls, minNodeCount, epochNumber, shareIndices, java.util.Map.of());
  }

  /**
   * A set whose nodes are numbered in the order given (share index = position).
   *
   * @param nodeUrls node URLs in the order the source gave them
   * @param minNodeCount threshold
   * @param epochNumber the Staking epoch number
   * @throws LitValidationException as the canonical constructor
   */
  public ValidatorSet(List<String> nodeUrls, int minNodeCount, long epochNumber) {
    this(nodeUrls, minNodeCount, epochNumber, inOrder(nodeUrls), java.util.Map.of());
  }

  private static java.util.Map<String, Integer> inOrder(List<String> nodeUrls) {
    java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
    if (nodeUrls != null) for (String u : nodeUrls) if (u != null) m.putIfAbsent(u, m.size());
    return m;
  }
}
