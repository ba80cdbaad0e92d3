package io.lit4j.node.internal.handshake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.network.LitEndpoint;
import io.lit4j.core.network.ProtocolVersion;
import io.lit4j.node.NodeReply;
import io.lit4j.node.handshake.NodeHandshake;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code /web/handshake} wire format: request body and response reading (client-protocol.md
 * §2).
 */
public final class HandshakeProtocol {
  /** The handshake endpoint's path. */
  public static final String PATH = ProtocolVersion.V4_INITIAL.path(LitEndpoint.HANDSHAKE);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
  private static final Pattern BLOCKHASH = Pattern.compile("0x[0-9a-fA-F]{64}");

  private HandshakeProtocol() {}

  /**
   * 64 lowercase hex digits from a {@link SecureRandom}.
   *
   * @return the challenge
   */
  public static String newChallenge() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * {@return {@code {"clientPublicKey":"test","challenge":…}}; the requester appends {@code
   * epochNumber}}
   *
   * @param challenge the challenge, hex
   */
  public static ObjectNode body(String challenge) {
    ObjectNode body = LitJson.mapper().createObjectNode();
    body.put("clientPublicKey", "test");
    body.put("challenge", challenge);
    return body;
  }

  /**
   * Reads a 2xx handshake answer.
   *
   * @param reply the node's reply
   * @param challenge the challenge sent to the node
   * @param requestId the request id, for messages
   * @return the node's handshake
   * @throws LitException (a node error) naming the field when the answer is not a usable handshake
   */
  public static NodeHandshake read(NodeReply reply, String challenge, String requestId) {
    JsonNode b = reply.body();
    String url = reply.nodeUrl();
    if (!b.isObject()) throw invalid(url, requestId, "the answer is not a JSON object");
    String server =
        b.path("serverPublicKey").isTextual() ? b.get("serverPublicKey").textValue() : "";
    if ("ERR".equals(server))
      throw invalid(url, requestId, "serverPublicKey is \"ERR\": the node's keys are not ready");
    String subnet = key(b, "subnetPublicKey", url, requestId);
    String network = key(b, "networkPublicKey", url, requestId);
    String networkSet = key(b, "networkPublicKeySet", url, requestId);
    JsonNode roots = b.get("hdRootPubkeys");
    if (roots == null || !roots.isArray())
      throw invalid(url, requestId, "hdRootPubkeys is missing or not an array");
    List<String> rootKeys = new ArrayList<>();
    for (JsonNode r : roots) {
      if (!r.isTextual() || !HEX.matcher(r.textValue()).matches()) {
        throw invalid(url, requestId, "hdRootPubkeys holds a value that is not hex: " + r);
      }
      rootKeys.add(r.textValue().toLowerCase(java.util.Locale.ROOT));
    }
    JsonNode hash = b.get("latestBlockhash");
    if (hash == null || !hash.isTextual() || !BLOCKHASH.matcher(hash.textValue()).matches()) {
      throw invalid(url, requestId, "latestBlockhash is missing or not 0x + 64 hex: " + hash);
    }
    JsonNode att = b.get("attestation");
    if (att != null && !att.isNull() && !att.isObject())
      throw invalid(url, requestId, "attestation is neither null nor an object");
    return new NodeHandshake(
        url, challenge, server, subnet, network, networkSet, rootKeys, hash.textValue(), att);
  }

  private static String key(JsonNode b, String field, String url, String requestId) {
    JsonNode v = b.get(field);
    if (v == null || !v.isTextual()) throw invalid(url, requestId, field + " is missing");
    String s = v.textValue();
    if ("ERR".equals(s))
      throw invalid(url, requestId, field + " is \"ERR\": the node's keys are not ready");
    if (!HEX.matcher(s).matches()) throw invalid(url, requestId, field + " is not hex: " + s);
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  private static LitException invalid(String url, String requestId, String why) {
    return LitException.builder()
        .message("Lit node " + url + " gave an unusable handshake: " + why)
        .nodeUrl(url)
        .requestId(requestId)
        .errorCode(LitErrorCode.INVALID_HANDSHAKE)
        .buildNode();
  }
}
