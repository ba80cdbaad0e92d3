package io.lit4j.localnet.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JSON HTTP server on {@code 127.0.0.1} and an ephemeral port, for lit-localnet's identity
 * providers and relay. Not public API.
 */
public final class LoopbackHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoopbackHttpServer.class);

  /**
   * A request: method, path (after the matched route), headers (lower-case names), JSON body or
   * null.
   */
  public record Request(
      String method, String path, String rest, Map<String, String> headers, JsonNode body) {
    /** {@return a header by lower-case name} @param name the name */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  /** An answer: status and JSON body. */
  public record Reply(int status, JsonNode body) {
    /** {@return a 200 answer} @param body the body */
    public static Reply ok(JsonNode body) {
      return new Reply(200, body);
    }

    /**
     * {@return an error answer {@code {"error": message}}} @param status the status @param message
     * the message
     */
    public static Reply error(int status, String message) {
      ObjectNode o = LitJson.mapper().createObjectNode();
      o.put("error", message);
      return new Reply(status, o);
    }
  }

  /** Handles a request. */
  @FunctionalInterface
  public interface Handler {
    /** {@return the answer} @param request the request */
    Reply handle(Request request);
  }

  private final HttpServer server;
  private final ExecutorService executor;

  /** "METHOD path" (exact) or "METHOD path/*" (prefix) to handler. */
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();

  private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** {@return a started server on 127.0.0.1 and an ephemeral port} */
  public static LoopbackHttpServer start() {
    ExecutorService ex =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "lit-localnet-loopback");
              t.setDaemon(true);
              return t;
            });
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      LoopbackHttpServer l = new LoopbackHttpServer(s, ex);
      s.createContext("/", l::dispatch);
      s.setExecutor(ex);
      s.start();
      return l;
    } catch (IOException e) {
      ex.shutdownNow();
      throw new UncheckedIOException("cannot bind a loopback server", e);
    }
  }

  /** {@return {@code http://127.0.0.1:<port>}} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Routes GET {@code path} (a trailing {@code /*} matches any rest) to a body function.
   *
   * @param path the path
   * @param body gives the 200 body
   */
  public void get(String path, Function<Request, JsonNode> body) {
    route("GET", path, r -> Reply.ok(body.apply(r)));
  }

  /**
   * Routes {@code method path} (a trailing {@code /*} matches any rest) to a handler.
   *
   * @param method GET or POST
   * @param path the path
   * @param handler the handler
   */
  public void route(String method, String path, Handler handler) {
    routes.put(method + " " + path, handler);
  }

  private void dispatch(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      Reply reply;
      if ("OPTIONS".equals(method)) {
        reply = new Reply(204, null);
      } else {
        reply = handle(ex, method, path);
      }
      byte[] out =
          reply.body() == null ? new byte[0] : LitJson.mapper().writeValueAsBytes(reply.body());
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
      ex.getResponseHeaders().add("Access-Control-Allow-Headers", "*");
      ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  private Reply handle(HttpExchange ex, String method, String path) {
    Handler h = routes.get(method + " " + path);
    String rest = "";
    if (h == null) {
      for (Map.Entry<String, Handler> e : routes.entrySet()) {
        String key = e.getKey();
        if (!key.endsWith("/*")) continue;
        String prefix = key.substring(0, key.length() - 1);
        if ((method + " " + path).startsWith(prefix)) {
          h = e.getValue();
          rest = path.substring(prefix.length() - method.length() - 1);
          break;
        }
      }
    }
    if (h == null) return Reply.error(404, "no route " + method + " " + path);
    try {
      JsonNode body = null;
      try (InputStream in = ex.getRequestBody()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (!text.isBlank()) body = LitJson.mapper().readTree(text);
      } catch (IOException e) {
        return Reply.error(400, "body is not JSON: " + e.getMessage());
      }
      Map<String, String> headers = new java.util.HashMap<>();
      ex.getRequestHeaders()
          .forEach(
              (k, v) ->
                  headers.put(k.toLowerCase(java.util.Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
      String query = ex.getRequestURI().getRawQuery();
      if (query != null) headers.put(":query", query);
      return h.handle(new Request(method, path, rest, Map.copyOf(headers), body));
    } catch (RuntimeException e) {
      LOG.debug("loopback handler for {} {} failed", method, path, e);
      return Reply.error(500, String.valueOf(e.getMessage()));
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
