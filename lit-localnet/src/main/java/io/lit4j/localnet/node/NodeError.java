package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.json.LitJson;
import java.util.List;

/**
 * An error a simulated node answers with. Thrown by route handlers; the server turns it into the
 * node's error JSON ({@code errorKind, errorCode, status, message, correlationId, details}) or, for
 * the ad-hoc cases, into the exact body the real node sends.
 */
public final class NodeError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** HTTP status. */
  private final int status;

  private final transient ObjectNode adHocBody;

  /** The error code, or null for an uncoded or ad-hoc error. */
  private final NodeErrorCode code;

  /** Specific texts, most specific first. */
  private final List<String> details;

  /** The kind of an uncoded error, or null. */
  private final String uncodedKind;

  private NodeError(NodeErrorCode code, int status, ObjectNode adHocBody, List<String> details) {
    this(code, status, adHocBody, details, null);
  }

  private NodeError(
      NodeErrorCode code,
      int status,
      ObjectNode adHocBody,
      List<String> details,
      String uncodedKind) {
    super(
        code != null
            ? code.name() + ": " + String.join("; ", details)
            : adHocBody != null
                ? String.valueOf(adHocBody)
                : uncodedKind + ": " + String.join("; ", details));
    this.code = code;
    this.status = status;
    this.adHocBody = adHocBody;
    this.details = List.copyOf(details);
    this.uncodedKind = uncodedKind;
  }

  /**
   * An error without a code, as the node reports a bare validation error: status 500, the kind, the
   * kind's description as {@code message}, no {@code errorCode}.
   *
   * @param kind the error kind, e.g. {@code Validation}
   * @param details specific texts, most specific first
   * @return the error
   */
  public static NodeError uncoded(String kind, String... details) {
    return new NodeError(null, 500, null, List.of(details), kind);
  }

  /**
   * {@return a standard coded error; {@code details} are the specific texts, most specific first}
   *
   * @param code the error code
   * @param details specific texts, most specific first
   */
  public static NodeError of(NodeErrorCode code, String... details) {
    return new NodeError(code, code.status(), null, List.of(details));
  }

  /**
   * {@return a body without errorKind, e.g. rate limiting or a Lit Action failure}
   *
   * @param status HTTP status
   * @param body the JSON body to send
   */
  public static NodeError adHoc(int status, ObjectNode body) {
    return new NodeError(null, status, body, List.of());
  }

  /**
   * {@return the rate-limit body: HTTP 402, or 400 on {@code /web/pkp/sign}}
   *
   * @param status HTTP status, 402 or 400
   * @param tryAgain when to try again, as the node words it
   */
  public static NodeError rateLimited(int status, String tryAgain) {
    ObjectNode body = LitJson.mapper().createObjectNode();
    body.put("message", "Rate limit exceeded.  Try again " + tryAgain + ".");
    body.put("errorCode", "rate_limit_exceeded");
    return adHoc(status, body);
  }

  /**
   * {@return a Lit Action that threw: HTTP 400 {@code {success:false, error, logs}}}
   *
   * @param error the action's error message
   * @param logs console output up to the failure
   */
  public static NodeError actionFailed(String error, String logs) {
    ObjectNode body = LitJson.mapper().createObjectNode();
    body.put("success", false);
    body.put("error", error);
    body.put("logs", logs);
    return adHoc(400, body);
  }

  /**
   * HTTP status of the answer.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  /**
   * The error code, or null when the error has none.
   *
   * @return the code
   */
  public NodeErrorCode code() {
    return code;
  }

  /**
   * Specific texts, most specific first.
   *
   * @return the details
   */
  public List<String> details() {
    return details;
  }

  /**
   * {@return the JSON body to send for this error}
   *
   * @param correlationId the request's correlation id
   */
  public ObjectNode body(String correlationId) {
    if (adHocBody != null) return adHocBody.deepCopy();
    ObjectNode body = LitJson.mapper().createObjectNode();
    if (code == null) {
      body.put("errorKind", uncodedKind);
      body.put("status", status);
      body.put("message", uncodedKind + " error");
      if (correlationId != null) body.put("correlationId", correlationId);
      var arr = body.putArray("details");
      details.forEach(arr::add);
      return body;
    }
    body.put("errorKind", code.kind());
    body.put("errorCode", code.name());
    body.put("status", code.status());
    body.put("message", code.description());
    if (correlationId != null) body.put("correlationId", correlationId);
    var arr = body.putArray("details");
    details.forEach(arr::add);
    return body;
  }
}
