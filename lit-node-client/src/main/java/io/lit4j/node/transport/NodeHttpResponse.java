package io.lit4j.node.transport;

import io.lit4j.core.errors.LitValidationException;

/**
 * What a node answered: HTTP status, the {@code Content-Type} header ({@code ""} when absent) and
 * the body text ({@code ""} when empty).
 *
 * @param status HTTP status code
 * @param contentType the response {@code Content-Type} header, or {@code ""}
 * @param body the response body as text, or {@code ""}
 */
public record NodeHttpResponse(int status, String contentType, String body) {

  /**
   * @param status HTTP status code
   * @param contentType the response {@code Content-Type} header, or {@code ""}
   * @param body the response body as text, or {@code ""}
   * @throws LitValidationException if the status is not an HTTP status or a part is missing
   */
  public NodeHttpResponse {
    if (status < 100 || status > 599)
      throw new LitValidationException("status must be an HTTP status, got " + status);
    if (contentType == null) throw new LitValidationException("contentType is missing (use \"\")");
    if (body == null) throw new LitValidationException("body is missing (use \"\")");
  }

  /** {@return whether the status is 2xx} */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** {@return whether the node declared the body as JSON (the SDK parses the body only then)} */
  public boolean isJson() {
    return contentType.toLowerCase(java.util.Locale.ROOT).contains("application/json");
  }
}
