package io.lit4j.node.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitException;
import io.lit4j.node.ConnectionState;
import io.lit4j.node.LitActionException;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.internal.request.NodeFanOut;
import io.lit4j.node.internal.signing.SubsetSigning;
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
 * nodes, the worker threads, the settings and the logger. The operation classes ({@code *Protocol})
 * take one of these; the façade makes it once.
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
   * Sends one request to every connected node (bodies are built first, so a missing auth sig fails
   * before anything is sent), waits for all, and reads the answers once at least {@code
   * minNodeCount} succeeded.
   *
   * @param operation name used in errors and logs
   * @param path the route
   * @param bodyFor the body for each node URL
   * @param read reads the answers
   * @param <T> the result type
   * @return a future of the result
   */
  public <T> CompletableFuture<T> sendToAll(
      String operation,
      String path,
      Function<String, ObjectNode> bodyFor,
      BiFunction<NodeResponses, ConnectionState, T> read) {
    return send(operation, path, bodyFor, null, read);
  }

  /**
   * As {@link #sendToAll}, but with {@code enough} set the fan-out stops as soon as {@code
   * minNodeCount} answers satisfy it (e.g. their shares combine into a verified signature),
   * cancelling the calls still open; without it every node is waited for.
   *
   * @param operation name used in errors and logs
   * @param path the route
   * @param bodyFor the body for each node URL
   * @param enough when the answers in hand suffice, per connection state; null to wait for all
   * @param read reads the answers
   * @param <T> the result type
   * @return a future of the result
   */
  public <T> CompletableFuture<T> send(
      String operation,
      String path,
      Function<String, ObjectNode> bodyFor,
      Function<ConnectionState, Predicate<Map<String, NodeReply>>> enough,
      BiFunction<NodeResponses, ConnectionState, T> read) {
    Prepared p;
    try {
      p = prepare(bodyFor);
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
    ConnectionState s = p.state();
    Map<String, ObjectNode> bodies = p.bodies();
    Duration timeout = config().requestTimeout();
    NodeFanOut.Call call =
        enough == null
            ? new NodeFanOut.Call(
                operation,
                path,
                s.connectedNodes(),
                bodies::get,
                SdkHeaders.newRequestId(),
                s.epochNumber(),
                timeout,
                false,
                s.connectedNodes().size(),
                true,
                Duration.ZERO,
                null)
            : new NodeFanOut.Call(
                operation,
                path,
                s.connectedNodes(),
                bodies::get,
                SdkHeaders.newRequestId(),
                s.epochNumber(),
                timeout,
                false,
                s.minNodeCount(),
                false,
                Duration.ZERO,
                null,
                enough.apply(s));
    if (resources.isClosed()) return CompletableFuture.failedFuture(ClientResources.closedError());
    Logger log = log();
    return resources
        .fanOut()
        .send(call)
        .thenApply(
            responses -> {
              responses
                  .failures()
                  .forEach(
                      (url, e) ->
                          log.warn(
                              "{} {}: node {} failed: {}",
                              operation,
                              responses.requestId(),
                              url,
                              e.getMessage()));
              if (responses.successCount() < s.minNodeCount())
                throw tooFew(responses, s.minNodeCount());
              try {
                return read.apply(responses, s);
              } catch (LitException e) {
                if (responses.failures().isEmpty()) throw e;
                // with nodes missing, the read error (e.g. too few shares) is best explained by
                // their failures
                LitException all = responses.tooFewSuccesses(s.connectedNodes().size(), Map.of());
                all.addSuppressed(e);
                throw all;
              }
            });
  }

  /**
   * {@return the validators' node wallet addresses by URL from Staking, empty when the validator
   * source gives none}
   */
  public Map<String, String> validatorNodeAddresses() {
    return connector.nodeAddresses();
  }

  /** Most request ids one threshold-ECDSA operation tries. */
  static final int MAX_SIGNING_ATTEMPTS = 12;

  /**
   * A threshold-ECDSA request that survives faulty nodes ({@link SubsetSigning}): each attempt
   * chooses a request id whose signing subset avoids nodes known to fail, sends to every connected
   * node and returns once the subset's shares combine; a failed subset is retried with a new id, at
   * most {@value #MAX_SIGNING_ATTEMPTS} times and not after three request timeouts.
   *
   * @param operation name used in errors and logs
   * @param path the route
   * @param bodyFor the body for each node URL
   * @param message the bytes the nodes sign, when known before asking (else null: learned from
   *     answers)
   * @param carriesShare whether an answer holds a share (else it is a non-signer's empty answer);
   *     throws for an unreadable answer
   * @param signedMessage the signed bytes an answer shows, if any
   * @param read combines and verifies the shares of one attempt
   * @param <T> the result type
   * @return a future of the result
   */
  public <T> CompletableFuture<T> signWithSubset(
      String operation,
      String path,
      Function<String, ObjectNode> bodyFor,
      byte[] message,
      Predicate<NodeReply> carriesShare,
      Function<NodeReply, java.util.Optional<byte[]>> signedMessage,
      BiFunction<NodeResponses, ConnectionState, T> read) {
    Prepared p;
    try {
      p = prepare(bodyFor);
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
    ConnectionState s = p.state();
    Map<String, ObjectNode> bodies = new java.util.concurrent.ConcurrentHashMap<>(p.bodies());
    if (resources.isClosed()) return CompletableFuture.failedFuture(ClientResources.closedError());
    Map<String, Integer> indices = shareIndices(s);
    Duration timeout = config().requestTimeout();
    SubsetSigning.Spec spec =
        new SubsetSigning.Spec(
            operation,
            s.connectedNodes(),
            indices,
            s.minNodeCount(),
            message,
            MAX_SIGNING_ATTEMPTS,
            timeout.plus(timeout).plus(timeout), // multipliedBy goes through BigDecimal
            SdkHeaders::newRequestId);
    SubsetSigning.Hooks<T> hooks =
        new SubsetSigning.Hooks<>() {
          // replaced when the validator set is read again
          private volatile ConnectionState state = s;

          @Override
          public CompletableFuture<NodeReply> post(String nodeUrl, String requestId) {
            return resources
                .requester()
                .post(
                    nodeUrl,
                    path,
                    bodies.get(nodeUrl),
                    requestId,
                    state.epochNumber(),
                    timeout,
                    false);
          }

          @Override
          public boolean carriesShare(NodeReply reply) {
            return carriesShare.test(reply);
          }

          @Override
          public java.util.Optional<byte[]> signedMessage(NodeReply reply) {
            return signedMessage.apply(reply);
          }

          @Override
          public T read(NodeResponses responses) {
            return read.apply(responses, state);
          }

          @Override
          public CompletableFuture<java.util.Optional<SubsetSigning.Validators>>
              refreshValidators() {
            // the client's own refresh path: a handshake with the set Staking reports now
            return connector
                .connectAsync()
                .thenApply(
                    fresh -> {
                      ConnectionState old = state;
                      Map<String, Integer> freshIndices = shareIndices(fresh);
                      if (fresh.epochNumber() == old.epochNumber()
                          && fresh.minNodeCount() == old.minNodeCount()
                          && java.util.Set.copyOf(fresh.connectedNodes())
                              .equals(java.util.Set.copyOf(old.connectedNodes()))
                          && freshIndices.equals(indices)) {
                        return java.util.Optional.empty();
                      }
                      List<String> nodes = new ArrayList<>();
                      for (String url : fresh.connectedNodes()) {
                        try {
                          bodies.computeIfAbsent(url, bodyFor);
                          nodes.add(url);
                        } catch (LitException e) {
                          // e.g. session sigs made before the node joined: sign without it
                          log().warn("{}: not asking {}: {}", operation, url, e.getMessage());
                        }
                      }
                      state = fresh;
                      return java.util.Optional.of(
                          new SubsetSigning.Validators(nodes, freshIndices, fresh.minNodeCount()));
                    });
          }
        };
    return SubsetSigning.run(spec, hooks, resources.nodeHealth(), log());
  }

  /**
   * The share index of every active validator of the connected set (from Staking), or the connected
   * nodes in order when the source does not give them.
   */
  private Map<String, Integer> shareIndices(ConnectionState s) {
    Map<String, Integer> indices = connector.shareIndices();
    if (!indices.keySet().containsAll(s.connectedNodes())) {
      indices = new LinkedHashMap<>();
      for (String url : s.connectedNodes()) indices.put(url, indices.size());
    }
    return indices;
  }

  private record Prepared(ConnectionState state, Map<String, ObjectNode> bodies) {}

  /**
   * The connected state and every connected node's body, built before anything is sent (a missing
   * auth sig fails here).
   */
  private Prepared prepare(Function<String, ObjectNode> bodyFor) {
    ConnectionState s = ready();
    Map<String, ObjectNode> bodies = new LinkedHashMap<>();
    for (String url : s.connectedNodes()) bodies.put(url, bodyFor.apply(url));
    return new Prepared(s, bodies);
  }

  private static LitException tooFew(NodeResponses responses, int needed) {
    List<LitException> failures = new ArrayList<>(responses.failures().values());
    if (!failures.isEmpty() && failures.stream().allMatch(f -> f instanceof LitActionException)) {
      LitActionException first = (LitActionException) failures.get(0);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("error", first.error());
      details.put("logs", first.logs());
      details.put("failedNodes", failures.size());
      LitActionException e =
          new LitActionException(
              LitException.builder()
                  .message(
                      "Lit Action failed on "
                          + failures.size()
                          + " of "
                          + responses.nodeUrls().size()
                          + " nodes (request "
                          + responses.requestId()
                          + "): "
                          + first.error())
                  .requestId(responses.requestId())
                  .nodeUrls(new ArrayList<>(responses.failures().keySet()))
                  .status(first.status())
                  .details(details),
              first.error(),
              first.logs());
      failures.forEach(e::addSuppressed);
      return e;
    }
    return responses.tooFewSuccesses(needed, Map.of());
  }
}
