package io.lit4j.node.internal;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.crypto.attestation.InMemoryVcekCache;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.handshake.AmdKdsVcekFetcher;
import io.lit4j.node.handshake.AttestationVerifier;
import io.lit4j.node.handshake.SevSnpAttestationVerifier;
import io.lit4j.node.internal.request.NodeFanOut;
import io.lit4j.node.internal.request.NodeRequester;
import io.lit4j.node.transport.NodeTransport;
import io.lit4j.node.transport.OkHttpNodeTransport;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Everything a client owns and releases on close, made once per client: the node transport and its
 * HTTP stack, the scheduler (deadlines, retries, refresh), the worker pool for blocking work
 * (callbacks, signers, files, certificate fetches), the fan-out and the attestation verifier.
 * Nothing here is made per call or per connect.
 */
public final class ClientResources {
  private NodeRequester requester;
  private final io.lit4j.node.internal.signing.NodeHealth nodeHealth =
      new io.lit4j.node.internal.signing.NodeHealth();
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final LitNodeClientConfig config;
  private final NodeTransport transport;
  private final boolean ownsTransport;
  private final OkHttpClient http;
  private final OkHttpClient ownedFetchClient;
  private final ScheduledExecutorService scheduler;
  private final ThreadPoolExecutor workers;
  private final NodeFanOut fanOut;
  private final AttestationVerifier attestationVerifier;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Makes the resources {@code config} asks for: the caller's transport or OkHttp client if given,
   * else an OkHttp transport of the client's own.
   *
   * @param config the client's settings
   */
  public ClientResources(LitNodeClientConfig config) {
    this.config = config;
    if (config.transport().isPresent()) {
      this.transport = config.transport().get();
      this.ownsTransport = false;
      this.http = config.httpClient().orElse(null);
    } else if (config.httpClient().isPresent()) {
      this.transport = OkHttpNodeTransport.using(config.httpClient().get());
      this.ownsTransport = false;
      this.http = config.httpClient().get();
    } else {
      OkHttpNodeTransport owned = OkHttpNodeTransport.create();
      this.transport = owned;
      this.ownsTransport = true;
      this.http = owned.okHttpClient();
    }
    int id = CLIENTS.incrementAndGet();
    // attestation checks may block on a certificate fetch, so blocking work gets threads of its own
    // (made on demand)
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            4,
            4,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "lit4j-node-client-" + id + "-work-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.workers.allowCoreThreadTimeOut(true);
    if (config.attestationVerifier().isPresent() || !config.checkNodeAttestation()) {
      this.ownedFetchClient = null;
      this.attestationVerifier = config.attestationVerifier().orElse(null);
    } else {
      // a caller-supplied transport is not OkHttp: certificate fetches then use a client of our own
      this.ownedFetchClient = http == null ? new OkHttpClient() : null;
      OkHttpClient fetch = http != null ? http : ownedFetchClient;
      this.attestationVerifier =
          new SevSnpAttestationVerifier(
              new InMemoryVcekCache(new AmdKdsVcekFetcher(fetch, config.requestTimeout())),
              workers);
    }
    ScheduledThreadPoolExecutor s =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "lit4j-node-client-" + id);
              t.setDaemon(true);
              return t;
            });
    s.setRemoveOnCancelPolicy(true);
    this.scheduler = s;
    this.requester = new NodeRequester(transport, config.retryPolicy(), scheduler, config.logger());
    this.fanOut = new NodeFanOut(requester, scheduler);
  }

  /** {@return the requester that sends one request to one node} */
  public NodeRequester requester() {
    return requester;
  }

  /** {@return what this client has seen of each node lately (failures, bad-share suspects)} */
  public io.lit4j.node.internal.signing.NodeHealth nodeHealth() {
    return nodeHealth;
  }

  /** {@return the fan-out every node request goes through} */
  public NodeFanOut fanOut() {
    return fanOut;
  }

  /** {@return the attestation verifier in use, if attestation is checked} */
  public Optional<AttestationVerifier> attestationVerifier() {
    return Optional.ofNullable(attestationVerifier);
  }

  /**
   * {@return the client's OkHttp client (its own or the caller's), if the transport uses OkHttp}
   */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(http);
  }

  /** {@return whether {@link #markClosed()} has been called} */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Runs blocking work (callbacks, signers, files) on the client's worker threads.
   *
   * @param work the work
   * @param <T> the result type
   * @return a future of its result, failed if the client is closed
   */
  public <T> CompletableFuture<T> onWorker(Supplier<T> work) {
    if (isClosed()) return CompletableFuture.failedFuture(closedError());
    try {
      return CompletableFuture.supplyAsync(work, workers);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(closedError());
    }
  }

  /**
   * Runs {@code task} every {@code every} on the scheduler.
   *
   * @param task the task
   * @param every the delay between runs
   * @return its handle, or null once the client is closed
   */
  public ScheduledFuture<?> scheduleRepeating(Runnable task, Duration every) {
    try {
      return scheduler.scheduleWithFixedDelay(
          task, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  /** {@return the error of every request made once the client is closed} */
  public static LitException closedError() {
    return LitException.builder()
        .message("LitNodeClient is closed; create a new client")
        .errorCode(LitErrorCode.CLIENT_CLOSED)
        .build();
  }

  /**
   * Marks the resources closed.
   *
   * @return whether this call closed them (false if already closed)
   */
  public boolean markClosed() {
    return closed.compareAndSet(false, true);
  }

  /**
   * Stops the threads and, when the client made them, the transport and the certificate-fetch
   * client; a caller-supplied OkHttp client or transport is left open.
   */
  public void release() {
    markClosed();
    scheduler.shutdownNow();
    workers.shutdownNow();
    if (ownsTransport) transport.close();
    if (ownedFetchClient != null) ownedFetchClient.connectionPool().evictAll();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@return the client's settings} */
  public LitNodeClientConfig config() {
    return config;
  }
}
