package io.lit4j.node.internal.signing;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.crypto.ecdsa.SigningSubset;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Threshold ECDSA requests that survive faulty nodes. The nodes' signing subset is a deterministic
 * function of the signed bytes and the request id ({@link SigningSubset}), and the client chooses
 * the request id: so each attempt picks an id whose subset avoids the nodes known to fail (from
 * {@link NodeHealth} and from this operation's earlier attempts), sends to every node, and returns
 * as soon as the subset's shares combine into a verified signature. A subset that cannot finish
 * (one of its nodes failed) or whose shares do not verify (a bad share: its nodes become suspects)
 * starts a new attempt with a new request id, within a bounded number of attempts and a time
 * budget. When the bytes are not known in advance (sign_session_key: the node rewrites the SIWE),
 * the first attempt is blind and later ones use the bytes an answer showed.
 *
 * <p>A node's refusal (4xx other than 408/429: bad auth, PKP not permitted) is the answer, not a
 * fault: it ends the operation at once.
 */
public final class SubsetSigning {
  /** Request ids tried per attempt to find a subset avoiding suspects. */
  static final int ID_CANDIDATES = 4096;

  /** Largest set of bad-share nodes the elimination reasons about. */
  static final int MAX_EXPLAINED = 2;

  private SubsetSigning() {}

  /**
   * What the caller supplies for one operation.
   *
   * @param <T> the result
   */
  public interface Hooks<T> {
    /**
     * Sends the request to one node.
     *
     * @param nodeUrl the node
     * @param requestId the attempt's request id
     * @return the node's answer
     */
    CompletableFuture<NodeReply> post(String nodeUrl, String requestId);

    /**
     * Whether an answer carries a share (a signer's) or is empty (a node outside the subset).
     *
     * @param reply the answer
     * @return true for a share
     * @throws LitException when the answer cannot be read (counted as that node's failure)
     */
    boolean carriesShare(NodeReply reply);

    /**
     * The bytes the nodes sign, when an answer shows them.
     *
     * @param reply the answer
     * @return the signed bytes, if shown
     */
    Optional<byte[]> signedMessage(NodeReply reply);

    /**
     * Combines and verifies the shares in hand.
     *
     * @param responses the answers of one attempt
     * @return the result
     * @throws LitCryptoException when the shares do not give a valid signature
     */
    T read(NodeResponses responses);
  }

  /**
   * One operation's parameters.
   *
   * @param operation name for logs and errors
   * @param nodeUrls the nodes to ask (the connected ones)
   * @param shareIndices the share index of every active validator (sorted by staker address),
   *     connected or not; must cover {@code nodeUrls}
   * @param threshold how many sign
   * @param message the signed bytes when known in advance, else null
   * @param maxAttempts the most request ids to try
   * @param budget no new attempt starts after this much time
   * @param newRequestId makes request ids
   */
  public record Spec(
      String operation,
      List<String> nodeUrls,
      Map<String, Integer> shareIndices,
      int threshold,
      byte[] message,
      int maxAttempts,
      Duration budget,
      Supplier<String> newRequestId) {
    /** Copies the collections. */
    public Spec {
      nodeUrls = List.copyOf(nodeUrls);
      shareIndices = Map.copyOf(shareIndices);
      if (!shareIndices.keySet().containsAll(nodeUrls))
        throw new IllegalArgumentException("a node has no share index");
    }
  }

  /**
   * Runs the operation.
   *
   * @param spec what to do
   * @param hooks how to talk to the nodes and read their answers
   * @param health the client's node health, read and updated
   * @param log where attempts are logged
   * @param <T> the result
   * @return a future of the result; it fails with a {@link LitException} saying what failed
   */
  public static <T> CompletableFuture<T> run(
      Spec spec, Hooks<T> hooks, NodeHealth health, Logger log) {
    Operation<T> op = new Operation<>(spec, hooks, health, log);
    op.nextAttempt();
    return op.result;
  }

  private static final class Attempt {
    final int number;
    final String requestId;
    final Set<String> predicted;
    final Map<String, NodeReply> answers = new LinkedHashMap<>();
    final Set<String> signers = new LinkedHashSet<>();
    int empties;
    int failed;
    boolean over;

    Attempt(int number, String requestId, Set<String> predicted) {
      this.number = number;
      this.requestId = requestId;
      this.predicted = predicted;
    }
  }

  private static final class Operation<T> {
    final Spec spec;
    final Hooks<T> hooks;
    final NodeHealth health;
    final Logger log;
    final CompletableFuture<T> result = new CompletableFuture<>();
    final long startNanos = System.nanoTime();
    final Map<String, LitException> failures = new LinkedHashMap<>();
    final List<LitCryptoException> badCombines = new ArrayList<>();

    /**
     * Signing subsets of this operation whose shares did not verify: each holds a bad-share node.
     */
    final List<Set<String>> badSubsets = new ArrayList<>();

    /** Set when the bad subsets prove that fewer than t usable nodes give good shares. */
    String impossible;

    final List<String> requestIds = new ArrayList<>();
    final Set<CompletableFuture<NodeReply>> inFlight = new HashSet<>();
    byte[] message;
    int attempts;

    Operation(Spec spec, Hooks<T> hooks, NodeHealth health, Logger log) {
      this.spec = spec;
      this.hooks = hooks;
      this.health = health;
      this.log = log;
      this.message = spec.message();
      result.whenComplete((r, e) -> cancelAll());
    }

    void nextAttempt() {
      Attempt a;
      synchronized (this) {
        if (result.isDone()) return;
        List<String> usable =
            spec.nodeUrls().stream().filter(u -> !failures.containsKey(u)).toList();
        Duration spent = Duration.ofNanos(System.nanoTime() - startNanos);
        if (usable.size() < spec.threshold()
            || attempts >= spec.maxAttempts()
            || (attempts > 0 && spent.compareTo(spec.budget()) > 0)) {
          fail(usable.size());
          return;
        }
        String id = spec.newRequestId().get();
        Set<String> predicted = null;
        if (message != null) {
          Choice c = choose(usable);
          if (c == null) {
            fail(usable.size());
            return;
          }
          id = c.requestId;
          predicted = c.subset;
        }
        attempts++;
        requestIds.add(id);
        a = new Attempt(attempts, id, predicted);
        if (attempts > 1) {
          log.info(
              "{}: attempt {} with request {}{}",
              spec.operation(),
              attempts,
              id,
              predicted == null ? "" : ", signing subset " + predicted);
        }
      }
      for (String url : spec.nodeUrls()) {
        CompletableFuture<NodeReply> f;
        try {
          f = hooks.post(url, a.requestId);
        } catch (LitException e) {
          f = CompletableFuture.failedFuture(e);
        }
        synchronized (this) {
          if (result.isDone()) {
            f.cancel(true);
            return;
          }
          inFlight.add(f);
        }
        CompletableFuture<NodeReply> sent = f;
        f.whenComplete((reply, error) -> answered(a, url, sent, reply, error));
      }
    }

    private record Choice(String requestId, Set<String> subset) {}

    /**
     * A request id whose predicted subset is most likely all good, or null when the bad subsets
     * prove none is. The explanations of the bad subsets are the sets B of at most {@value
     * #MAX_EXPLAINED} usable nodes (and at most usable − t) that meet every one of them; a subset
     * scores the weight of the explanations it avoids (0.1 per node of B, so fewer bad nodes are
     * likelier), minus the client's health penalties; subsets already seen to fail are never chosen
     * again.
     */
    private Choice choose(List<String> usable) {
      // the nodes choose among every active validator, connected to this client or not
      List<Integer> active = new ArrayList<>();
      Map<Integer, String> byIndex = new LinkedHashMap<>();
      spec.shareIndices()
          .forEach(
              (url, i) -> {
                active.add(i);
                byIndex.put(i, url);
              });
      int maxBad = usable.size() - spec.threshold();
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
                + spec.threshold()
                + " nodes give good shares";
        return null;
      }
      Choice best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      // a subset that avoids every explanation and every penalised node cannot be beaten: stop
      // there
      // (with no failures yet that is the first id, so a healthy network pays for one prediction)
      double perfect = 0;
      for (Set<String> b : explanations) perfect += Math.pow(0.1, b.size());
      int tries = explanations.size() > 64 ? ID_CANDIDATES / 8 : ID_CANDIDATES;
      for (int n = 0; n < tries && bestScore < perfect; n++) {
        String id = spec.newRequestId().get();
        Set<String> subset = new LinkedHashSet<>();
        for (int i : SigningSubset.select(active, spec.threshold(), message, id))
          subset.add(byIndex.get(i));
        if (!usable.containsAll(subset) || badSubsets.contains(subset)) continue;
        double score = 0;
        for (Set<String> b : explanations) {
          if (java.util.Collections.disjoint(b, subset)) score += Math.pow(0.1, b.size());
        }
        for (String u : subset) score -= 1e-3 * health.penalty(u);
        if (score > bestScore) {
          bestScore = score;
          best = new Choice(id, subset);
        }
      }
      if (best == null && badSubsets.isEmpty()) {
        // no id avoids the failed nodes: send one anyway, the attempt fails and the error says why
        String id = spec.newRequestId().get();
        Set<String> subset = new LinkedHashSet<>();
        for (int i : SigningSubset.select(active, spec.threshold(), message, id))
          subset.add(byIndex.get(i));
        best = new Choice(id, subset);
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
      for (Set<String> bad : badSubsets) if (java.util.Collections.disjoint(bad, b)) return false;
      return true;
    }

    private void answered(
        Attempt a,
        String url,
        CompletableFuture<NodeReply> call,
        NodeReply reply,
        Throwable error) {
      boolean decide;
      T value = null;
      LitException refusal = null;
      synchronized (this) {
        inFlight.remove(call);
        if (result.isDone()) return;
        if (reply != null) {
          boolean share;
          try {
            share = hooks.carriesShare(reply);
          } catch (LitException e) {
            nodeFailed(a, url, e, NodeHealth.Failure.ERROR);
            decide = true;
            reply = null;
            share = false;
          }
          if (reply != null) {
            health.succeeded(url);
            if (message == null) hooks.signedMessage(reply).ifPresent(m -> message = m.clone());
            a.answers.put(url, reply);
            if (share) a.signers.add(url);
            else a.empties++;
          }
        } else {
          LitException e = asLit(error, url, a.requestId);
          if (e == null) return; // cancelled by us
          if (isRefusal(e)) {
            refusal = e;
          } else {
            nodeFailed(
                a,
                url,
                e,
                e instanceof LitTimeoutException
                    ? NodeHealth.Failure.SLOW
                    : e.status() == 0 ? NodeHealth.Failure.DOWN : NodeHealth.Failure.ERROR);
          }
        }
        if (refusal == null && a.over) return;
        if (refusal == null && a.signers.size() >= spec.threshold()) {
          try {
            value = hooks.read(responses(a));
            health.goodSubset(a.signers);
          } catch (LitCryptoException e) {
            health.badSubset(a.signers);
            badCombines.add(e);
            badSubsets.add(Set.copyOf(a.signers));
            log.warn(
                "{} {}: the shares of {} do not verify: {}",
                spec.operation(),
                a.requestId,
                a.signers,
                e.getMessage());
            a.over = true;
          } catch (LitException e) {
            a.over = true;
            result.completeExceptionally(e);
            return;
          }
        } else if (refusal == null) {
          int n = spec.nodeUrls().size();
          boolean hopeless =
              a.empties + a.failed > n - spec.threshold()
                  || a.predicted != null && a.predicted.stream().anyMatch(failures::containsKey);
          boolean settled = a.answers.size() + a.failed == n;
          if (hopeless || settled) a.over = true;
        }
        decide = a.over;
      }
      if (refusal != null) {
        result.completeExceptionally(refused(a, url, refusal));
      } else if (value != null) {
        if (attempts > 1)
          log.info(
              "{}: signed on attempt {} (request ids {})", spec.operation(), attempts, requestIds);
        result.complete(value);
      } else if (decide) {
        nextAttempt();
      }
    }

    private void nodeFailed(Attempt a, String url, LitException e, NodeHealth.Failure kind) {
      health.failed(url, kind);
      failures.put(url, e);
      a.failed++;
      log.warn("{} {}: node {} failed: {}", spec.operation(), a.requestId, url, e.getMessage());
    }

    private NodeResponses responses(Attempt a) {
      Map<String, LitException> none = Map.of();
      return new NodeResponses(
          spec.operation(),
          a.requestId,
          spec.nodeUrls(),
          a.answers,
          none,
          "not needed: the signing subset answered");
    }

    private void cancelAll() {
      List<CompletableFuture<NodeReply>> open;
      synchronized (this) {
        open = new ArrayList<>(inFlight);
        inFlight.clear();
      }
      open.forEach(f -> f.cancel(true));
    }

    /** Ends the operation: what failed, in words a user can act on. */
    private void fail(int usable) {
      String ids = String.join(", ", requestIds);
      String last = requestIds.isEmpty() ? null : requestIds.get(requestIds.size() - 1);
      int n = spec.nodeUrls().size();
      if (failures.isEmpty() && !badCombines.isEmpty()) {
        LitCryptoException lastBad = badCombines.get(badCombines.size() - 1);
        String suspects =
            spec.nodeUrls().stream()
                .filter(u -> health.penalty(u) > 0)
                .map(u -> u + " (" + health.describe(u) + ")")
                .collect(Collectors.joining(", "));
        LitCryptoException e =
            LitException.builder()
                .message(
                    spec.operation()
                        + ": no signing subset of "
                        + spec.threshold()
                        + " of the "
                        + n
                        + " nodes gave a valid signature in "
                        + attempts
                        + " attempt(s) (request ids "
                        + ids
                        + ")"
                        + (impossible == null ? "" : ": " + impossible)
                        + "; suspected of bad shares: "
                        + (suspects.isEmpty() ? "none" : suspects)
                        + ". Last: "
                        + lastBad.getMessage())
                .requestId(last)
                .nodeUrls(spec.nodeUrls())
                .errorCode(LitErrorCode.NO_VALID_SHARES)
                .errorKind("Unexpected")
                .cause(lastBad)
                .buildCrypto();
        result.completeExceptionally(e);
        return;
      }
      StringBuilder msg = new StringBuilder(spec.operation()).append(" failed: ");
      if (usable < spec.threshold()) {
        msg.append(usable)
            .append(" of ")
            .append(n)
            .append(" nodes are left to sign and the signing subset needs ")
            .append(spec.threshold());
      } else {
        msg.append("no signing subset of ")
            .append(spec.threshold())
            .append(" of ")
            .append(n)
            .append(" nodes finished");
      }
      msg.append(" (")
          .append(attempts)
          .append(" attempt(s), request ids ")
          .append(ids)
          .append(").");
      Map<String, String> reasons = new LinkedHashMap<>();
      failures.forEach(
          (u, e) -> {
            reasons.put(u, e.getMessage());
            msg.append("\n  ").append(u).append(": ").append(e.getMessage());
          });
      if (!badCombines.isEmpty())
        msg.append("\n  and ")
            .append(badCombines.size())
            .append(" subset(s) gave shares that do not verify");
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("failures", java.util.Collections.unmodifiableMap(reasons));
      details.put("attempts", attempts);
      details.put("needed", spec.threshold());
      details.put("nodeCount", n);
      LitException.Builder b =
          LitException.builder()
              .message(msg.toString())
              .requestId(last)
              .nodeUrls(new ArrayList<>(failures.keySet()))
              .details(details);
      failures.values().stream()
          .filter(e -> e.errorCode().isPresent())
          .collect(
              Collectors.groupingBy(
                  e -> e.errorCode().get(), LinkedHashMap::new, Collectors.toList()))
          .values()
          .stream()
          .max(java.util.Comparator.comparingInt(List::size))
          .map(l -> l.get(0))
          .ifPresent(
              t -> {
                t.errorCode().ifPresent(b::errorCode);
                t.errorKind().ifPresent(b::errorKind);
                b.status(t.status());
              });
      boolean allTimeouts =
          !failures.isEmpty()
              && failures.values().stream().allMatch(x -> x instanceof LitTimeoutException);
      LitException e = allTimeouts ? b.buildTimeout() : b.buildNode();
      failures.values().forEach(e::addSuppressed);
      badCombines.forEach(e::addSuppressed);
      result.completeExceptionally(e);
    }

    private LitException refused(Attempt a, String url, LitException e) {
      LitException.Builder b =
          LitException.builder()
              .message(
                  spec.operation()
                      + " failed: Lit node "
                      + url
                      + " refused the request (request "
                      + a.requestId
                      + "): "
                      + e.getMessage())
              .requestId(a.requestId)
              .nodeUrl(url)
              .status(e.status())
              .details(Map.of("failures", Map.of(url, e.getMessage())));
      e.errorCode().ifPresent(b::errorCode);
      e.errorKind().ifPresent(b::errorKind);
      LitException out = b.buildNode();
      out.addSuppressed(e);
      return out;
    }
  }

  /**
   * A node's 4xx refusal (not a timeout or rate limit) answers the request; repeating it cannot
   * help.
   */
  static boolean isRefusal(LitException e) {
    int s = e.status();
    return s >= 400 && s < 500 && s != 408 && s != 429;
  }

  private static LitException asLit(Throwable t, String url, String requestId) {
    while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
    if (t instanceof CancellationException) return null;
    if (t instanceof LitException e) return e;
    return LitException.builder()
        .message("request to Lit node " + url + " failed: " + t)
        .nodeUrl(url)
        .requestId(requestId)
        .cause(t)
        .buildNode();
  }
}
