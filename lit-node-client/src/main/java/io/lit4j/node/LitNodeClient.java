package io.lit4j.node;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.attestation.InMemoryVcekCache;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.node.discovery.ValidatorSet;
import io.lit4j.node.execute.ExecuteJsRequest;
import io.lit4j.node.execute.ExecuteJsResponse;
import io.lit4j.node.execute.internal.ExecuteJsProtocol;
import io.lit4j.node.pkp.PkpSignRequest;
import io.lit4j.node.pkp.internal.PkpSignProtocol;
import io.lit4j.node.request.LitActionException;
import io.lit4j.node.handshake.AmdKdsVcekFetcher;
import io.lit4j.node.handshake.AttestationVerifier;
import io.lit4j.node.handshake.SevSnpAttestationVerifier;
import io.lit4j.node.handshake.NodeHandshake;
import io.lit4j.node.handshake.internal.HandshakeConsensus;
import io.lit4j.node.handshake.internal.HandshakeProtocol;
import io.lit4j.node.request.NodeReply;
import io.lit4j.node.request.NodeResponses;
import io.lit4j.node.request.internal.NodeFanOut;
import io.lit4j.node.request.internal.NodeRequester;
import io.lit4j.node.transport.NodeTransport;
import io.lit4j.node.transport.OkHttpNodeTransport;
import io.lit4j.node.transport.SdkHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.acc.AccessControlConditionResource;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.crypto.bls.BlsJwt;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.bls.TimeCryptCiphertext;
import io.lit4j.node.capacity.CapacityDelegationParams;
import io.lit4j.node.claim.ClaimKeyResult;
import io.lit4j.node.claim.internal.ClaimProtocol;
import io.lit4j.node.discovery.StakingValidatorSource;
import io.lit4j.node.encryption.DecryptRequest;
import io.lit4j.node.encryption.EncryptResponse;
import io.lit4j.node.encryption.SignedToken;
import io.lit4j.node.encryption.SignedTokenRequest;
import io.lit4j.node.encryption.internal.BlsShareProtocol;
import io.lit4j.node.request.internal.Consensus;
import io.lit4j.node.session.PkpSessionRequest;
import io.lit4j.node.session.SessionKeyStore;
import io.lit4j.node.session.SessionSigsRequest;
import io.lit4j.node.session.SignSessionKeyParams;
import io.lit4j.node.session.SignSessionKeyResult;
import io.lit4j.node.session.internal.SessionFlow;
import io.lit4j.node.session.internal.SignSessionKeyProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.helpers.NOPLogger;

/**
 * The client of a Lit network: connects to its nodes and sends them requests.
 *
 * <p>{@link #connect()} reads the validator set, handshakes every node in parallel (per-node
 * timeout, safe repeats), and keeps the nodes whose handshakes are valid and agree on the network
 * keys; it succeeds once at least {@code minNodeCount} agree. Unlike the JS SDK 4.2.0, which needs
 * every node, a node that is down, slow, broken or in the minority is dropped and logged.
 * While connected, a background task repeats the connect every
 * {@link LitNodeClientConfig#refreshInterval()} to refresh blockhash, epoch and nodes.
 *
 * <p>Every method has an {@code ...Async} twin; the blocking one waits for it. Close the client
 * when done: {@link #close()} stops its threads.
 *
 * <pre>{@code
 * try (LitNodeClient client = new LitNodeClient(config)) {
 *   client.connect();
 *   String nonce = client.getLatestBlockhash();
 * }
 * }</pre>
 */
public final class LitNodeClient implements AutoCloseable {
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final LitNodeClientConfig config;
  private final Logger log;
  private final NodeTransport transport;
  private final boolean ownsTransport;
  private final ScheduledExecutorService scheduler;
  private final NodeFanOut fanOut;
  private final ThreadPoolExecutor blockingWork;
  private final AttestationVerifier attestationVerifier;
  private final OkHttpClient ownedFetchClient;
  private final Object lock = new Object();

  private volatile ConnectionState state;
  private CompletableFuture<ConnectionState> connecting; // guarded by lock
  private ScheduledFuture<?> refreshTask; // guarded by lock
  private volatile boolean closed;

