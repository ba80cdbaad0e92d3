package io.lit4j.node.internal.signing;

import io.lit4j.crypto.ecdsa.SigningSubset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Chooses each attempt's request id: the nodes' signing subset is a deterministic function of the
 * signed bytes and the request id ({@link SigningSubset}), so the client searches request ids for a
 * subset that avoids the nodes known to fail and the nodes suspected of bad shares. Remembers the
 * subsets whose shares did not verify (each holds a bad-share node). Not thread-safe: the attempt
 * loop calls it under its lock.
 */
final class SubsetPredictor {
  /** Request ids tried per attempt to find a subset avoiding suspects. */
  static final int ID_CANDIDATES = 4096;

  /** Largest set of bad-share nodes the elimination reasons about. */
  static final int MAX_EXPLAINED = 2;

  /**
   * A request id and the signing subset the nodes will choose for it.
   *
   * @param requestId the request id
   * @param subset the predicted signers
   */
  record Choice(String requestId, Set<String> subset) {}

  private int threshold;
  private final Supplier<String> newRequestId;
  private final NodeHealth health;
  // the nodes choose among every active validator, connected to this client or not
  private List<Integer> active;
  private Map<Integer, String> byIndex;

  /** Signing subsets of this operation whose shares did not verify: each holds a bad-share node. */
  private final List<Set<String>> badSubsets = new ArrayList<>();

  /** Set when the bad subsets prove that fewer than t usable nodes give good shares. */
  private String impossible;

  SubsetPredictor(
      Map<String, Integer> shareIndices,
      int threshold,
      Supplier<String> newRequestId,
      NodeHealth health) {
    useValidators(shareIndices, threshold);
    this.newRequestId = newRequestId;
    this.health = health;
  }

  /**
   * Predicts from a newer validator set from now on. The subsets seen to give bad shares were
   * chosen from the old set, so they are forgotten.
   *
   * @param shareIndices the share index of every active validator
   * @param threshold how many sign in that set
   */
  void useValidators(Map<String, Integer> shareIndices, int threshold) {
    this.threshold = threshold;
    badSubsets.clear();
    impossible = null;
    List<Integer> indices = new ArrayList<>();
    Map<Integer, String> urls = new LinkedHashMap<>();
    shareIndices.forEach(
        (url, i) -> {
          indices.add(i);
          urls.put(i, url);
        });
    this.active = indices;
    this.byIndex = urls;
  }

  /**
   * Records a subset whose shares did not verify.
   *
   * @param signers the subset
   */
  void badSubset(Set<String> signers) {
    badSubsets.add(Set.copyOf(signers));
  }

  /** {@return why no subset can give good shares, once the bad subsets prove it; else null} */
  String impossible() {
    return impossible;
  }

  /** {@return the signing subset the nodes choose for these bytes and request id} */
  Set<String> subsetFor(byte[] message, String requestId) {
    Set<String> subset = new LinkedHashSet<>();
    for (int i : SigningSubset.select(active, threshold, message, requestId))
      subset.add(byIndex.get(i));
    return subset;
  }

  /**
   * A request id whose predicted subset is most likely all good, or null when the bad subsets prove
   * none is. The explanations of the bad subsets are the sets B of at most {@value #MAX_EXPLAINED}
   * usable nodes (and at most usable − t) that meet every one of them; a subset scores the weight
   * of the explanations it avoids (0.1 per node of B, so fewer bad nodes are likelier), minus the
   * client's health penalties; subsets already seen to fail are never chosen again.
   *
   * @param usable the nodes that have not failed in this operation
   * @param message the signed bytes
   */
  Choice choose(List<String> usable, byte[] message) {
    int maxBad = usable.size() - threshold;
    List<Set<String>> explanations = explanations(usable, Math.min(maxBad, MAX_EXPLAINED));
    if (!badSubsets.isEmpty() && explanations.isEmpty() && maxBad <= MAX_EXPLAINED) {
      impossible =
          "no "
              + maxBad
              + " of the "
              + usable.size()
              + " usable nodes explain the "
              + badSubsets.size()
              + " signing subsets whose shares did not verify, so fewer than "
              + threshold
              + " nodes give good shares";
      return null;
    }
    Choice best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    // a subset that avoids every explanation and every penalised node cannot be beaten: stop there
    // (with no failures yet that is the first id, so a healthy network pays for one prediction)
    double perfect = 0;
    for (Set<String> b : explanations) perfect += Math.pow(0.1, b.size());
    int tries = explanations.size() > 64 ? ID_CANDIDATES / 8 : ID_CANDIDATES;
    for (int n = 0; n < tries && bestScore < perfect; n++) {
      String id = newRequestId.get();
      Set<String> subset = subsetFor(message, id);
      if (!usable.containsAll(subset) || badSubsets.contains(subset)) continue;
      double score = 0;
      for (Set<String> b : explanations) {
        if (Collections.disjoint(b, subset)) score += Math.pow(0.1, b.size());
      }
      for (String u : subset) score -= 1e-3 * health.penalty(u);
      if (score > bestScore) {
        bestScore = score;
        best = new Choice(id, subset);
      }
    }
    if (best == null && badSubsets.isEmpty()) {
      // no id avoids the failed nodes: send one anyway, the attempt fails and the error says why
      String id = newRequestId.get();
      best = new Choice(id, subsetFor(message, id));
    }
    return best;
  }

  /**
   * The sets of at most {@code max} usable nodes that meet every bad subset (the empty set when
   * there is none).
   */
  private List<Set<String>> explanations(List<String> usable, int max) {
    List<Set<String>> out = new ArrayList<>();
    if (badSubsets.isEmpty()) {
      out.add(Set.of());
      return out;
    }
    if (max >= 1) {
      for (String a : usable) if (meetsAll(Set.of(a))) out.add(Set.of(a));
    }
    if (max >= 2) {
      for (int i = 0; i < usable.size(); i++) {
        for (int j = i + 1; j < usable.size(); j++) {
          Set<String> b = Set.of(usable.get(i), usable.get(j));
          if (meetsAll(b)) out.add(b);
        }
      }
    }
    return out;
  }

  private boolean meetsAll(Set<String> b) {
    for (Set<String> bad : badSubsets) if (Collections.disjoint(bad, b)) return false;
    return true;
  }
}
