package io.lit4j.localnet.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The HTTP client behind a Lit Action's {@code fetch}: real outbound requests from the node, or an
 * in-process {@link FetchHandler} for hosts routed to one. v4 sets no limit of its own on a
 * request's time or size beyond the action's (Deno's fetch under the 30 s wall time and the 256 MB
 * heap), so a request gets the time the action has left and a body at most the action's memory
 * budget; past either, the action ends as a real node's would (timeout, memory limit).
 */
final class ActionFetcher {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(30))
          .build();
  private final Map<String, FetchHandler> routes;
  private final long maxBodyBytes;

  ActionFetcher(Map<String, FetchHandler> routes, long maxBodyBytes) {
    this.routes = Map.copyOf(routes);
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The answer for the prelude's {@code fetch}: the response, or {@code {error}} for a network
   * failure.
   */
  String fetch(JsonNode req, ActionExecution execution) {
    String url = req.path("url").asText("");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return error("Invalid URL: '" + url + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return error("Invalid URL: '" + url + "' (lit-localnet fetches http and https URLs only)");
    }
    String method = req.path("method").asText("GET");
    Map<String, List<String>> headers = new TreeMap<>();
    for (JsonNode pair : req.path("headers")) {
      headers
          .computeIfAbsent(pair.path(0).asText().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(pair.path(1).asText());
    }
    byte[] body =
        req.path("body").isTextual()
            ? Base64.getDecoder().decode(req.path("body").asText())
            : new byte[0];
    long leftMillis = execution.deadlineMillis - System.currentTimeMillis();
    if (leftMillis <= 0) throw timeUp(execution);
    FetchHandler handler = handlerFor(uri);
    if (handler != null)
      return answerFromHandler(
          handler, new FetchRequest(method, uri, headers, body), uri, execution);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMillis(Math.min(leftMillis, Duration.ofDays(1).toMillis())))
            .method(
                method,
                body.length == 0 && !req.path("body").isTextual()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (k, vs) -> {
          if (!RESTRICTED.contains(k)) vs.forEach(v -> b.header(k, v));
        });
    try {
      HttpResponse<InputStream> r =
          client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] bytes;
      try (InputStream in = r.body()) {
        bytes = readCapped(in, execution);
      }
      ObjectNode o = LitJson.mapper().createObjectNode();
      o.put("status", r.statusCode());
      o.put("statusText", "");
      o.put("url", r.uri().toString());
      o.put("redirected", !r.uri().equals(uri));
      ArrayNode hs = o.putArray("headers");
      r.headers()
          .map()
          .forEach(
              (k, vs) -> {
                if (!k.startsWith(":"))
                  vs.forEach(v -> hs.addArray().add(k.toLowerCase(Locale.ROOT)).add(v));
              });
      o.put("body", Base64.getEncoder().encodeToString(bytes));
      return LitJson.write(o);
    } catch (HttpTimeoutException e) {
      if (System.currentTimeMillis() >= execution.deadlineMillis - 5) throw timeUp(execution);
      return error("error sending request for url (" + url + "): operation timed out");
    } catch (IOException e) {
      return error(
          "error sending request for url ("
              + url
              + "): "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw timeUp(execution);
    }
  }

  private FetchHandler handlerFor(URI uri) {
    String hostName = uri.getHost().toLowerCase(Locale.ROOT);
    FetchHandler h = uri.getPort() >= 0 ? routes.get(hostName + ":" + uri.getPort()) : null;
    return h != null ? h : routes.get(hostName);
  }

  private String answerFromHandler(
      FetchHandler handler, FetchRequest request, URI uri, ActionExecution execution) {
    FetchResponse r;
    try {
      r = handler.handle(request);
    } catch (Exception e) {
      return error(
          "error sending request for url ("
              + uri
              + "): "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    if (r == null)
      return error(
          "error sending request for url (" + uri + "): the fetch handler answered nothing");
    byte[] body = r.body();
    if (body.length > maxBodyBytes) throw tooLarge(execution);
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("status", r.status());
    o.put("statusText", "");
    o.put("url", uri.toString());
    o.put("redirected", false);
    ArrayNode hs = o.putArray("headers");
    new LinkedHashMap<>(r.headers())
        .forEach((k, vs) -> vs.forEach(v -> hs.addArray().add(k.toLowerCase(Locale.ROOT)).add(v)));
    o.put("body", Base64.getEncoder().encodeToString(body));
    return LitJson.write(o);
  }

  private byte[] readCapped(InputStream in, ActionExecution execution) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[16_384];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > maxBodyBytes) throw tooLarge(execution);
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static ActionFailure timeUp(ActionExecution execution) {
    ActionFailure f =
        new ActionFailure(
            ActionFailure.Kind.TIMEOUT, "fetch ran past the Lit Action's time limit", "");
    execution.fatal = f;
    return f;
  }

  private ActionFailure tooLarge(ActionExecution execution) {
    ActionFailure f =
        new ActionFailure(
            ActionFailure.Kind.MEMORY_LIMIT,
            "a fetch response body exceeded the Lit Action's memory limit of "
                + maxBodyBytes
                + " bytes",
            "");
    execution.fatal = f;
    return f;
  }

  private static String error(String message) {
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("error", message);
    return LitJson.write(o);
  }
}
