package io.lit4j.node.internal;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Futures;
import io.lit4j.node.ConnectionState;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.StakingValidatorSource;
import io.lit4j.node.ValidatorSet;
import io.lit4j.node.ValidatorSource;
import io.lit4j.node.handshake.NodeHandshake;
import io.lit4j.node.internal.handshake.HandshakeConsensus;
import io.lit4j.node.internal.handshake.HandshakeProtocol;
import io.lit4j.node.internal.request.NodeFanOut;
import io.lit4j.node.transport.SdkHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;

/**
 * Connects a client and keeps it connected: reads the validator set, handshakes every node in
 * parallel, checks their attestations, keeps the nodes that agree on the network keys, and repeats
 * this every refresh interval. Holds the connection state.
 *
 * <p>The validator source is resolved once per client: a Staking source made from an RPC URL reads
 * through one contracts reader over the client's own HTTP stack, reused by every connect, reconnect
 * and refresh.
 */
public final class Connector {
  private final LitNodeClientConfig config;
  private final ClientResources resources;
  private final Logger log;
  private final ValidatorSource source;
  private final Object lock = new Object();

  private volatile ConnectionState state;

  /**
   * Share index of every active validator of the last connect (connected or not): the signing
   * subset is chosen among them.
   */
  private volatile Map<String, Integer> shareIndices = Map.of();

  /**
   * Node wallet address of every active validator of the last connect, when the source knows them.
   */
  private volatile Map<String, String> nodeAddresses = Map.of();

  private CompletableFuture<ConnectionState> connecting; // guarded by lock
  private ScheduledFuture<?> refreshTask; // guarded by lock

  /**
   * A connector for a client's settings and resources; it contacts nothing until {@link
   * #connectAsync()}.
   *
   * @param resources the client's resources (and settings)
   */
  public Connector(ClientResources resources) {
    this.config = resources.config();
    this.resources = resources;
    this.log = config.logger();
    ValidatorSource s = config.validatorSource();
    if (s instanceof StakingValidatorSource staking && resources.httpClient().isPresent()) {
      // the Staking reads share the client's connection pool and dispatcher, with a read timeout of
      // their own
      s =
          staking.withHttpClient(
              resources
                  .httpClient()
                  .get()
                  .newBuilder()
                  .readTimeout(config.requestTimeout())
                  .build());
    }
    this.source = s;
  }

  /**
   * Connects; concurrent calls share one attempt. A successful connect starts the refresh.
   *
   * @return a future of the new connection state
   */
  public CompletableFuture<ConnectionState> connectAsync() {
    synchronized (lock) {
      if (resources.isClosed())
        return CompletableFuture.failedFuture(ClientResources.closedError());
      if (connecting != null && !connecting.isDone()) return connecting;
      CompletableFuture<ConnectionState> attempt =
          Futures.attempt(source::currentValidators)
              .thenCompose(this::handshakeAll)
              .whenComplete(
                  (s, e) -> {
                    if (s != null) {
                      state = s;
                      startRefresh();
                      log.info(
                          "connected to Lit nodes {} (threshold {}, epoch {}, handshake {})",
                          s.connectedNodes(),
                          s.minNodeCount(),
                          s.epochNumber(),
                          s.requestId());
                    }
                  });
      connecting = attempt;
      return attempt;
    }
  }

  /** {@return the state of the last successful connect, if any} */
  public Optional<ConnectionState> state() {
    return Optional.ofNullable(state);
  }

  /**
   * {@return the node wallet address of every active validator of the last connect (empty if
   * unknown)}
   */
  public Map<String, String> nodeAddresses() {
    return nodeAddresses;
  }

  /** {@return the share index of every active validator of the last connect, connected or not} */
  public Map<String, Integer> shareIndices() {
    return shareIndices;
  }

