package io.lit4j.localnet.actions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer a {@link FetchHandler} gives to a Lit Action's {@code fetch}.
 *
 * @param status the HTTP status (100 to 599)
 * @param headers the response headers
 * @param body the response body
 */
public record FetchResponse(int status, Map<String, List<String>> headers, byte[] body) {
  /** Validates and copies the parts. */
  public FetchResponse {
    if (status < 100 || status > 599)
      throw new IllegalArgumentException("status must be in [100, 599], got " + status);
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    body = body == null ? new byte[0] : body.clone();
  }

  /** {@return a copy of the body} */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * A JSON answer ({@code content-type: application/json}).
   *
   * @param status the HTTP status
   * @param json the JSON text
   * @return the response
   */
  public static FetchResponse json(int status, String json) {
    return new FetchResponse(
        status,
        Map.of("content-type", List.of("application/json")),
        json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A plain-text answer ({@code content-type: text/plain; charset=utf-8}).
   *
   * @param status the HTTP status
   * @param text the body text
   * @return the response
   */
  public static FetchResponse text(int status, String text) {
    return new FetchResponse(
        status,
        Map.of("content-type", List.of("text/plain; charset=utf-8")),
        text.getBytes(StandardCharsets.UTF_8));
  }
}
