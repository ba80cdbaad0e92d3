package io.lit4j.node.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitException;
import io.lit4j.node.ConnectionState;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.LitActionException;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.internal.request.NodeFanOut;
import io.lit4j.node.transport.SdkHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * What every operation needs from its client: the connection state, requests to the connected
 * nodes, the worker threads, the settings and the logger. The operation classes
 * ({@code *Protocol}) take one of these; the façade makes it once.
 */
public final class NodeCalls {
  private final ClientResources resources;
  private final Connector connector;

  /**
   * @param resources the client's resources
   * @param connector the client's connector
   */
  public NodeCalls(ClientResources resources, Connector connector) {
    this.resources = resources;
    this.connector = connector;
  }

  /** {@return the client's settings} */
  public LitNodeClientConfig config() {
    return resources.config();
  }

  /** {@return the client's logger} */
  public Logger log() {
    return resources.config().logger();
  }

  /**
   * {@return the state of the last successful connect}
   *
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public ConnectionState ready() {
    return connector.ready();
  }

  /** {@return the connected state, connecting first if there is none yet} */
  public CompletableFuture<ConnectionState> connected() {
    return connector.connected();
  }

  /**
   * Runs blocking work (callbacks, signers, files) on the client's worker threads.
   *
   * @param work the work
   * @param <T> the result type
   * @return a future of its result
   */
  public <T> CompletableFuture<T> onWorker(Supplier<T> work) {
    return resources.onWorker(work);
  }

  /**
   * Sends one request to every connected node (bodies are built first, so a missing auth sig
   * fails before anything is sent), waits for all, and reads the answers once at least
   * {@code minNodeCount} succeeded.
   *
   * @param operation name used in errors and logs
   * @param path the route
   * @param bodyFor the body for each node URL
   * @param read reads the answers
   * @param <T> the result type
   * @return a future of the result
   */
  public <T> CompletableFuture<T> sendToAll(String operation, String path, Function<String, ObjectNode> bodyFor,
      BiFunction<NodeResponses, ConnectionState, T> read) {
    return send(operation, path, bodyFor, null, read);
  }

  /**
   * As {@link #sendToAll}, but with {@code enough} set the fan-out stops as soon as
   * {@code minNodeCount} answers satisfy it (e.g. their shares combine into a verified
   * signature), cancelling the calls still open; without it every node is waited for.
   *
   * @param operation name used in errors and logs
   * @param path the route
   * @param bodyFor the body for each node URL
   * @param enough when the answers in hand suffice, per connection state; null to wait for all
   * @param read reads the answers
   * @param <T> the result type
   * @return a future of the result
   */
  public <T> CompletableFuture<T> send(String operation, String path, Function<String, ObjectNode> bodyFor,
      Function<ConnectionState, Predicate<Map<String, NodeReply>>> enough,
      BiFunction<NodeResponses, ConnectionState, T> read) {
    ConnectionState s;
    Map<String, ObjectNode> bodies = new LinkedHashMap<>();
    try {
      s = ready();
      for (String url : s.connectedNodes()) bodies.put(url, bodyFor.apply(url));
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
    Duration timeout = config().requestTimeout();
    NodeFanOut.Call call = enough == null
        ? new NodeFanOut.Call(operation, path, s.connectedNodes(), bodies::get,
            SdkHeaders.newRequestId(), s.epochNumber(), timeout, false,
            s.connectedNodes().size(), true, Duration.ZERO, null)
        : new NodeFanOut.Call(operation, path, s.connectedNodes(), bodies::get,
            SdkHeaders.newRequestId(), s.epochNumber(), timeout, false,
            s.minNodeCount(), false, Duration.ZERO, null, enough.apply(s));
    if (resources.isClosed()) return CompletableFuture.failedFuture(ClientResources.closedError());
    Logger log = log();
    return resources.fanOut().send(call).thenApply(responses -> {
      responses.failures().forEach((url, e) ->
          log.warn("{} {}: node {} failed: {}", operation, responses.requestId(), url, e.getMessage()));
      if (responses.successCount() < s.minNodeCount()) throw tooFew(responses, s.minNodeCount());
      try {
        return read.apply(responses, s);
      } catch (LitException e) {
        if (responses.failures().isEmpty()) throw e;
        // with nodes missing, the read error (e.g. too few shares) is best explained by their failures
        LitException all = responses.tooFewSuccesses(s.connectedNodes().size(), Map.of());
        all.addSuppressed(e);
        throw all;
      }
    });
  }

  private static LitException tooFew(NodeResponses responses, int needed) {
    List<LitException> failures = new ArrayList<>(responses.failures().values());
    if (!failures.isEmpty() && failures.stream().allMatch(f -> f instanceof LitActionException)) {
      LitActionException first = (LitActionException) failures.get(0);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("error", first.error());
      details.put("logs", first.logs());
      details.put("failedNodes", failures.size());
      LitActionException e = new LitActionException(LitException.builder()
          .message("Lit Action failed on " + failures.size() + " of " + responses.nodeUrls().size() + " nodes (request "
              + responses.requestId() + "): " + first.error())
          .requestId(responses.requestId()).nodeUrls(new ArrayList<>(responses.failures().keySet()))
          .status(first.status()).details(details), first.error(), first.logs());
      failures.forEach(e::addSuppressed);
      return e;
    }
    return responses.tooFewSuccesses(needed, Map.of());
  }
}
