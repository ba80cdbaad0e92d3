package io.lit4j.node.internal.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.node.LitActionException;
import io.lit4j.node.NodeReply;
import io.lit4j.node.transport.NodeHttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one node's HTTP answer: a 2xx JSON body becomes a {@link NodeReply}; anything else becomes
 * a {@link LitException} that keeps every field the node sent (node-behavior.md §9) plus the node
 * URL and request id.
 */
public final class NodeAnswers {
  static final int EXCERPT = 300;

  private NodeAnswers() {}

  /**
   * {@return the parsed reply, or the error the answer means}
   *
   * @param nodeUrl the node's URL
   * @param requestId the request id
   * @param r the HTTP response
   */
  public static Result read(String nodeUrl, String requestId, NodeHttpResponse r) {
    if (!r.isSuccessful()) return Result.failed(errorFrom(nodeUrl, requestId, r));
    if (!r.isJson()) {
      return Result.failed(
          base(nodeUrl, requestId, r.status())
              .message(
                  "Lit node "
                      + nodeUrl
                      + " answered HTTP "
                      + r.status()
                      + " without a JSON body (Content-Type '"
                      + r.contentType()
                      + "'): "
                      + excerpt(r.body()))
              .errorCode(LitErrorCode.INVALID_NODE_RESPONSE)
              .buildNode());
    }
    try {
      JsonNode body = LitJson.mapper().readTree(r.body());
      if (body == null || body.isMissingNode()) throw new IllegalStateException("empty body");
      return Result.ok(new NodeReply(nodeUrl, r.status(), body));
    } catch (JsonProcessingException | IllegalStateException e) {
      return Result.failed(
          base(nodeUrl, requestId, r.status())
              .message(
                  "Lit node "
                      + nodeUrl
                      + " answered HTTP "
                      + r.status()
                      + " with invalid JSON: "
                      + excerpt(r.body()))
              .errorCode(LitErrorCode.INVALID_NODE_RESPONSE)
              .cause(e)
              .buildNode());
    }
  }

  /** The error a non-2xx answer means. */
  static LitException errorFrom(String nodeUrl, String requestId, NodeHttpResponse r) {
    JsonNode body = null;
    if (r.isJson() || r.body().trim().startsWith("{")) {
      try {
        body = LitJson.mapper().readTree(r.body());
      } catch (JsonProcessingException e) {
        body = null;
      }
    }
    if (body != null && body.isObject()) {
      if (body.has("errorKind") || body.has("errorCode"))
        return coded(nodeUrl, requestId, r.status(), body);
      if (body.has("error")
          && body.path("success").isBoolean()
          && !body.path("success").booleanValue()) {
        return litAction(nodeUrl, requestId, r.status(), body);
      }
    }
    return base(nodeUrl, requestId, r.status())
        .message(
            "Lit node "
                + nodeUrl
                + " answered HTTP "
                + r.status()
                + (r.body().isEmpty() ? " with an empty body" : ": " + excerpt(r.body())))
        .details(Map.of("body", excerpt(r.body())))
        .buildNode();
  }

  private static LitException coded(
      String nodeUrl, String requestId, int httpStatus, JsonNode body) {
    String kind = text(body, "errorKind");
    String code = text(body, "errorCode");
    String message = text(body, "message");
    Map<String, Object> details = new LinkedHashMap<>();
    if (body.has("correlationId")) details.put("correlationId", body.get("correlationId").asText());
    if (body.has("details")) details.put("details", plain(body.get("details")));
    if (body.has("logs")) details.put("logs", body.get("logs").asText());
    if (body.path("status").canConvertToInt() && body.get("status").intValue() != httpStatus) {
      details.put("bodyStatus", body.get("status").intValue());
    }
    StringBuilder m =
        new StringBuilder("Lit node ").append(nodeUrl).append(" answered HTTP ").append(httpStatus);
    if (code != null || kind != null) {
      m.append(" (");
      if (kind != null) m.append(bounded(kind));
      if (kind != null && code != null) m.append('/');
      if (code != null) m.append(bounded(code));
      m.append(')');
    }
    // the message stays readable however much a node sends; the fields and details keep it all
    if (message != null) m.append(": ").append(bounded(message));
    if (details.get("details") instanceof List<?> l && !l.isEmpty())
      m.append(" ").append(bounded(l.toString()));
    if ("rate_limit_exceeded".equals(code)) {
      m.append(
          " (use a capacity credit, or its delegation, with enough requests per second, or wait)");
    }
    LitException.Builder b =
        base(nodeUrl, requestId, httpStatus).message(m.toString()).details(details);
    if (kind != null) b.errorKind(kind);
    if (code != null) b.errorCode(code);
    if ("NodeNotAuthorized".equals(code)
        || "not_authorized".equals(code)
        || "NodeInvalidAuthSig".equals(code)
        || "NodeAuthSigScopeTooLimited".equals(code)
        || "NodePKPNotAuthorized".equals(code)) {
      return b.buildAuth();
    }
    return b.buildNode();
  }

  private static LitException litAction(
      String nodeUrl, String requestId, int httpStatus, JsonNode body) {
    String error =
        body.get("error").isTextual()
            ? body.get("error").textValue()
            : body.get("error").toString();
    String logs =
        body.path("logs").isMissingNode() || body.path("logs").isNull()
            ? ""
            : body.path("logs").asText();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("error", error);
    details.put("logs", logs);
    LitException.Builder b =
        base(nodeUrl, requestId, httpStatus)
            .message(
                "Lit Action failed on node "
                    + nodeUrl
                    + " (HTTP "
                    + httpStatus
                    + "): "
                    + bounded(error))
            .details(details);
    return new LitActionException(b, error, logs);
  }

  private static LitException.Builder base(String nodeUrl, String requestId, int status) {
    return LitException.builder().nodeUrl(nodeUrl).requestId(requestId).status(status);
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Object plain(JsonNode v) {
    if (v.isArray()) {
      List<Object> out = new ArrayList<>();
      v.forEach(x -> out.add(x.isValueNode() ? x.asText() : x.toString()));
      return List.copyOf(out);
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** The node's own text, verbatim, cut at {@value #MAX_NODE_TEXT} characters. */
  static String bounded(String text) {
    return text.length() <= MAX_NODE_TEXT ? text : text.substring(0, MAX_NODE_TEXT) + "…";
  }

  private static final int MAX_NODE_TEXT = 600;

  static String excerpt(String body) {
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "…";
  }

  /** A reply or an error. */
  public record Result(NodeReply reply, LitException error) {
    static Result ok(NodeReply r) {
      return new Result(r, null);
    }

    static Result failed(LitException e) {
      return new Result(null, e);
    }
  }
}
