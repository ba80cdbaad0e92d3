package io.lit4j.node.internal.signing;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.core.util.Futures;
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
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;

/**
 * The attempt loop of one subset-signing operation: each attempt sends one request id to every
 * node, counts shares, empty answers and failures as they arrive, and either combines the shares
 * (the operation's result), gives up on the attempt and starts the next, or ends the operation.
 *
 * @param <T> the result
 */
final class SigningOperation<T> {
  /** One request id sent to every node, and what came back. */
  private static final class Attempt {
    final String requestId;
    final List<String> nodeUrls;
    final int threshold;
    final Set<String> predicted;
    final Map<String, NodeReply> answers = new LinkedHashMap<>();
    final Set<String> signers = new LinkedHashSet<>();
    int empties;
    int failed;
    boolean over;

    /** The answers differ from the prediction: the validator set it came from is stale. */
    boolean stale;

    Attempt(String requestId, List<String> nodeUrls, int threshold, Set<String> predicted) {
      this.requestId = requestId;
      this.nodeUrls = nodeUrls;
      this.threshold = threshold;
      this.predicted = predicted;
    }
  }

  private final SubsetSigning.Spec spec;
  private final SubsetSigning.Hooks<T> hooks;
  private final NodeHealth health;
  private final Logger log;
  private final SubsetPredictor predictor;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final long startNanos = System.nanoTime();
  private final Map<String, LitException> failures = new LinkedHashMap<>();
  private final List<LitCryptoException> badCombines = new ArrayList<>();
  private final List<String> requestIds = new ArrayList<>();
  private final Set<CompletableFuture<NodeReply>> inFlight = new HashSet<>();
  private byte[] message;
  private int attempts;

  // the validator set in use: the spec's, until a stale prediction makes the operation refresh it
  private List<String> nodeUrls;
  private int threshold;
  private boolean refreshed;

  SigningOperation(
      SubsetSigning.Spec spec, SubsetSigning.Hooks<T> hooks, NodeHealth health, Logger log) {
    this.spec = spec;
    this.hooks = hooks;
    this.health = health;
    this.log = log;
    this.message = spec.message();
    this.nodeUrls = spec.nodeUrls();
    this.threshold = spec.threshold();
    this.predictor =
        new SubsetPredictor(spec.shareIndices(), spec.threshold(), spec.newRequestId(), health);
    result.whenComplete((r, e) -> cancelAll());
  }

  /** {@return the operation's result, completed by the attempts} */
  CompletableFuture<T> result() {
    return result;
  }

