package io.lit4j.localnet.auth;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Web Key Sets by URL, kept for a while as v4 nodes keep Google's and Stytch's keys (one
 * hour). A key id not in the cached set refetches once (so a rotated-in key verifies at once; v4
 * nodes only refetch when the hour is up).
 */
final class JwksCache {
  private record Entry(JWKSet keys, Instant fetchedAt) {}

  private final HttpClient http;
  private final Duration ttl;
  private final Duration timeout;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  JwksCache(HttpClient http, Duration ttl, Duration timeout, Clock clock) {
    this.http = http;
    this.ttl = ttl;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * {@return the key set at {@code url}, cached} @param url the JWKS URL @param keyId a key id that
   * must be in it, or null
   */
  JWKSet get(String url, String keyId) {
    Entry e = entries.get(url);
    Instant now = clock.instant();
    boolean stale = e == null || e.fetchedAt().plus(ttl).isBefore(now) || ttl.isZero();
    boolean missing = e != null && keyId != null && e.keys().getKeyByKeyId(keyId) == null;
    if (stale || missing) {
      e = new Entry(fetch(url), now);
      entries.put(url, e);
    }
    return e.keys();
  }

  private JWKSet fetch(String url) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200)
        throw AuthMethodRejection.unexpected(
            "The key set at " + url + " answered HTTP " + r.statusCode(), "Unable to get keys");
      return JWKSet.parse(r.body());
    } catch (ParseException e) {
      throw AuthMethodRejection.unexpected(
          "The key set at " + url + " is not a JWKS: " + e.getMessage(), "Unable to get keys");
    } catch (IOException | IllegalArgumentException e) {
      throw AuthMethodRejection.unexpected(
          "Unable to send request to " + url + ": " + e.getMessage(), "Unable to get keys");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AuthMethodRejection.unexpected(
          "Interrupted while fetching " + url, "Unable to get keys");
    }
  }
}
