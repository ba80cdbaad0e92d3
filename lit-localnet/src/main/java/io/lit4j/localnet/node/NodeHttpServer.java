package io.lit4j.localnet.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of one simulated node, as the real node's Rocket server behaves on the unversioned
 * routes: POST with {@code Content-Type: application/json} only (else 404), the correlation id
 * taken from {@code X-Request-Id} / {@code X-Correlation-Id} (or an {@code LD-<uuid>} made up), bad
 * JSON answered with 422 {@code NodeBadInput}, errors in the node's error JSON, open CORS and an
 * {@code X-Lit-Node-Version} header on every answer.
 */
public final class NodeHttpServer implements AutoCloseable {
  /** The node version this simulator reports. */
  public static final String NODE_VERSION = "0.2.16-lit4j-localnet";

  private static final Logger LOG = LoggerFactory.getLogger(NodeHttpServer.class);

  /*
   * The JDK server writes a response's headers and body as two TCP segments; without
   * TCP_NODELAY, Nagle holds the body until the client ACKs the headers, and the client delays
   * that ACK (~40 ms on Linux): every answer would stall ~40 ms. The JDK reads this property once,
   * when its server classes initialise, which is after this class (the first to create a
   * server here), unless the embedding JVM created a JDK HttpServer before; an explicit
   * -Dsun.net.httpserver.nodelay=... wins.
   */
  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  /**
   * Requests one node handles at once; more are answered at once with HTTP 429 and no Lit JSON
   * body, as a v4 node answers concurrency overload (node-behavior.md §9.2), rather than queued.
   */
  public static final int MAX_CONCURRENT_REQUESTS = 256;

  private final String host;
  private final int port;
  private final Map<String, NodeRoute> routes = new ConcurrentHashMap<>();
  private final NodeFaults faults = new NodeFaults();
  private final ExecutorService executor;
  private final Semaphore admitted = new Semaphore(MAX_CONCURRENT_REQUESTS);
  private final Object lifecycle = new Object();
  private HttpServer server;
  private boolean closed;

