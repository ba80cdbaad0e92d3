package io.lit4j.node.transport;

import io.lit4j.core.errors.LitValidationException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP POST to one Lit node, as the transport sees it: already-serialised JSON and final
 * headers.
 *
 * @param url full URL, e.g. {@code http://127.0.0.1:7470/web/handshake}
 * @param headers request headers in the order they should be sent (includes {@code Content-Type})
 * @param body the JSON text of the body
 * @param timeout time allowed for the whole call (connect, send, receive)
 */
public record NodeHttpRequest(
    String url, Map<String, String> headers, String body, Duration timeout) {

  /**
   * @param url full URL, e.g. {@code http://127.0.0.1:7470/web/handshake}
   * @param headers request headers in the order they should be sent (includes {@code Content-Type})
   * @param body the JSON text of the body
   * @param timeout time allowed for the whole call (connect, send, receive)
   * @throws LitValidationException if a part is missing or the timeout is not positive
   */
  public NodeHttpRequest {
    if (url == null || url.isBlank()) throw new LitValidationException("url is missing");
    if (headers == null) throw new LitValidationException("headers are missing");
    if (body == null) throw new LitValidationException("body is missing");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new LitValidationException("timeout must be positive, got " + timeout);
    }
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
