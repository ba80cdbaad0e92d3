package io.lit4j.node.internal.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends one logical request to many nodes in parallel (one request id for all) and collects the
 * answers. It stops early, cancelling the calls still open, once enough successes arrived.
 */
public final class NodeFanOut {
  private final NodeRequester requester;
  private final ScheduledExecutorService scheduler;

  /**
   * A fan-out sending each node's request through {@code requester}; deadlines run on {@code
   * scheduler}.
   *
   * @param requester sends each node's request
   * @param scheduler runs the deadlines
   */
  public NodeFanOut(NodeRequester requester, ScheduledExecutorService scheduler) {
    this.requester = requester;
    this.scheduler = scheduler;
  }

  /**
   * One fan-out.
   *
   * @param operation name used in errors, e.g. {@code "handshake"}
   * @param path route, e.g. {@code /web/handshake}
   * @param nodeUrls nodes to ask
   * @param bodyFor the body for each node (without {@code epochNumber})
   * @param requestId shared {@code X-Request-Id}
   * @param epochNumber appended to every body
   * @param timeout per-node timeout of each attempt
   * @param idempotent whether timeouts and I/O errors may be repeated
   * @param successesNeeded stop once this many valid answers arrived (as the SDK, every node is
   *     waited for otherwise, so the error can say why each failed)
   * @param waitForAll wait for every node to settle instead (the handshake, which keeps every valid
   *     node)
   * @param deadline when to stop waiting and decide with the answers in hand; zero for none
   * @param validator checks a 2xx answer; a present error makes that node a failure
   * @param enough when set, {@code successesNeeded} answers stop the fan-out only once this holds
   *     for the answers in hand (e.g. "their shares combine into a valid signature"); it runs under
   *     the fan-out's lock, once per new success
   */
  public record Call(
      String operation,
      String path,
      List<String> nodeUrls,
      Function<String, ObjectNode> bodyFor,
      String requestId,
      long epochNumber,
      Duration timeout,
      boolean idempotent,
      int successesNeeded,
      boolean waitForAll,
      Duration deadline,
      BiFunction<String, NodeReply, Optional<LitException>> validator,
      java.util.function.Predicate<Map<String, NodeReply>> enough) {
    /**
     * @param operation name used in errors, e.g. {@code "handshake"}
     * @param path route, e.g. {@code /web/handshake}
     * @param nodeUrls nodes to ask
     * @param bodyFor the body for each node (without {@code epochNumber})
     * @param requestId shared {@code X-Request-Id}
     * @param epochNumber appended to every body
     * @param timeout per-node timeout of each attempt
     * @param idempotent whether timeouts and I/O errors may be repeated
     * @param successesNeeded stop once this many valid answers arrived (as the SDK, every node is
     *     waited for otherwise, so the error can say why each failed)
     * @param waitForAll wait for every node to settle instead (the handshake, which keeps every
     *     valid node)
     * @param deadline when to stop waiting and decide with the answers in hand; zero for none
     * @param validator checks a 2xx answer; a present error makes that node a failure
     * @param enough when set, {@code successesNeeded} answers stop the fan-out only once this holds
     *     for the answers in hand (e.g. "their shares combine into a valid signature"); it runs
     *     under the fan-out's lock, once per new success
     * @throws LitValidationException if there are no nodes or {@code successesNeeded} is out of
     *     range
     */
    public Call {
      if (nodeUrls == null || nodeUrls.isEmpty())
        throw new LitValidationException(operation + ": there are no nodes to ask");
      nodeUrls = List.copyOf(nodeUrls);
      if (successesNeeded < 1 || successesNeeded > nodeUrls.size()) {
        throw new LitValidationException(
            operation
                + ": successesNeeded must be in 1.."
                + nodeUrls.size()
                + ", got "
                + successesNeeded);
      }
      if (validator == null) validator = (u, r) -> Optional.empty();
      if (deadline == null || deadline.isNegative()) deadline = Duration.ZERO;
    }

    /**
     * A call without an {@code enough} condition.
     *
     * @param operation name used in errors, e.g. {@code "handshake"}
     * @param path route, e.g. {@code /web/handshake}
     * @param nodeUrls nodes to ask
     * @param bodyFor the body for each node (without {@code epochNumber})
     * @param requestId shared {@code X-Request-Id}
     * @param epochNumber appended to every body
     * @param timeout per-node timeout of each attempt
     * @param idempotent whether timeouts and I/O errors may be repeated
     * @param successesNeeded stop once this many valid answers arrived (as the SDK, every node is
     *     waited for otherwise, so the error can say why each failed)
     * @param waitForAll wait for every node to settle instead (the handshake, which keeps every
     *     valid node)
     * @param deadline when to stop waiting and decide with the answers in hand; zero for none
     * @param validator checks a 2xx answer; a present error makes that node a failure
     */
    public Call(
        String operation,
        String path,
        List<String> nodeUrls,
        Function<String, ObjectNode> bodyFor,
        String requestId,
        long epochNumber,
        Duration timeout,
        boolean idempotent,
        int successesNeeded,
        boolean waitForAll,
        Duration deadline,
        BiFunction<String, NodeReply, Optional<LitException>> validator) {
      this(
          operation,
          path,
          nodeUrls,
          bodyFor,
          requestId,
          epochNumber,
          timeout,
          idempotent,
          successesNeeded,
          waitForAll,
          deadline,
          validator,
          null);
    }
  }

