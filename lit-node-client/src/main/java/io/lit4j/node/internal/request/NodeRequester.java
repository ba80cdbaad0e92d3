package io.lit4j.node.internal.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.node.NodeReply;
import io.lit4j.node.RetryPolicy;
import io.lit4j.node.transport.NodeHttpRequest;
import io.lit4j.node.transport.NodeHttpResponse;
import io.lit4j.node.transport.NodeTransport;
import io.lit4j.node.transport.SdkHeaders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Sends one request to one node: SDK headers, {@code epochNumber} appended to the body, a per-node
 * timeout, and repeats for failures the {@link RetryPolicy} calls safe.
 */
public final class NodeRequester {
  private final NodeTransport transport;
  private final RetryPolicy retry;
  private final ScheduledExecutorService scheduler;
  private final Logger log;

  /**
   * A requester sending through {@code transport}, timing and repeating on {@code scheduler}.
   *
   * @param transport the HTTP transport
   * @param retry when to repeat
   * @param scheduler runs timeouts and repeats
   * @param log where attempts are logged
   */
  public NodeRequester(
      NodeTransport transport, RetryPolicy retry, ScheduledExecutorService scheduler, Logger log) {
    this.transport = transport;
    this.retry = retry;
    this.scheduler = scheduler;
    this.log = log;
  }

  /**
   * POSTs {@code body} plus {@code epochNumber} to {@code nodeUrl + path}. Cancelling the returned
   * future stops the call and any repeat.
   *
   * @param idempotent whether repeating after a timeout or I/O error is harmless (the handshake)
   * @param nodeUrl the node's URL
   * @param path the endpoint path
   * @param body the body, without {@code epochNumber}
   * @param requestId the request id
   * @param epochNumber the epoch to append
   * @param timeout the timeout of one attempt
   * @return a future of the node's reply
   */
  public CompletableFuture<NodeReply> post(
      String nodeUrl,
      String path,
      ObjectNode body,
      String requestId,
      long epochNumber,
      Duration timeout,
      boolean idempotent) {
    // a shallow copy: only a top-level field is added, and the tree is only serialised
    ObjectNode wire = body.objectNode();
    wire.setAll(body);
    wire.put("epochNumber", epochNumber);
    Map<String, String> headers = SdkHeaders.forRequest(requestId);
    NodeHttpRequest request =
        new NodeHttpRequest(nodeUrl + path, headers, LitJson.write(wire), timeout);
    Call call = new Call(nodeUrl, requestId, request, idempotent);
    call.result.whenComplete(
        (v, e) -> {
          if (call.result.isCancelled()) call.cancelInFlight();
        });
    attempt(call, 1);
    return call.result;
  }

  private void attempt(Call call, int n) {
    if (call.result.isDone()) return;
    CompletableFuture<NodeHttpResponse> inFlight;
    try {
      inFlight = transport.post(call.request);
    } catch (RuntimeException e) {
      inFlight = CompletableFuture.failedFuture(new IOException(e.getMessage(), e));
    }
    call.inFlight = inFlight;
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> guard;
    CompletableFuture<NodeHttpResponse> watched = inFlight;
    try {
      guard =
          scheduler.schedule(
              () -> {
                if (!watched.isDone()) {
                  timedOut.set(true);
                  watched.cancel(true);
                }
              },
              call.request.timeout().toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      inFlight.cancel(true);
      call.result.completeExceptionally(closed(call));
      return;
    }
    inFlight.whenComplete(
        (response, error) -> {
          guard.cancel(false);
          if (call.result.isDone()) return;
          Failure f;
          if (response != null) {
            NodeAnswers.Result r = NodeAnswers.read(call.nodeUrl, call.requestId, response);
            if (r.reply() != null) {
              call.result.complete(r.reply());
              return;
            }
            f = new Failure(r.error(), false, false, response.status());
          } else {
            f = fromThrowable(call, unwrap(error), timedOut.get());
          }
          if (n < retry.maxAttempts() && retryable(f, call.idempotent)) {
            Duration wait = retry.backoff(n);
            log.debug(
                "repeating request {} to {} (attempt {} failed: {}) in {} ms",
                call.requestId,
                call.nodeUrl,
                n,
                f.error.getMessage(),
                wait.toMillis());
            try {
              scheduler.schedule(
                  () -> attempt(call, n + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
              call.result.completeExceptionally(f.error);
            }
          } else {
            call.result.completeExceptionally(f.error);
          }
        });
  }

  /** Safe repeats only: see {@link RetryPolicy}. */
  static boolean retryable(Failure f, boolean idempotent) {
    if (f.notSent) return true;
    if (f.status == 429 || f.status == 503) return true;
    if (!idempotent) return false;
    if (f.timeout || f.status == 0) return true;
    return (f.status == 502 || f.status == 504) && f.error.errorCode().isEmpty();
  }

  private Failure fromThrowable(Call call, Throwable t, boolean ourTimeout) {
    String ms = call.request.timeout().toMillis() + " ms";
    if (ourTimeout || t instanceof InterruptedIOException) {
      LitException e =
          LitException.builder()
              .message("Lit node " + call.nodeUrl + " did not answer within " + ms)
              .nodeUrl(call.nodeUrl)
              .requestId(call.requestId)
              .buildTimeout();
      return new Failure(e, true, false, 0);
    }
    boolean notSent =
        t instanceof ConnectException
            || t instanceof UnknownHostException
            || t instanceof NoRouteToHostException;
    LitException e =
        LitException.builder()
            .message(
                "cannot reach Lit node "
                    + call.nodeUrl
                    + ": "
                    + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : " " + t.getMessage()))
            .nodeUrl(call.nodeUrl)
            .requestId(call.requestId)
            .cause(t)
            .buildNode();
    return new Failure(e, false, notSent, 0);
  }

  private static LitException closed(Call call) {
    return LitException.builder()
        .message(
            "the client is closed; request "
                + call.requestId
                + " to "
                + call.nodeUrl
                + " was not sent")
        .nodeUrl(call.nodeUrl)
        .requestId(call.requestId)
        .build();
  }

  private static Throwable unwrap(Throwable t) {
    t = io.lit4j.core.util.Futures.unwrap(t);
    if (t instanceof CancellationException) return new InterruptedIOException("cancelled");
    return t;
  }

  record Failure(LitException error, boolean timeout, boolean notSent, int status) {}

  private static final class Call {
    final String nodeUrl;
    final String requestId;
    final NodeHttpRequest request;
    final boolean idempotent;
    final CompletableFuture<NodeReply> result = new CompletableFuture<>();
    volatile CompletableFuture<NodeHttpResponse> inFlight;

    Call(String nodeUrl, String requestId, NodeHttpRequest request, boolean idempotent) {
      this.nodeUrl = nodeUrl;
      this.requestId = requestId;
      this.request = request;
      this.idempotent = idempotent;
    }

    void cancelInFlight() {
      CompletableFuture<NodeHttpResponse> f = inFlight;
      if (f != null) f.cancel(true);
    }
  }
}
