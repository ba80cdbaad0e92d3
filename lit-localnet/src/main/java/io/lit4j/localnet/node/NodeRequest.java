package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a route handler sees it: the parsed JSON body, the correlation id (the client's
 * {@code X-Request-Id}, or one the node made up) and the headers (lower-case names).
 */
public record NodeRequest(String path, String correlationId, boolean clientSentRequestId,
    Map<String, List<String>> headers, JsonNode body) {

  public NodeRequest {
    headers = Map.copyOf(headers);
  }

  /** First value of a header, by lower-case name. */
  public Optional<String> header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