  /** Starts the next attempt, or ends the operation when none is left. */
  void nextAttempt() {
    Attempt a;
    boolean refreshFirst = false;
    String id;
    Set<String> predicted = null;
    synchronized (this) {
      if (result.isDone()) return;
      List<String> usable = nodeUrls.stream().filter(u -> !failures.containsKey(u)).toList();
      Duration spent = Duration.ofNanos(System.nanoTime() - startNanos);
      if (usable.size() < threshold
          || attempts >= spec.maxAttempts()
          || (attempts > 0 && spent.compareTo(spec.budget()) > 0)) {
        fail(usable.size());
        return;
      }
      id = spec.newRequestId().get();
      if (message != null) {
        SubsetPredictor.Choice c = predictor.choose(usable, message);
        if (c == null && refreshed) {
          fail(usable.size());
          return;
        }
        if (c == null) {
          // no subset of this set can give good shares: shares of a set with another threshold
          // (a stale one) look just like bad shares, so read the set once before giving up
          refreshFirst = true;
        } else {
          id = c.requestId();
          predicted = c.subset();
        }
      }
    }
    if (refreshFirst) {
      refreshThenNextAttempt();
      return;
    }
    synchronized (this) {
      if (result.isDone()) return;
      attempts++;
      requestIds.add(id);
      a = new Attempt(id, nodeUrls, threshold, predicted);
      if (attempts > 1) {
        log.info(
            "{}: attempt {} with request {}{}",
            spec.operation(),
            attempts,
            id,
            predicted == null ? "" : ", signing subset " + predicted);
      }
    }
    for (String url : a.nodeUrls) {
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

  private void answered(
      Attempt a, String url, CompletableFuture<NodeReply> call, NodeReply reply, Throwable error) {
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
          reply = null;
          share = false;
        }
        if (reply != null) {
          health.succeeded(url);
          if (message == null) hooks.signedMessage(reply).ifPresent(m -> message = m.clone());
          a.answers.put(url, reply);
          if (share) a.signers.add(url);
          else a.empties++;
          if (a.predicted != null && share != a.predicted.contains(url)) a.stale = true;
        }
      } else {
        LitException e = SigningFailures.asLit(error, url, a.requestId);
        if (e == null) return; // cancelled by us
        if (SigningFailures.isRefusal(e)) {
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
      if (refusal == null && a.stale) {
        // the nodes chose another subset: combining would fail and blame good nodes
        log.info(
            "{} {}: the nodes' signing subset differs from the predicted {} (signers so far {}):"
                + " the validator set changed",
            spec.operation(),
            a.requestId,
            a.predicted,
            a.signers);
        a.over = true;
      } else if (refusal == null && a.signers.size() >= a.threshold) {
        try {
          value = hooks.read(responses(a));
          health.goodSubset(a.signers);
        } catch (LitCryptoException e) {
          health.badSubset(a.signers);
          badCombines.add(e);
          predictor.badSubset(a.signers);
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
        int n = a.nodeUrls.size();
        boolean hopeless =
            a.empties + a.failed > n - a.threshold
                || a.predicted != null && a.predicted.stream().anyMatch(failures::containsKey);
        boolean settled = a.answers.size() + a.failed == n;
        if (hopeless || settled) a.over = true;
      }
      decide = a.over;
    }
    if (refusal != null) {
      result.completeExceptionally(SigningFailures.refused(spec, a.requestId, url, refusal));
    } else if (value != null) {
      if (attempts > 1)
        log.info(
            "{}: signed on attempt {} (request ids {})", spec.operation(), attempts, requestIds);
      result.complete(value);
    } else if (decide) {
      if (a.stale) refreshThenNextAttempt();
      else nextAttempt();
    }
  }

  /** Reads the validator set again (once per operation), then starts the next attempt. */
  private void refreshThenNextAttempt() {
    synchronized (this) {
      if (refreshed) {
        nextAttempt();
        return;
      }
      refreshed = true;
    }
    CompletableFuture<Optional<SubsetSigning.Validators>> refresh;
    try {
      refresh = hooks.refreshValidators();
    } catch (RuntimeException e) {
      refresh = CompletableFuture.failedFuture(e);
    }
    refresh.whenComplete(
        (fresh, error) -> {
          if (error != null) {
            log.warn(
                "{}: cannot read the validator set again; going on with the one in hand: {}",
                spec.operation(),
                Futures.unwrap(error).getMessage());
          } else if (fresh.isPresent()) {
            useValidators(fresh.get());
          }
          nextAttempt();
        });
  }

  private synchronized void useValidators(SubsetSigning.Validators fresh) {
    log.info(
        "{}: predicting from the refreshed validator set {} (threshold {})",
        spec.operation(),
        fresh.nodeUrls(),
        fresh.threshold());
    nodeUrls = fresh.nodeUrls();
    threshold = fresh.threshold();
    predictor.useValidators(fresh.shareIndices(), fresh.threshold());
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
        a.nodeUrls,
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
    SigningFailures.Run run =
        new SigningFailures.Run(
            spec,
            nodeUrls,
            threshold,
            health,
            List.copyOf(requestIds),
            new LinkedHashMap<>(failures),
            List.copyOf(badCombines),
            predictor.impossible());
    result.completeExceptionally(SigningFailures.exhausted(run, usable));
  }
}