  /**
   * {@return the state of the last successful connect}
   *
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful
   *     connect, or if the client is closed
   */
  public ConnectionState ready() {
    ConnectionState s = state;
    if (resources.isClosed()) throw ClientResources.closedError();
    if (s == null) {
      throw LitException.builder()
          .message("LitNodeClient is not ready: call connect() first and wait for it to succeed")
          .errorCode(LitErrorCode.NOT_READY)
          .errorKind("Unexpected")
          .build();
    }
    return s;
  }

  /** {@return the connected state, connecting first if there is none yet} */
  public CompletableFuture<ConnectionState> connected() {
    ConnectionState s = state;
    return s != null && !resources.isClosed()
        ? CompletableFuture.completedFuture(s)
        : connectAsync();
  }

  /** Stops the background refresh; the state is kept. */
  public void stopRefresh() {
    synchronized (lock) {
      if (refreshTask != null) {
        refreshTask.cancel(false);
        refreshTask = null;
      }
    }
  }

  /**
   * Stops the refresh, fails a connect in progress and releases the Staking reader; call after
   * {@link ClientResources#markClosed()}.
   */
  public void close() {
    CompletableFuture<ConnectionState> pending;
    synchronized (lock) {
      pending = connecting;
    }
    stopRefresh();
    if (pending != null) pending.completeExceptionally(ClientResources.closedError());
    // only closes a contracts reader a source made itself (forRpc), never one given to it
    if (source instanceof StakingValidatorSource staking) staking.close();
    if (source != config.validatorSource()
        && config.validatorSource() instanceof StakingValidatorSource staking) {
      staking.close();
    }
  }

  private CompletableFuture<ConnectionState> handshakeAll(ValidatorSet set) {
    if (resources.isClosed()) return CompletableFuture.failedFuture(ClientResources.closedError());
    String requestId = SdkHeaders.newRequestId();
    Map<String, String> challenges = new ConcurrentHashMap<>();
    Map<String, NodeHandshake> parsed = new ConcurrentHashMap<>();
    Duration perNode = min(config.requestTimeout(), config.connectTimeout());
    NodeFanOut.Call call =
        new NodeFanOut.Call(
            "connect (handshake)",
            HandshakeProtocol.PATH,
            set.nodeUrls(),
            url -> {
              String challenge = HandshakeProtocol.newChallenge();
              challenges.put(url, challenge);
              return HandshakeProtocol.body(challenge);
            },
            requestId,
            set.epochNumber(),
            perNode,
            true,
            set.minNodeCount(),
            true,
            // the whole handshake phase is bounded by connectTimeout, whatever the retry policy
            // does;
            // nodes that answered by then are enough if they agree
            config.connectTimeout(),
            (url, reply) -> {
              NodeHandshake h = HandshakeProtocol.read(reply, challenges.get(url), requestId);
              parsed.put(url, h);
              return Optional.empty();
            });
    return resources
        .fanOut()
        .send(call)
        .thenCompose(responses -> checkAttestations(responses, parsed))
        .thenApply(
            checked -> decide(set, checked.responses(), checked.valid(), checked.rejected()));
  }

  private record Checked(
      NodeResponses responses, List<NodeHandshake> valid, Map<String, LitException> rejected) {}

