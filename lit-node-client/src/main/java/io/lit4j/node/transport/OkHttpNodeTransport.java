package io.lit4j.node.transport;

import io.lit4j.core.errors.LitValidationException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link NodeTransport} over OkHttp: asynchronous calls, one call timeout per request.
 *
 * <p>{@link #create()} builds a client this transport owns (its threads are named {@code
 * lit4j-okhttp-*} and stop on {@link #close()}); {@link #using(OkHttpClient)} borrows a caller's
 * client, which {@link #close()} leaves running. A borrowed client keeps its own dispatcher limits:
 * OkHttp allows 5 concurrent calls per host by default, which is too few for a local network whose
 * nodes all listen on {@code 127.0.0.1}; raise {@link Dispatcher#setMaxRequestsPerHost(int)} there.
 */
public final class OkHttpNodeTransport implements NodeTransport {
  private static final String JSON_TYPE = "application/json";
  private static final MediaType JSON = MediaType.get(JSON_TYPE);

  private final OkHttpClient client;
  private final boolean owned;

  /** Parsed node URLs: a client posts to the same few URLs on every call. */
  private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();

  private OkHttpNodeTransport(OkHttpClient client, boolean owned) {
    this.client = client;
    this.owned = owned;
  }

  /** {@return a transport with its own OkHttp client (closed by {@link #close()})} */
  public static OkHttpNodeTransport create() {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "lit4j-okhttp-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ExecutorService executor =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(64);
    OkHttpClient client =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectTimeout(Duration.ofSeconds(10))
            // each call gets its own call timeout; a read timeout would cut long Lit Actions short
            .readTimeout(Duration.ZERO)
            .writeTimeout(Duration.ZERO)
            .build();
    return new OkHttpNodeTransport(client, true);
  }

  /**
   * {@return a transport over a caller's client; {@link #close()} does not shut it down}
   *
   * @param client the caller's OkHttp client
   * @throws LitValidationException if {@code client} is null
   */
  public static OkHttpNodeTransport using(OkHttpClient client) {
    if (client == null) throw new LitValidationException("httpClient is missing");
    return new OkHttpNodeTransport(client, false);
  }

  /** {@return the OkHttp client this transport sends with} */
  public OkHttpClient okHttpClient() {
    return client;
  }

  @Override
  public CompletableFuture<NodeHttpResponse> post(NodeHttpRequest request) {
    CompletableFuture<NodeHttpResponse> result = new CompletableFuture<>();
    Call call;
    try {
      String contentType = JSON_TYPE;
      Request.Builder b = new Request.Builder().url(url(request.url()));
      for (Map.Entry<String, String> h : request.headers().entrySet()) {
        if (h.getKey().equalsIgnoreCase("Content-Type")) contentType = h.getValue();
        else b.header(h.getKey(), h.getValue());
      }
      // a byte[] body keeps Content-Type exactly as given (a String body would add ";
      // charset=utf-8")
      b.post(
          RequestBody.create(
              request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8),
              contentType.equals(JSON_TYPE) ? JSON : MediaType.get(contentType)));
      call = client.newCall(b.build());
    } catch (IllegalArgumentException e) {
      result.completeExceptionally(
          new IOException("cannot build request to " + request.url() + ": " + e.getMessage(), e));
      return result;
    }
    call.timeout().timeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
    result.whenComplete(
        (v, e) -> {
          if (result.isCancelled()) call.cancel();
        });
    try {
      call.enqueue(
          new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
              result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
              try (ResponseBody body = response.body()) {
                String text = body == null ? "" : body.string();
                result.complete(
                    new NodeHttpResponse(
                        response.code(), response.header("Content-Type", ""), text));
              } catch (IOException | RuntimeException e) {
                result.completeExceptionally(
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
              }
            }
          });
    } catch (RuntimeException e) {
      // a shut-down dispatcher rejects new calls
      result.completeExceptionally(new IOException("transport is closed", e));
    }
    return result;
  }

  /** {@return the parsed URL, parsed once per distinct URL (at most 1024 kept)} */
  private HttpUrl url(String url) {
    HttpUrl parsed = urls.get(url);
    if (parsed == null) {
      parsed = HttpUrl.get(url); // IllegalArgumentException for a malformed URL, as before
      if (urls.size() >= 1024) urls.clear();
      urls.put(url, parsed);
    }
    return parsed;
  }

  /** Cancels calls and stops threads when this transport owns its client. */
  @Override
  public void close() {
    if (!owned) return;
    client.dispatcher().cancelAll();
    ExecutorService executor = client.dispatcher().executorService();
    executor.shutdown();
    client.connectionPool().evictAll();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) executor.shutdownNow();
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
