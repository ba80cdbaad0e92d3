package io.lit4j.node.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.json.LitJson;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.web3j.protocol.Service;

/**
 * A JSON-RPC endpoint for web3j that answers each method with a scripted result and records the
 * calls.
 */
final class ScriptedRpc extends Service {
  private final Map<String, Function<JsonNode, JsonNode>> answers = new ConcurrentHashMap<>();
  final List<JsonNode> calls = new ArrayList<>();

  ScriptedRpc() {
    super(false);
  }

  /** Answers {@code method} with {@code result} (a JSON value) for the params it gets. */
  ScriptedRpc on(String method, Function<JsonNode, Object> result) {
    answers.put(
        method,
        params -> {
          Object r = result.apply(params);
          if (r instanceof RpcError e) {
            ObjectNode err = LitJson.mapper().createObjectNode();
            err.put("code", e.code()).put("message", e.message());
            if (e.data() != null) err.put("data", e.data());
            return err;
          }
          return LitJson.mapper().valueToTree(r);
        });
    return this;
  }

  record RpcError(int code, String message, String data) {}

  @Override
  protected synchronized InputStream performIO(String payload) {
    JsonNode request = LitJson.parse(payload, "request");
    calls.add(request);
    String method = request.get("method").asText();
    Function<JsonNode, JsonNode> answer = answers.get(method);
    if (answer == null) throw new AssertionError("unexpected RPC call " + payload);
    JsonNode r = answer.apply(request.get("params"));
    ObjectNode response = LitJson.mapper().createObjectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", request.get("id"));
    if (r.isObject() && r.has("code") && r.has("message")) response.set("error", r);
    else response.set("result", r);
    return new ByteArrayInputStream(LitJson.write(response).getBytes(StandardCharsets.UTF_8));
  }

  List<JsonNode> callsOf(String method) {
    synchronized (this) {
      return calls.stream().filter(c -> c.get("method").asText().equals(method)).toList();
    }
  }

  @Override
  public void close() {}
}
