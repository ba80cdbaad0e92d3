package io.lit4j.localnet.actions;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request a Lit Action made with {@code fetch}, as a {@link FetchHandler} sees it.
 *
 * @param method the method, upper case ({@code GET}, {@code POST}, …)
 * @param uri the absolute URL
 * @param headers the request headers, names in lower case
 * @param body the request body (empty when there is none)
 */
public record FetchRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
  /** Validates and copies the parts. */
  public FetchRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    body = body == null ? new byte[0] : body.clone();
  }

  /** {@return a copy of the body} */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return its first value, if sent
   */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** {@return the body as UTF-8 text} */
  public String bodyText() {
    return new String(body, java.nio.charset.StandardCharsets.UTF_8);
  }
}