  /**
   * A client for {@code config}; it does not contact any node until {@link #connect()}.
   *
   * @param config the client's settings
   * @throws LitValidationException if {@code config} is null
   */
  public LitNodeClient(LitNodeClientConfig config) {
    if (config == null) throw new LitValidationException("config is missing");
    this.config = config;
    this.log = config.logger();
    OkHttpClient http;
    if (config.transport().isPresent()) {
      this.transport = config.transport().get();
      this.ownsTransport = false;
      http = config.httpClient().orElse(null);
    } else if (config.httpClient().isPresent()) {
      this.transport = OkHttpNodeTransport.using(config.httpClient().get());
      this.ownsTransport = false;
      http = config.httpClient().get();
    } else {
      OkHttpNodeTransport owned = OkHttpNodeTransport.create();
      this.transport = owned;
      this.ownsTransport = true;
      http = owned.okHttpClient();
    }
    int id = CLIENTS.incrementAndGet();
    // attestation checks may block on a certificate fetch, so they get threads of their own (made on demand)
    AtomicInteger workers = new AtomicInteger();
    this.blockingWork = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "lit4j-node-client-" + id + "-work-" + workers.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.blockingWork.allowCoreThreadTimeOut(true);
    if (config.attestationVerifier().isPresent() || !config.checkNodeAttestation()) {
      this.ownedFetchClient = null;
      this.attestationVerifier = config.attestationVerifier().orElse(null);
    } else {
      // a caller-supplied transport is not OkHttp: certificate fetches then use a client of our own
      this.ownedFetchClient = http == null ? new OkHttpClient() : null;
      OkHttpClient fetch = http != null ? http : ownedFetchClient;
      this.attestationVerifier = new SevSnpAttestationVerifier(
          new InMemoryVcekCache(new AmdKdsVcekFetcher(fetch, config.requestTimeout())), blockingWork);
    }
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "lit4j-node-client-" + id);
      t.setDaemon(true);
      return t;
    });
    s.setRemoveOnCancelPolicy(true);
    this.scheduler = s;
    this.fanOut = new NodeFanOut(new NodeRequester(transport, config.retryPolicy(), scheduler, log), scheduler);
  }

  /** {@return the settings this client was made with} */
  public LitNodeClientConfig config() {
    return config;
  }

  /**
   * Connects: reads the validator set, handshakes every node and keeps the agreeing ones.
   * Concurrent calls share one attempt. A successful connect starts the background refresh.
   *
   * @return the new connection state
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes gave
   *     valid, agreeing handshakes; the message says how many answered and why each other failed
   * @throws LitTimeoutException if every failure was a timeout
   * @throws LitException if the validator set cannot be read or the client is closed
   */
  public ConnectionState connect() {
    return join(connectAsync());
  }

  /**
   * Asynchronous {@link #connect()}; the future fails with the same exceptions.
   *
   * @return a future of the connection state
   */
  public CompletableFuture<ConnectionState> connectAsync() {
    synchronized (lock) {
      if (closed) return CompletableFuture.failedFuture(closedError());
      if (connecting != null && !connecting.isDone()) return connecting;
      CompletableFuture<ConnectionState> attempt = config.validatorSource().currentValidators()
          .thenCompose(this::handshakeAll)
          .whenComplete((s, e) -> {
            if (s != null) {
              state = s;
              startRefresh();
              log.info("connected to Lit nodes {} (threshold {}, epoch {}, handshake {})",
                  s.connectedNodes(), s.minNodeCount(), s.epochNumber(), s.requestId());
            }
          });
      connecting = attempt;
      return attempt;
    }
  }

  private CompletableFuture<ConnectionState> handshakeAll(ValidatorSet set) {
    if (closed) return CompletableFuture.failedFuture(closedError());
    String requestId = SdkHeaders.newRequestId();
    Map<String, String> challenges = new ConcurrentHashMap<>();
    Map<String, NodeHandshake> parsed = new ConcurrentHashMap<>();
    Duration perNode = min(config.requestTimeout(), config.connectTimeout());
    NodeFanOut.Call call = new NodeFanOut.Call(
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
        // the whole handshake phase is bounded by connectTimeout, whatever the retry policy does;
        // nodes that answered by then are enough if they agree
        config.connectTimeout(),
        (url, reply) -> {
          NodeHandshake h = HandshakeProtocol.read(reply, challenges.get(url), requestId);
          parsed.put(url, h);
          return Optional.empty();
        });
    return fanOut.send(call)
        .thenCompose(responses -> checkAttestations(responses, parsed))
        .thenApply(checked -> decide(set, checked.responses(), checked.valid(), checked.rejected()));
  }

  private record Checked(NodeResponses responses, List<NodeHandshake> valid, Map<String, LitException> rejected) {}

  private CompletableFuture<Checked> checkAttestations(NodeResponses responses, Map<String, NodeHandshake> parsed) {
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
        check = CompletableFuture.failedFuture(LitException.builder()
            .message("Missing attestation in handshake response from " + h.nodeUrl())
            .nodeUrl(h.nodeUrl()).requestId(responses.requestId())
            .errorCode("InvalidNodeAttestation").errorKind("Unexpected")
            .buildNode());
      } else {
        try {
          check = attestationVerifier.verify(h.nodeUrl(), h.challenge(), h.attestationReport().get());
        } catch (RuntimeException e) {
          check = CompletableFuture.failedFuture(e);
        }
      }
      checks.add(check.handle((v, e) -> {
        if (e != null) rejected.put(h.nodeUrl(), asAttestationError(unwrap(e), h.nodeUrl(), responses.requestId()));
        return null;
      }));
    }
    return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<NodeHandshake> ok = candidates.stream().filter(h -> !rejected.containsKey(h.nodeUrl())).toList();
      return new Checked(responses, ok, Map.copyOf(rejected));
    });
  }

  private ConnectionState decide(ValidatorSet set, NodeResponses responses, List<NodeHandshake> valid, Map<String, LitException> rejected) {
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
      if (closed || refreshTask != null) return;
      refreshTask = scheduleRepeating(this::refresh, every);
    }
  }

  private void refresh() {
    if (closed) return;
    connectAsync().whenComplete((s, e) -> {
      if (e != null && !closed) log.warn("background refresh of the Lit network failed; keeping the previous state: {}", unwrap(e).getMessage());
    });
  }

  /** {@return whether a connect has succeeded (and the client is not closed)} */
  public boolean isReady() {
    return state != null && !closed;
  }

  /** {@return the state of the last successful connect, if any} */
  public Optional<ConnectionState> connectionState() {
    return Optional.ofNullable(state);
  }

  /**
   * The latest block hash the connected nodes agree on (the SIWE nonce for session keys),
   * refreshed by the background reconnect.
   *
   * @return the latest block hash
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public String getLatestBlockhash() {
    return ready().latestBlockhash();
  }

  /**
   * Asynchronous {@link #getLatestBlockhash()}.
   *
   * @return a future of the latest block hash
   */
  public CompletableFuture<String> getLatestBlockhashAsync() {
    try {
      return CompletableFuture.completedFuture(getLatestBlockhash());
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * {@return the nodes requests go to}
   *
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public List<String> connectedNodes() {
    return ready().connectedNodes();
  }

  /**
   * {@return the threshold of the connected validator set}
   *
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public int minNodeCount() {
    return ready().minNodeCount();
  }

  /**
   * {@return the epoch of the connected validator set}
   *
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public long currentEpochNumber() {
    return ready().epochNumber();
  }

  /**
   * Runs a Lit Action on every connected node ({@code /web/execute}) and combines what they
   * return: response and logs by majority, ECDSA signatures combined and verified per name,
   * key claims with one signature per node.
   *
   * <p>Every connected node is asked (all must be, since only the signing subset returns shares);
   * unlike the JS SDK, a node that fails does not fail the call as long as at least
   * {@code minNodeCount} nodes answered and every signature combines and verifies. Failing nodes
   * are logged.
   *
   * @param request the action, its parameters and auth
   * @return the combined response, logs and signatures
   * @throws LitValidationException if the request is missing or has no auth sig for a connected node
   * @throws LitActionException if the action threw on too many nodes
   *     (with the action's error text and logs)
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes
   *     answered; the message says why each failed, and node error fields are kept
   * @throws LitCryptoException if a signature cannot be combined
   *     ({@code NoValidShares}, {@code UnknownSignatureError})
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public ExecuteJsResponse executeJs(ExecuteJsRequest request) {
    return join(executeJsAsync(request));
  }

  /**
   * Asynchronous {@link #executeJs(ExecuteJsRequest)}; the future fails with the same exceptions.
   *
   * @param request the action, its parameters and auth
   * @return a future of the combined response
   */
  public CompletableFuture<ExecuteJsResponse> executeJsAsync(ExecuteJsRequest request) {
    if (request == null) return CompletableFuture.failedFuture(new LitValidationException("executeJs request is missing"));
    return sendToAllConnected("executeJs", ExecuteJsProtocol.PATH, url -> ExecuteJsProtocol.body(request, url),
        (responses, state) -> ExecuteJsProtocol.read(responses, state.minNodeCount()));
  }

  /**
   * Signs a 32-byte digest with a PKP ({@code /web/pkp/sign} on every connected node) and combines
   * the shares into a verified signature, checked to be over the requested digest by the
   * requested key.
   *
   * @param request the digest, PKP and auth
   * @return the signature ({@code r}, low {@code s}, {@code recid}, {@code signature} r‖s‖v)
   * @throws LitValidationException if the request is missing or has no auth sig for a connected node
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes
   *     answered; the message says why each failed, and node error fields are kept
   * @throws LitCryptoException if the shares do not combine into a valid signature
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public EcdsaSignature pkpSign(PkpSignRequest request) {
    return join(pkpSignAsync(request));
  }

  /**
   * Asynchronous {@link #pkpSign(PkpSignRequest)}; the future fails with the same exceptions.
   *
   * @param request the digest, PKP and auth
   * @return a future of the signature
   */
  public CompletableFuture<EcdsaSignature> pkpSignAsync(PkpSignRequest request) {
    if (request == null) return CompletableFuture.failedFuture(new LitValidationException("pkpSign request is missing"));
    return sendToAllConnected("pkpSign", PkpSignProtocol.PATH, url -> PkpSignProtocol.body(request, url),
        (responses, state) -> PkpSignProtocol.read(request, responses, state.minNodeCount()));
  }

  // ------------------------------------------------------------------ sessions

  /**
   * Session signatures for every connected node (4.2.0 {@code SessionSigsMap} format), as the
   * JS SDK's {@code getSessionSigs}: the session key comes from the configured
   * {@link SessionKeyStore} (made once, then reused); the wallet sig is the
   * stored one while it still verifies, delegates to this session key and covers every
   * requested ability, else the {@code authNeededCallback}'s (checked, then stored).
   *
   * <p>Unlike 4.2.0 the per-node sigs expire with the wallet sig (not after a fixed 5 minutes),
   * the callback gets a ReCap built from the requests, and its answer is checked.
   *
   * @param request what the session may do and how the wallet signs
   * @return one session sig per connected node
   * @throws LitValidationException if the request is missing
   * @throws LitAuthException if the callback fails or its auth sig does not
   *     delegate to the session key with the requested abilities
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public SessionSigs getSessionSigs(SessionSigsRequest request) {
    return join(getSessionSigsAsync(request));
  }

  /**
   * Asynchronous {@link #getSessionSigs}; the callback runs on a client worker thread.
   *
   * @param request what the session may do and how the wallet signs
   * @return a future of the session sigs
   */
  public CompletableFuture<SessionSigs> getSessionSigsAsync(SessionSigsRequest request) {
    if (request == null) return CompletableFuture.failedFuture(new LitValidationException("getSessionSigs request is missing"));
    return onWorker(() -> {
      ConnectionState s = ready();
      SessionKeyPair key =
          SessionFlow.sessionKey(config.sessionKeyStore(), request.sessionKey(), log);
      return SessionFlow.sign(request, key, config.sessionKeyStore(), s.latestBlockhash(),
          s.connectedNodes(), log);
    });
  }

  /**
   * Has a PKP sign a SIWE delegating to a session key ({@code /web/sign_session_key}): the SIWE
   * is built as 4.2.0 builds it (statement {@code Lit Protocol PKP session signature}, a ReCap
   * of the requested abilities, nonce = latest blockhash), the nodes rewrite and threshold-sign
   * it, and the shares ({@code bigr} spelling) are combined and verified: over the EIP-191 hash
   * of the returned SIWE, by the requested PKP, delegating to this session key.
   *
   * @param params the PKP, its auth and the session key's abilities
   * @return the auth sig by the PKP's address, and the PKP's key
   * @throws LitValidationException if the params are missing
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes answered
   * @throws LitCryptoException if the shares do not combine into that signature
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public SignSessionKeyResult signSessionKey(SignSessionKeyParams params) {
    return join(signSessionKeyAsync(params));
  }

  /**
   * Asynchronous {@link #signSessionKey}.
   *
   * @param params the PKP, its auth and the session key's abilities
   * @return a future of the result
   */
  public CompletableFuture<SignSessionKeyResult> signSessionKeyAsync(SignSessionKeyParams params) {
    if (params == null) return CompletableFuture.failedFuture(new LitValidationException("signSessionKey params are missing"));
    String siwe;
    try {
      siwe = params.siwe(ready().latestBlockhash()).build().prepareMessage();
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
    ObjectNode body = SignSessionKeyProtocol.body(params, siwe);
    return sendToAllConnected("signSessionKey", SignSessionKeyProtocol.PATH, url -> body.deepCopy(),
        (responses, state) -> SignSessionKeyProtocol.read(params, responses, state.minNodeCount()));
  }

  /**
   * Session sigs whose capability is signed by a PKP (LitAuthClient's {@code getSessionSigs}
   * with a PKP): {@link #getSessionSigs} with a callback that calls {@link #signSessionKey} for
   * the request's PKP and auth methods. The PKP-signed capability is stored under a key of the
   * PKP's address, so it is reused only for that PKP.
   *
   * @param request the PKP, its auth and what the session may do
   * @return one session sig per connected node
   * @throws LitValidationException if the request is missing
   * @throws LitNodeException if the nodes refuse (e.g. the auth method is not
   *     permitted on the PKP: {@code NodeAuthSigScopeTooLimited})
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public SessionSigs getPkpSessionSigs(PkpSessionRequest request) {
    return join(getPkpSessionSigsAsync(request));
  }

  /**
   * Asynchronous {@link #getPkpSessionSigs}.
   *
   * @param request the PKP, its auth and what the session may do
   * @return a future of the session sigs
   */
  public CompletableFuture<SessionSigs> getPkpSessionSigsAsync(PkpSessionRequest request) {
    if (request == null) return CompletableFuture.failedFuture(new LitValidationException("getPkpSessionSigs request is missing"));
    return onWorker(() -> {
      SessionKeyPair key =
          SessionFlow.sessionKey(config.sessionKeyStore(), request.sessionKey(), log);
      SessionSigsRequest generic = request
          .toSessionSigsRequest(p -> signSessionKey(request.signSessionKeyParams(key, p)).authSig())
          .sessionKey(key).build();
      ConnectionState s = ready();
      return SessionFlow.sign(generic, key, config.sessionKeyStore(), s.latestBlockhash(),
          s.connectedNodes(), log);
    });
  }

  // ------------------------------------------------------------------ capacity, claims

  /**
   * A capacity delegation auth sig (4.2.0 {@code createCapacityDelegationAuthSig}): the owner
   * signs a SIWE ({@code uri lit:capability:delegation}, nonce = latest blockhash) with a ReCap
   * granting {@code Auth/Auth} on {@code lit-ratelimitincrease://<id|*>} to the delegatees.
   * Connects first if the client is not connected, as the SDK does. Pass
   * {@code capacityDelegationAuthSig()} of the result to session requests.
   *
   * @param params the owner, delegatees, uses and expiry
   * @return the signed delegation
   * @throws LitValidationException if the params are missing or make an invalid SIWE
   * @throws LitException if connecting fails
   */
  public CapacityDelegation createCapacityDelegationAuthSig(CapacityDelegationParams params) {
    return join(createCapacityDelegationAuthSigAsync(params));
  }

  /**
   * Asynchronous {@link #createCapacityDelegationAuthSig}; the signer runs on a client worker thread.
   *
   * @param params the owner, delegatees, uses and expiry
   * @return a future of the delegation
   */
  public CompletableFuture<CapacityDelegation> createCapacityDelegationAuthSigAsync(
      CapacityDelegationParams params) {
    if (params == null) return CompletableFuture.failedFuture(new LitValidationException("capacity delegation params are missing"));
    CompletableFuture<ConnectionState> connected = isReady() ? CompletableFuture.completedFuture(state) : connectAsync();
    return connected.thenCompose(s -> onWorker(() -> CapacityDelegation.create(
        params.signer(), params.toRequest(s.latestBlockhash()), params.clock())));
  }

  /**
   * Claims a key id for an auth method ({@code /web/pkp/claim}; nodes answer 202): every
   * connected node signs the derived key id with its staking wallet; the PKP public key is
   * derived locally from the handshake's {@code hdRootPubkeys}. Mint it with
   * {@code PKPNFT.claimAndMint(2, derivedKeyId, signatures)}.
   *
   * @param authMethod the auth method to claim a key for
   * @return the key id, derived public key and node signatures
   * @throws LitValidationException if the auth method is missing or WebAuthn (not claimable)
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes signed
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public ClaimKeyResult claimKeyId(AuthMethod authMethod) {
    return join(claimKeyIdAsync(authMethod));
  }

  /**
   * Asynchronous {@link #claimKeyId}.
   *
   * @param authMethod the auth method to claim a key for
   * @return a future of the claim result
   */
  public CompletableFuture<ClaimKeyResult> claimKeyIdAsync(AuthMethod authMethod) {
    if (authMethod == null) return CompletableFuture.failedFuture(new LitValidationException("authMethod is missing"));
    if (authMethod.authMethodType() == AuthMethodType.WEB_AUTHN.value()) {
      return CompletableFuture.failedFuture(new LitValidationException("WebAuthn auth methods cannot claim keys (as in the SDK)"));
    }
    ObjectNode body = ClaimProtocol.body(authMethod);
    return sendToAllConnected("claimKeyId", ClaimProtocol.PATH, url -> body.deepCopy(),
        (responses, s) -> ClaimProtocol.read(responses, s.hdRootPubkeys()));
  }

  // ------------------------------------------------------------------ encryption

  /**
   * Encrypts {@code data} to {@code conditions} (4.2.0 {@code encrypt}; local, no node call):
   * TimeCrypt under the network key with identity
   * {@code lit-accesscontrolcondition://<hash(conditions)>/<sha256(data)>}.
   *
   * @param conditions who may decrypt
   * @param data the plaintext
   * @return the ciphertext and the plaintext's hash
   * @throws LitValidationException if an argument is missing
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public EncryptResponse encrypt(AccessControlConditions conditions, byte[] data) {
    if (conditions == null) throw new LitValidationException("conditions are missing");
    if (data == null) throw new LitValidationException("data to encrypt is missing");
    BlsPublicKey key = BlsPublicKey.fromHex(ready().subnetPubKey());
    AccessControlConditionResource resource = AccessControlConditionResource.of(conditions, data);
    byte[] ct = TimeCrypt.encrypt(key, data, resource.identity());
    return new EncryptResponse(java.util.Base64.getEncoder().encodeToString(ct), resource.dataToEncryptHashHex());
  }

  /**
   * Asynchronous {@link #encrypt(AccessControlConditions, byte[])}.
   *
   * @param conditions who may decrypt
   * @param data the plaintext
   * @return a future of the ciphertext and the plaintext's hash
   */
  public CompletableFuture<EncryptResponse> encryptAsync(AccessControlConditions conditions, byte[] data) {
    try {
      return CompletableFuture.completedFuture(encrypt(conditions, data));
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Encrypts the UTF-8 bytes of {@code text} (4.2.0 {@code encryptString}).
   *
   * @param conditions who may decrypt
   * @param text the plaintext
   * @return the ciphertext and the plaintext's hash
   * @throws LitValidationException if an argument is missing
   */
  public EncryptResponse encryptString(AccessControlConditions conditions, String text) {
    if (text == null) throw new LitValidationException("text to encrypt is missing");
    return encrypt(conditions, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Asynchronous {@link #encryptString}.
   *
   * @param conditions who may decrypt
   * @param text the plaintext
   * @return a future of the ciphertext and the plaintext's hash
   */
  public CompletableFuture<EncryptResponse> encryptStringAsync(AccessControlConditions conditions, String text) {
    try {
      return CompletableFuture.completedFuture(encryptString(conditions, text));
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Encrypts a file's bytes (4.2.0 {@code encryptFile}, without zipping).
   *
   * @param conditions who may decrypt
   * @param file the file to encrypt
   * @return the ciphertext and the plaintext's hash
   * @throws LitValidationException if an argument is missing
   * @throws LitException if the file cannot be read
   */
  public EncryptResponse encryptFile(AccessControlConditions conditions, Path file) {
    return encrypt(conditions, readFile(file));
  }

  /**
   * Asynchronous {@link #encryptFile}; the file is read on a client worker thread.
   *
   * @param conditions who may decrypt
   * @param file the file to encrypt
   * @return a future of the ciphertext and the plaintext's hash
   */
  public CompletableFuture<EncryptResponse> encryptFileAsync(AccessControlConditions conditions, Path file) {
    return onWorker(() -> encryptFile(conditions, file));
  }

  /**
   * Decrypts (4.2.0 {@code decrypt}): asks every connected node for its decryption share
   * ({@code /web/encryption/sign}) and decrypts as soon as {@code minNodeCount} of the shares in
   * hand combine into a signature that verifies against the network key (the calls still open
   * are cancelled). Nodes that fail, refuse, hang or send a bad share are left out, so
   * {@code minNodeCount} honest nodes suffice. The plaintext is checked against
   * {@code dataToEncryptHash}.
   *
   * @param request the ciphertext, its conditions and auth
   * @return the plaintext
   * @throws LitValidationException if the request is missing, its ciphertext malformed, or no
   *     auth sig is given for a connected node
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes gave a
   *     share (e.g. {@code NodeAccessControlConditionsReturnedNotAuthorized} when the conditions do not hold)
   * @throws LitCryptoException if no {@code minNodeCount} shares verify or the
   *     ciphertext does not decrypt
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public byte[] decrypt(DecryptRequest request) {
    return join(decryptAsync(request));
  }

  /**
   * Asynchronous {@link #decrypt}.
   *
   * @param request the ciphertext, its conditions and auth
   * @return a future of the plaintext
   */
  public CompletableFuture<byte[]> decryptAsync(DecryptRequest request) {
    if (request == null) return CompletableFuture.failedFuture(new LitValidationException("decrypt request is missing"));
    byte[] ciphertext;
    try {
      ciphertext = TimeCryptCiphertext.fromBase64(request.ciphertext()).toBytes();
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
    String dataHash = request.dataToEncryptHash().toLowerCase(java.util.Locale.ROOT);
    AccessControlConditions c = request.conditions();
    byte[] identity = c.resource(dataHash).identity();
    AtomicReference<BlsSignature> early = new AtomicReference<>();
    return sendToConnected("decrypt", BlsShareProtocol.DECRYPT_PATH,
        url -> BlsShareProtocol.decryptBody(c, dataHash, request.chain(), request.auth().authSigFor(url)),
        s -> replies -> enoughShares(replies.values(), r -> true, s.subnetPubKey(), identity, s.minNodeCount(), early),
        (responses, s) -> {
          BlsSignature sig = early.get();
          if (sig == null) {
            Map<String, LitException> rejected = new LinkedHashMap<>();
            var shares = BlsShareProtocol.shares(responses, r -> true, log, rejected);
            sig = BlsShareProtocol.combineTolerant("decrypt",
                responses.requestId(), BlsPublicKey.fromHex(s.subnetPubKey()), identity, shares, s.minNodeCount(), log);
          }
          byte[] plain = TimeCrypt.decrypt(ciphertext, sig);
          if (!AccessControlConditionResource.dataToEncryptHash(plain).equals(dataHash)) {
            throw LitException.builder().message("decrypt: the plaintext does not hash to dataToEncryptHash " + dataHash
                + " (request " + responses.requestId() + ")").requestId(responses.requestId()).buildCrypto();
          }
          return plain;
        });
  }

  /**
   * Decrypts to text (4.2.0 {@code decryptToString}): {@link #decrypt} read as UTF-8.
   *
   * @param request the ciphertext, its conditions and auth
   * @return the plaintext as text
   * @throws LitException as {@link #decrypt}
   */
  public String decryptToString(DecryptRequest request) {
    return join(decryptToStringAsync(request));
  }

  /**
   * Asynchronous {@link #decryptToString}.
   *
   * @param request the ciphertext, its conditions and auth
   * @return a future of the plaintext as text
   */
  public CompletableFuture<String> decryptToStringAsync(DecryptRequest request) {
    return decryptAsync(request).thenApply(b -> new String(b, StandardCharsets.UTF_8));
  }

  /**
   * Decrypts into {@code target} (created or replaced).
   *
   * @param request the ciphertext, its conditions and auth
   * @param target the file to write the plaintext to
   * @throws LitValidationException if {@code target} is missing
   * @throws LitException as {@link #decrypt}, or if the file cannot be written
   */
  public void decryptToFile(DecryptRequest request, Path target) {
    join(decryptToFileAsync(request, target));
  }

  /**
   * Asynchronous {@link #decryptToFile}.
   *
   * @param request the ciphertext, its conditions and auth
   * @param target the file to write the plaintext to
   * @return a future that completes when the file is written
   */
  public CompletableFuture<Void> decryptToFileAsync(DecryptRequest request, Path target) {
    if (target == null) return CompletableFuture.failedFuture(new LitValidationException("target file is missing"));
    return decryptAsync(request).thenAccept(b -> {
      try {
        Files.write(target, b);
      } catch (java.io.IOException e) {
        throw new LitException("cannot write decrypted data to " + target + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * A JWT signed by the network for conditions that hold (4.2.0 {@code getSignedToken},
   * {@code /web/signing/access_control_condition}): issued now, valid 12 hours; the shares of the
   * nodes agreeing on the unsigned JWT are combined (bad ones left out, as in {@link #decrypt})
   * and the signature is verified against the network key.
   *
   * @param request the conditions, chain and auth
   * @return the signed JWT
   * @throws LitValidationException if the request is missing or no auth sig is given for a node
   * @throws LitNodeException if fewer than {@code minNodeCount} nodes signed
   * @throws LitCryptoException if no combination of shares verifies
   * @throws LitException (code {@code lit_node_client_not_ready_error}) before a successful connect
   */
  public SignedToken getSignedToken(SignedTokenRequest request) {
    return join(getSignedTokenAsync(request));
  }

  /**
   * Asynchronous {@link #getSignedToken}.
   *
   * @param request the conditions, chain and auth
   * @return a future of the signed token
   */
  public CompletableFuture<SignedToken> getSignedTokenAsync(SignedTokenRequest request) {
    if (request == null) return CompletableFuture.failedFuture(new LitValidationException("getSignedToken request is missing"));
    long iat = Instant.now().getEpochSecond();
    long exp = iat + 12 * 3600;
    AccessControlConditions c = request.conditions();
    AtomicReference<BlsSignature> early = new AtomicReference<>();
    AtomicReference<String> earlyJwt = new AtomicReference<>();
    return sendToConnected("getSignedToken", BlsShareProtocol.JWT_PATH,
        url -> BlsShareProtocol.jwtBody(c, request.chain(), request.auth().authSigFor(url), iat, exp),
        s -> replies -> {
          List<String> texts = new ArrayList<>();
          for (NodeReply r : replies.values()) texts.add(r.body().path("unsignedJwt").asText(""));
          String common = Consensus.mostCommon(texts).orElse("");
          if (common.isEmpty()) return false;
          boolean ok = enoughShares(replies.values(), r -> common.equals(r.body().path("unsignedJwt").asText("")), s.networkPubKey(),
              BlsJwt.signingInput(common), s.minNodeCount(), early);
          if (ok) earlyJwt.set(common);
          return ok;
        },
        (responses, s) -> {
          List<String> unsigned = new ArrayList<>();
          for (NodeReply r : responses.successes().values()) unsigned.add(r.body().path("unsignedJwt").asText(""));
          String jwt0 = Consensus.mostCommon(unsigned).filter(u -> !u.isEmpty())
              .orElseThrow(() -> LitException.builder().message("getSignedToken: no node returned an unsignedJwt (request "
                  + responses.requestId() + ")").requestId(responses.requestId()).errorCode("invalid_node_response").buildNode());
          BlsPublicKey key = BlsPublicKey.fromHex(s.networkPubKey());
          BlsSignature sig;
          String jwtUnsigned;
          if (early.get() != null) {
            sig = early.get();
            jwtUnsigned = earlyJwt.get();
          } else {
            Map<String, LitException> rejected = new LinkedHashMap<>();
            var shares = BlsShareProtocol.shares(responses,
                r -> jwt0.equals(r.body().path("unsignedJwt").asText("")), log, rejected);
            sig = BlsShareProtocol.combineTolerant("getSignedToken",
                responses.requestId(), key, BlsJwt.signingInput(jwt0), shares, s.minNodeCount(), log);
            jwtUnsigned = jwt0;
          }
          String jwt = BlsJwt.attachSignature(jwtUnsigned, sig);
          BlsJwt.VerifiedJwt v = BlsJwt.verify(jwt, key);
          return new SignedToken(jwt, v.header(), v.payload());
        });
  }

  /**
   * Whether the shares in hand already give a verified network signature over {@code message};
   * if so it is kept in {@code found}. Quiet: it runs for every new answer.
   */
  private static boolean enoughShares(java.util.Collection<NodeReply> replies, Function<NodeReply, Boolean> keep,
      String keyHex, byte[] message, int threshold, AtomicReference<BlsSignature> found) {
    var shares = BlsShareProtocol.shares(replies, keep, "", "", NOPLogger.NOP_LOGGER,
        new LinkedHashMap<>());
    if (shares.size() < Math.max(2, threshold)) return false;
    try {
      found.set(BlsShareProtocol.combineTolerant("", "",
          BlsPublicKey.fromHex(keyHex), message, shares, threshold, NOPLogger.NOP_LOGGER));
      return true;
    } catch (LitException e) {
      return false;
    }
  }

  private static byte[] readFile(Path file) {
    if (file == null) throw new LitValidationException("file is missing");
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new LitException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs blocking work (callbacks, signers, files) on the client's worker threads. */
  private <T> CompletableFuture<T> onWorker(Supplier<T> work) {
    if (closed) return CompletableFuture.failedFuture(closedError());
    try {
      return CompletableFuture.supplyAsync(work, blockingWork);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return CompletableFuture.failedFuture(closedError());
    }
  }

  /**
   * Sends one request to every connected node (bodies are built first, so a missing auth sig
   * fails before anything is sent), waits for all, and reads the answers once at least
   * {@code minNodeCount} succeeded.
   */
  private <T> CompletableFuture<T> sendToAllConnected(
      String operation, String path, Function<String, ObjectNode> bodyFor,
      BiFunction<NodeResponses, ConnectionState, T> read) {
    return sendToConnected(operation, path, bodyFor, null, read);
  }

  /**
   * As {@link #sendToAllConnected}, but with {@code enough} set the fan-out stops as soon as
   * {@code minNodeCount} answers satisfy it (e.g. their shares combine into a verified
   * signature), cancelling the calls still open; without it every node is waited for.
   */
  private <T> CompletableFuture<T> sendToConnected(
      String operation, String path, Function<String, ObjectNode> bodyFor,
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
    NodeFanOut.Call call = enough == null
        ? new NodeFanOut.Call(operation, path, s.connectedNodes(), bodies::get,
            SdkHeaders.newRequestId(), s.epochNumber(), config.requestTimeout(), false,
            s.connectedNodes().size(), true, Duration.ZERO, null)
        : new NodeFanOut.Call(operation, path, s.connectedNodes(), bodies::get,
            SdkHeaders.newRequestId(), s.epochNumber(), config.requestTimeout(), false,
            s.minNodeCount(), false, Duration.ZERO, null, enough.apply(s));
    return fanOut(call).thenApply(responses -> {
      responses.failures().forEach((url, e) -> log.warn("{} {}: node {} failed: {}", operation, responses.requestId(), url, e.getMessage()));
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

  /**
   * Sends {@code call}'s request to nodes and collects the answers; the building block of every
   * operation. Not for general use: operations on this class build the calls.
   */
  CompletableFuture<NodeResponses> fanOut(NodeFanOut.Call call) {
    if (closed) return CompletableFuture.failedFuture(closedError());
    return fanOut.send(call);
  }

  ConnectionState ready() {
    ConnectionState s = state;
    if (closed) throw closedError();
    if (s == null) {
      throw LitException.builder()
          .message("LitNodeClient is not ready: call connect() first and wait for it to succeed")
          .errorCode("lit_node_client_not_ready_error").errorKind("Unexpected")
          .build();
    }
    return s;
  }

  /**
   * Stops the background refresh. The connection state is kept, as in the SDK, so requests can
   * still be sent; {@link #connect()} starts the refresh again.
   */
  public void disconnect() {
    synchronized (lock) {
      if (refreshTask != null) {
        refreshTask.cancel(false);
        refreshTask = null;
      }
    }
  }

  /**
   * Stops everything: refresh, open requests (they fail), the client's threads and, when the
   * client created it, the HTTP client. Idempotent. A caller-supplied OkHttp client or transport
   * is left open.
   */
  @Override
  public void close() {
    CompletableFuture<ConnectionState> pending;
    synchronized (lock) {
      if (closed) return;
      closed = true;
      pending = connecting;
    }
    disconnect();
    if (pending != null) pending.completeExceptionally(closedError());
    scheduler.shutdownNow();
    blockingWork.shutdownNow();
    if (ownsTransport) transport.close();
    if (ownedFetchClient != null) ownedFetchClient.connectionPool().evictAll();
    // only closes a contracts client the source made itself (localNetwork / forRpc)
    if (config.validatorSource() instanceof StakingValidatorSource staking) staking.close();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
      blockingWork.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ScheduledFuture<?> scheduleRepeating(Runnable r, Duration every) {
    try {
      return scheduler.scheduleWithFixedDelay(r, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return null;
    }
  }

  private static LitException asAttestationError(Throwable t, String url, String requestId) {
    if (t instanceof LitException e) return e;
    return LitException.builder()
        .message("attestation of Lit node " + url + " is invalid: " + t.getMessage())
        .nodeUrl(url).requestId(requestId).cause(t)
        .errorCode("InvalidNodeAttestation").errorKind("Unexpected")
        .buildNode();
  }

  private static LitException closedError() {
    return LitException.builder().message("LitNodeClient is closed; create a new client").errorCode("client_closed").build();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
    return t;
  }

  /** Waits for {@code f}, rethrowing a {@link LitException} as is. */
  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable t = unwrap(e);
      if (t instanceof LitException le) {
        // a fresh copy would lose the type; rethrow the original, noting where we waited
        le.addSuppressed(new WaitedHere());
        throw le;
      }
      throw new LitException("request failed: " + t, t);
    }
  }

  /** Marks the caller's stack in an async failure rethrown by a blocking method. */
  private static final class WaitedHere extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitedHere() {
      super("waited here for the asynchronous result");
    }
  }
}