  /**
   * Binds a server on {@code host:port}; port 0 picks a free port.
   *
   * <p>Requests never wait in a queue behind busy threads: a coordinated Lit Action blocks its
   * request thread until every node reaches the same op, so with a fixed pool, more concurrent
   * coordinated actions than threads could hold each node's threads with actions the other nodes
   * have queued (each waiting for the others). The pool grows instead, up to {@link
   * #MAX_CONCURRENT_REQUESTS} requests in progress, and shrinks back to {@code threads} idle ones.
   *
   * @param threads request threads kept when idle
   * @param host the address to bind
   * @param port the port, 0 for a free one
   */
  public NodeHttpServer(String host, int port, int threads) {
    this.host = host;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, "lit-localnet-node-" + port + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    // no queue: every admitted request gets a thread at once (see above); idle extras end after 30
    // s
    this.executor =
        new ThreadPoolExecutor(
            threads, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), tf);
    this.server = bind(host, port);
    this.port = server.getAddress().getPort();
  }

  private HttpServer bind(String host, int port) {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 128);
      s.createContext("/", this::dispatch);
      s.setExecutor(executor);
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind node on " + host + ":" + port, e);
    }
  }

  /**
   * Registers the handler of a POST path such as {@code /web/handshake}.
   *
   * @param path the POST path
   * @param route the handler
   * @return this server
   */
  public NodeHttpServer route(String path, NodeRoute route) {
    routes.put(path, route);
    return this;
  }

  /**
   * The bound host.
   *
   * @return the host
   */
  public String host() {
    return host;
  }

  /**
   * The bound port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /** {@return {@code http://host:port}, as the SDK builds node URLs from Staking} */
  public String url() {
    return "http://" + host + ":" + port;
  }

  /**
   * The fault the node is in.
   *
   * @return the fault, {@link NodeFault#NONE} when healthy
   */
  public NodeFault fault() {
    return faults.fault();
  }

  /**
   * Switches the node into a fault (or back with {@link NodeFault#NONE}).
   *
   * @param fault the fault, or {@link NodeFault#NONE}
   */
  public void setFault(NodeFault fault) {
    setFault(fault, null);
  }

  /**
   * Switches the node into a fault; {@code slowDelay} applies to {@link NodeFault#SLOW}.
   *
   * @param fault the fault, or {@link NodeFault#NONE}
   * @param slowDelay the delay {@link NodeFault#SLOW} adds
   */
  public void setFault(NodeFault fault, Duration slowDelay) {
    synchronized (lifecycle) {
      if (closed) throw new IllegalStateException("node is closed");
      NodeFault before = faults.fault();
      faults.set(fault, slowDelay);
      if (fault == NodeFault.DOWN && before != NodeFault.DOWN) {
        server.stop(0);
      } else if (fault != NodeFault.DOWN && before == NodeFault.DOWN) {
        server = bind(host, port);
      }
    }
  }

  /** {@return the node's faults, for handlers that falsify shares or handshakes} */
  public NodeFaults faults() {
    return faults;
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String correlationId = null;
    try (ex) {
      ex.getResponseHeaders().add("X-Lit-Node-Version", NODE_VERSION);
      ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
      ex.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
      ex.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST, PATCH, OPTIONS");
      ex.getResponseHeaders().add("Access-Control-Allow-Headers", "*");
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      if (method.equals("OPTIONS")) {
        sendEmpty(ex, 204);
        return;
      }
      Map<String, List<String>> headers = new HashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
      String requestId = first(headers, "x-request-id");
      if (requestId == null) requestId = first(headers, "x-correlation-id");
      boolean sent = requestId != null;
      correlationId = sent ? requestId : "LD-" + UUID.randomUUID();

      if (!admitted.tryAcquire()) {
        sendText(ex, 429, "Too Many Requests");
        return;
      }
      try {
        handle(ex, method, headers, correlationId, sent);
      } finally {
        admitted.release();
      }
    } catch (IOException e) {
      LOG.debug("node {}: connection failed [{}]: {}", port, correlationId, e.toString());
    }
  }

  private void handle(
      HttpExchange ex,
      String method,
      Map<String, List<String>> headers,
      String correlationId,
      boolean sent)
      throws IOException {
    NodeFault fault = faults.fault();
    if (fault == NodeFault.SLOW) sleep(faults.slowDelay());
    NodeRoute route = routes.get(ex.getRequestURI().getPath());
    String contentType = first(headers, "content-type");
    if (route == null
        || !method.equals("POST")
        || contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      sendText(ex, 404, "Not Found");
      return;
    }
    if (fault == NodeFault.HTTP_500) {
      sendJson(
          ex,
          500,
          NodeError.of(NodeErrorCode.NodeSystemFault, "fault injected: HTTP 500")
              .body(correlationId));
      return;
    }
    if (fault == NodeFault.GARBAGE_JSON) {
      sendRaw(ex, 200, "application/json", "{\"success\":tru<<garbage");
      return;
    }
    byte[] raw = readBody(ex.getRequestBody());
    JsonNode body;
    try {
      body = LitJson.mapper().readTree(raw);
      if (body == null || !body.isObject())
        throw new IllegalArgumentException("body is not a JSON object");
    } catch (IOException | IllegalArgumentException e) {
      String why =
          e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
      sendJson(
          ex,
          422,
          NodeError.of(NodeErrorCode.NodeBadInput, "Parse error: " + why).body(correlationId));
      return;
    }
    NodeRequest request =
        new NodeRequest(ex.getRequestURI().getPath(), correlationId, sent, headers, body);
    JsonNode answer;
    try {
      answer = route.handle(request);
    } catch (NodeError e) {
      sendJson(ex, e.status(), e.body(correlationId));
      return;
    } catch (RuntimeException e) {
      LOG.warn("node {} failed on {} [{}]", port, request.path(), correlationId, e);
      sendJson(
          ex,
          500,
          NodeError.of(NodeErrorCode.NodeSystemFault, String.valueOf(e.getMessage()))
              .body(correlationId));
      return;
    }
    sendJson(ex, route.successStatus(), answer);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] data = in.readNBytes(MAX_BODY_BYTES + 1);
    if (data.length > MAX_BODY_BYTES) throw new IOException("request body too large");
    return data;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
    sendRaw(ex, status, "application/json", LitJson.write(body));
  }

  private static void sendText(HttpExchange ex, int status, String text) throws IOException {
    sendRaw(ex, status, "text/plain; charset=utf-8", text);
  }

  private static void sendRaw(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sendEmpty(HttpExchange ex, int status) throws IOException {
    ex.sendResponseHeaders(status, -1);
  }

  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) return;
      closed = true;
      if (faults.fault() != NodeFault.DOWN) server.stop(0);
    }
    executor.shutdownNow();
  }
}
