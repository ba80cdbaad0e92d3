package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a route handler sees it: the parsed JSON body, the correlation id (the client's
 * {@code X-Request-Id}, or one the node made up) and the headers (lower-case names).
 */
public record NodeRequest(
    String path,
    String correlationId,
    boolean clientSentRequestId,
    Map<String, List<String>> headers,
    JsonNode body) {

  /**
   * Copies the headers.
   *
   * @param path the request path
   * @param correlationId the client's {@code X-Request-Id}, or one the node made up
   * @param clientSentRequestId whether the client sent {@code X-Request-Id}
   * @param headers the headers, by lower-case name
   * @param body the parsed JSON body
   */
  public NodeRequest {
    headers = Map.copyOf(headers);
  }

  /**
   * {@return first value of a header, by lower-case name}
   *
   * @param lowerCaseName the header name, lower case
   */
  public Optional<String> header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
