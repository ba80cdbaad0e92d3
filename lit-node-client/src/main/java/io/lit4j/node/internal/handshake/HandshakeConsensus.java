package io.lit4j.node.internal.handshake;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.node.handshake.NodeHandshake;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agreement over valid handshakes. Nodes agree when they report the same network keys ({@code
 * subnetPublicKey}, {@code networkPublicKey}, {@code networkPublicKeySet}, and {@code
 * hdRootPubkeys} compared by value, in order); the largest such group wins. Nodes outside it are
 * dropped. {@code latestBlockhash} is the most common value within the group; a node a block behind
 * is kept, since nodes poll the chain independently (every 12 s).
 */
public final class HandshakeConsensus {
  private HandshakeConsensus() {}

  /** The outcome: the agreeing nodes and values, and why each other node was dropped. */
  public record Outcome(
      List<NodeHandshake> agreeing,
      Map<String, LitException> dropped,
      Optional<String> ambiguity) {}

  /**
   * Groups {@code valid} (in node order) by keys; see the class comment.
   *
   * @param valid the valid handshakes
   * @param requestId the request id, for messages
   * @return the agreeing group, or why there is none
   */
  public static Outcome decide(Collection<NodeHandshake> valid, String requestId) {
    Map<List<Object>, List<NodeHandshake>> groups = new LinkedHashMap<>();
    for (NodeHandshake h : valid) groups.computeIfAbsent(keys(h), k -> new ArrayList<>()).add(h);
    if (groups.isEmpty()) return new Outcome(List.of(), Map.of(), Optional.empty());
    List<NodeHandshake> best = null;
    boolean tie = false;
    for (List<NodeHandshake> g : groups.values()) {
      if (best == null || g.size() > best.size()) {
        best = g;
        tie = false;
      } else if (g.size() == best.size()) {
        tie = true;
      }
    }
    Map<String, LitException> dropped = new LinkedHashMap<>();
    if (tie) {
      for (NodeHandshake h : valid) dropped.put(h.nodeUrl(), diverged(h, null, requestId, true));
      return new Outcome(
          List.of(),
          dropped,
          Optional.of(
              groups.size()
                  + " groups of nodes report different network keys and none is larger than the others"));
    }
    NodeHandshake reference = best.get(0);
    for (NodeHandshake h : valid) {
      if (!best.contains(h)) dropped.put(h.nodeUrl(), diverged(h, reference, requestId, false));
    }
    return new Outcome(List.copyOf(best), dropped, Optional.empty());
  }

  /**
   * {@return the most common {@code latestBlockhash} among {@code agreeing}; ties go to the first
   * node's value}
   *
   * @param agreeing the handshakes that agree
   */
  public static String latestBlockhash(List<NodeHandshake> agreeing) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (NodeHandshake h : agreeing) counts.merge(h.latestBlockhash(), 1, Integer::sum);
    String best = null;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
    }
    return best;
  }

  private static List<Object> keys(NodeHandshake h) {
    return List.of(
        h.subnetPublicKey(), h.networkPublicKey(), h.networkPublicKeySet(), h.hdRootPubkeys());
  }

  private static LitException diverged(
      NodeHandshake h, NodeHandshake ref, String requestId, boolean tie) {
    String why;
    if (tie) {
      why = "no majority of nodes agrees on the network keys";
    } else if (!h.subnetPublicKey().equals(ref.subnetPublicKey())) {
      why =
          "its subnetPublicKey "
              + h.subnetPublicKey()
              + " differs from the majority's "
              + ref.subnetPublicKey();
    } else if (!h.networkPublicKey().equals(ref.networkPublicKey())) {
      why =
          "its networkPublicKey "
              + h.networkPublicKey()
              + " differs from the majority's "
              + ref.networkPublicKey();
    } else if (!h.networkPublicKeySet().equals(ref.networkPublicKeySet())) {
      why = "its networkPublicKeySet differs from the majority's";
    } else {
      why = "its hdRootPubkeys differ from the majority's";
    }
    return LitException.builder()
        .message("Lit node " + h.nodeUrl() + " disagrees with the other nodes: " + why)
        .nodeUrl(h.nodeUrl())
        .requestId(requestId)
        .errorCode(LitErrorCode.DIVERGENT_HANDSHAKE)
        .buildNode();
  }
}