  /**
   * Runs the fan-out; the future never completes exceptionally (failures are in the result).
   *
   * @param call what to send to which nodes
   * @return a future of the answers
   */
  public CompletableFuture<NodeResponses> send(Call call) {
    CompletableFuture<NodeResponses> done = new CompletableFuture<>();
    Map<String, NodeReply> successes = new LinkedHashMap<>();
    Map<String, LitException> failures = new LinkedHashMap<>();
    Map<String, CompletableFuture<NodeReply>> open = new LinkedHashMap<>();
    Object lock = new Object();
    int total = call.nodeUrls().size();

    java.util.function.Consumer<Boolean> finishIfDecided =
        deadlinePassed -> {
          NodeResponses result = null;
          synchronized (lock) {
            boolean enough =
                successes.size() >= call.successesNeeded()
                    && (call.enough() == null || !deadlinePassed && enoughSoFar(call, successes));
            boolean settled = successes.size() + failures.size() == total;
            if (!done.isDone() && (deadlinePassed || settled || (!call.waitForAll() && enough))) {
              result =
                  new NodeResponses(
                      call.operation(),
                      call.requestId(),
                      call.nodeUrls(),
                      successes,
                      failures,
                      "no answer within the deadline of " + call.deadline().toMillis() + " ms");
            }
          }
          if (result != null && done.complete(result)) {
            synchronized (lock) {
              open.values().forEach(f -> f.cancel(true));
            }
          }
        };
    if (!call.deadline().isZero()) {
      try {
        ScheduledFuture<?> timer =
            scheduler.schedule(
                () -> finishIfDecided.accept(true),
                call.deadline().toMillis(),
                TimeUnit.MILLISECONDS);
        done.whenComplete((r, e) -> timer.cancel(false));
      } catch (RejectedExecutionException e) {
        // the client is closing; the per-node calls fail on their own
      }
    }

    for (String url : call.nodeUrls()) {
      if (done.isDone()) break; // decided already (e.g. a validator threw for every node so far)
      CompletableFuture<NodeReply> f;
      try {
        ObjectNode body = call.bodyFor().apply(url);
        f =
            requester.post(
                url,
                call.path(),
                body,
                call.requestId(),
                call.epochNumber(),
                call.timeout(),
                call.idempotent());
      } catch (LitException e) {
        f = CompletableFuture.failedFuture(e);
      }
      synchronized (lock) {
        open.put(url, f);
      }
      f.whenComplete(
          (reply, error) -> {
            synchronized (lock) {
              if (done.isDone()) return;
              open.remove(url);
              if (reply != null) {
                Optional<LitException> invalid;
                try {
                  invalid = call.validator().apply(url, reply);
                } catch (LitException e) {
                  invalid = Optional.of(e);
                }
                if (invalid.isPresent()) failures.put(url, invalid.get());
                else successes.put(url, reply);
              } else {
                failures.put(url, NodeErrors.asLit(error, url, call.requestId()));
              }
            }
            finishIfDecided.accept(false);
          });
    }
    return done;
  }

  private static boolean enoughSoFar(Call call, Map<String, NodeReply> successes) {
    try {
      return call.enough()
          .test(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(successes)));
    } catch (RuntimeException e) {
      return false; // undecided: keep waiting for more answers
    }
  }
}
