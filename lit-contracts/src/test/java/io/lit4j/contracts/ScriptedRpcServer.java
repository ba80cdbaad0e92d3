package io.lit4j.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A JSON-RPC endpoint over real HTTP whose answers a test scripts per method, to drive the client
 * through chain behaviour anvil does not produce on demand (a receipt that never comes, a mined
 * revert, a chain without base fees). Unscripted methods answer a JSON-RPC error.
 */
final class ScriptedRpcServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a handler returns to answer with a JSON-RPC error. */
  record RpcError(int code, String message, String data) {}

  private final HttpServer server;
  private final Map<String, Function<JsonNode, Object>> handlers = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();

  ScriptedRpcServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          JsonNode req = JSON.readTree(exchange.getRequestBody());
          String method = req.get("method").asText();
          calls.add(method);
          ObjectNode resp = JSON.createObjectNode();
          resp.put("jsonrpc", "2.0");
          resp.set("id", req.get("id"));
          Function<JsonNode, Object> h = handlers.get(method);
          Object result =
              h == null
                  ? new RpcError(-32601, "method not scripted: " + method, null)
                  : h.apply(req.get("params"));
          if (result instanceof RpcError e) {
            ObjectNode err = resp.putObject("error");
            err.put("code", e.code());
            err.put("message", e.message());
            if (e.data() != null) err.put("data", e.data());
          } else {
            resp.set("result", JSON.valueToTree(result));
          }
          byte[] body = JSON.writeValueAsBytes(resp);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  ScriptedRpcServer on(String method, Function<JsonNode, Object> handler) {
    handlers.put(method, handler);
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static Object parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
