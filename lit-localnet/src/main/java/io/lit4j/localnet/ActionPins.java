package io.lit4j.localnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.json.LitJson;
import io.lit4j.localnet.node.NodeError;
import io.lit4j.localnet.node.NodeErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network's stand-in for IPFS: Lit Action code pinned under its CIDv0, read by the nodes for
 * {@code ipfsId} executions, pinned through {@link LocalLitNetwork#pinAction} or the {@link
 * LocalLitNetwork#PIN_PATH} route.
 */
final class ActionPins {
  private final Map<String, String> pinned = new ConcurrentHashMap<>();

  /** The code pinned under {@code cid}, if any. */
  Optional<String> code(String cid) {
    return Optional.ofNullable(pinned.get(cid));
  }

  /** Pins {@code code} and returns its CIDv0. */
  String pin(String code) {
    String cid = IpfsCid.of(code.getBytes(StandardCharsets.UTF_8));
    pinned.put(cid, code);
    return cid;
  }

  /**
   * The {@link LocalLitNetwork#PIN_PATH} route: {@code {"code": …}} in, {@code {"ipfsId": …}} out.
   */
  JsonNode route(JsonNode body) {
    JsonNode code = body.get("code");
    if (code == null || !code.isTextual()) {
      throw NodeError.of(
          NodeErrorCode.NodeBadInput, "missing field `code` (the action's JavaScript, a string)");
    }
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("ipfsId", pin(code.textValue()));
    return o;
  }
}
