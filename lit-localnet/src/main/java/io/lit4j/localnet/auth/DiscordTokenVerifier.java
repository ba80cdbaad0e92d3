package io.lit4j.localnet.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Discord (type 4) as a v4 node verifies it ({@code pkp/auth/discord.rs}): the access token is
 * exchanged at {@code <api>/oauth2/@me} for the application id (app id) and the user id.
 */
final class DiscordTokenVerifier {
  static final int TYPE = 4;
  private final HttpClient http;
  private final String apiBaseUrl;
  private final Duration timeout;

  DiscordTokenVerifier(HttpClient http, String apiBaseUrl, Duration timeout) {
    this.http = http;
    this.apiBaseUrl = apiBaseUrl;
    this.timeout = timeout;
  }

  VerifiedIdentity verify(String accessToken) {
    HttpRequest req;
    try {
      req =
          HttpRequest.newBuilder(URI.create(apiBaseUrl + "/oauth2/@me"))
              .timeout(timeout)
              .header("Authorization", "Bearer " + accessToken)
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      throw AuthMethodRejection.parser("Failed to parse discord access token into header value");
    }
    JsonNode body;
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      body = LitJson.mapper().readTree(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AuthMethodRejection.unexpected("Unable to get discord user");
    } catch (IOException e) {
      throw AuthMethodRejection.unexpected(
          String.valueOf(e.getMessage()), "Unable to get discord user");
    }
    if (body == null || !body.isObject())
      throw AuthMethodRejection.unexpected(
          "Body is not an object", "Unable to convert body to object");
    JsonNode app = body.get("application");
    if (app == null)
      throw AuthMethodRejection.parser(
          "Couldn't not get application object from discord api result");
    if (!app.isObject())
      throw AuthMethodRejection.unexpected("Couldn't convert application object to object");
    if (!app.path("id").isTextual())
      throw AuthMethodRejection.parser("Couldn't get application id");
    JsonNode user = body.get("user");
    if (user == null)
      throw AuthMethodRejection.parser("Couldn't get user object from discord api result");
    if (!user.isObject())
      throw AuthMethodRejection.unexpected("Couldn't convert user object to object");
    if (!user.path("id").isTextual()) throw AuthMethodRejection.parser("Couldn't get user id");
    return new VerifiedIdentity(TYPE, user.get("id").textValue(), app.get("id").textValue());
  }
}
