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
 */
public record ValidatorSet(List<String> nodeUrls, int minNodeCount, long epochNumber) {

  /**
   * @param nodeUrls node URLs in the order the source gave them ({@code http://ip:port}, no trailing slash); these exact strings name the nodes everywhere (session sig {@code nodeAddress})
   * @param minNodeCount threshold: how many nodes must answer for an operation to succeed
   * @param epochNumber the Staking epoch number, appended as {@code epochNumber} to every request body (0 when the source knows no epoch; nodes ignore the value in this protocol version)
   * @throws LitValidationException if there are no URLs, a URL is malformed or repeated, or the threshold is not in 1..n
   */
  public ValidatorSet {
    if (nodeUrls == null || nodeUrls.isEmpty()) throw new LitValidationException("validator set has no node URLs");
    nodeUrls = List.copyOf(nodeUrls);
    HashSet<String> seen = new HashSet<>();
    for (String url : nodeUrls) {
      NodeUrls.check(url);
      if (!seen.add(url)) throw new LitValidationException("node URL " + url + " is listed twice");
    }
    if (minNodeCount < 1) {
      throw new LitValidationException("minNodeCount is " + minNodeCount + ", which is invalid; it must be at least 1");
    }
    if (minNodeCount > nodeUrls.size()) {
      throw new LitValidationException(
          "minNodeCount " + minNodeCount + " is larger than the number of nodes (" + nodeUrls.size() + ")");
    }
    if (epochNumber < 0) throw new LitValidationException("epochNumber must not be negative, got " + epochNumber);
  }
}