  private CompletableFuture<Checked> checkAttestations(
      NodeResponses responses, Map<String, NodeHandshake> parsed) {
    List<NodeHandshake> candidates = new ArrayList<>();
    for (String url : responses.successes().keySet()) candidates.add(parsed.get(url));
    Map<String, LitException> rejected = new ConcurrentHashMap<>();
    if (!config.checkNodeAttestation()) {
      return CompletableFuture.completedFuture(new Checked(responses, candidates, Map.of()));
    }
    List<CompletableFuture<Void>> checks = new ArrayList<>();
    for (NodeHandshake h : candidates) {
      CompletableFuture<Void> check;
      if (h.attestationReport().isEmpty()) {
        check =
            CompletableFuture.failedFuture(
                LitException.builder()
                    .message("Missing attestation in handshake response from " + h.nodeUrl())
                    .nodeUrl(h.nodeUrl())
                    .requestId(responses.requestId())
                    .errorCode(LitErrorCode.INVALID_NODE_ATTESTATION)
                    .errorKind("Unexpected")
                    .buildNode());
      } else {
        check =
            Futures.attempt(
                () ->
                    resources
                        .attestationVerifier()
                        .orElseThrow()
                        .verify(h.nodeUrl(), h.challenge(), h.attestationReport().get()));
      }
      checks.add(
          check.handle(
              (v, e) -> {
                if (e != null)
                  rejected.put(
                      h.nodeUrl(),
                      asAttestationError(Futures.unwrap(e), h.nodeUrl(), responses.requestId()));
                return null;
              }));
    }
    return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              List<NodeHandshake> ok =
                  candidates.stream().filter(h -> !rejected.containsKey(h.nodeUrl())).toList();
              return new Checked(responses, ok, Map.copyOf(rejected));
            });
  }

  private ConnectionState decide(
      ValidatorSet set,
      NodeResponses responses,
      List<NodeHandshake> valid,
      Map<String, LitException> rejected) {
    HandshakeConsensus.Outcome outcome = HandshakeConsensus.decide(valid, responses.requestId());
    Map<String, LitException> dropped = new LinkedHashMap<>(rejected);
    dropped.putAll(outcome.dropped());
    for (Map.Entry<String, LitException> f : responses.failures().entrySet()) {
      log.warn("dropping Lit node {}: {}", f.getKey(), f.getValue().getMessage());
    }
    for (Map.Entry<String, LitException> f : dropped.entrySet()) {
      log.warn("dropping Lit node {}: {}", f.getKey(), f.getValue().getMessage());
    }
    if (outcome.agreeing().size() < set.minNodeCount()) {
      LitException e = responses.tooFewSuccesses(set.minNodeCount(), dropped);
      outcome.ambiguity().ifPresent(a -> log.warn("handshake {}: {}", responses.requestId(), a));
      throw e;
    }
    Map<String, NodeHandshake> serverKeys = new LinkedHashMap<>();
    for (NodeHandshake h : outcome.agreeing()) serverKeys.put(h.nodeUrl(), h);
    NodeHandshake ref = outcome.agreeing().get(0);
    shareIndices = set.shareIndices();
    nodeAddresses = set.nodeAddresses();
    return new ConnectionState(
        new ArrayList<>(serverKeys.keySet()),
        set.minNodeCount(),
        set.epochNumber(),
        ref.subnetPublicKey(),
        ref.networkPublicKey(),
        ref.networkPublicKeySet(),
        ref.hdRootPubkeys(),
        HandshakeConsensus.latestBlockhash(outcome.agreeing()),
        Instant.now(),
        serverKeys,
        responses.requestId());
  }

  private void startRefresh() {
    Duration every = config.refreshInterval();
    if (every.isZero()) return;
    synchronized (lock) {
      if (resources.isClosed() || refreshTask != null) return;
      refreshTask = resources.scheduleRepeating(this::refresh, every);
    }
  }

  private void refresh() {
    if (resources.isClosed()) return;
    connectAsync()
        .whenComplete(
            (s, e) -> {
              if (e != null && !resources.isClosed()) {
                log.warn(
                    "background refresh of the Lit network failed; keeping the previous state: {}",
                    Futures.unwrap(e).getMessage());
              }
            });
  }

  private static LitException asAttestationError(Throwable t, String url, String requestId) {
    if (t instanceof LitException e) return e;
    return LitException.builder()
        .message("attestation of Lit node " + url + " is invalid: " + t.getMessage())
        .nodeUrl(url)
        .requestId(requestId)
        .cause(t)
        .errorCode(LitErrorCode.INVALID_NODE_ATTESTATION)
        .errorKind("Unexpected")
        .buildNode();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
