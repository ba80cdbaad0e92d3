package io.lit4j.localnet.idp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.localnet.internal.LoopbackHttpServer;
import io.lit4j.localnet.internal.LoopbackHttpServer.Reply;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local Discord OAuth API for tests: issues bearer access tokens for test users of one
 * application and answers {@code GET /api/users/@me} (what the JS SDK asks) and {@code GET
 * /api/oauth2/@me} (what v4 nodes ask) for them, 401 for unknown or revoked tokens.
 *
 * <pre>{@code
 * try (DiscordOAuth discord = DiscordOAuth.start("1052874239658692668")) {
 *   String token = discord.accessToken("80351110224678912", "nelly");
 * }
 * }</pre>
 */
public final class DiscordOAuth implements AutoCloseable {
  private record User(String id, String username) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final LoopbackHttpServer server;
  private final String applicationId;
  private final Map<String, User> tokens = new ConcurrentHashMap<>();

  private DiscordOAuth(String applicationId) {
    this.applicationId = applicationId;
    this.server = LoopbackHttpServer.start();
    server.route(
        "GET",
        "/api/users/@me",
        r -> user(r).map(u -> Reply.ok(userJson(u))).orElseGet(DiscordOAuth::unauthorized));
    server.route(
        "GET",
        "/api/oauth2/@me",
        r ->
            user(r)
                .map(
                    u -> {
                      ObjectNode o = LitJson.mapper().createObjectNode();
                      ObjectNode app = o.putObject("application");
                      app.put("id", applicationId);
                      app.put("name", "lit-localnet test app");
                      o.putArray("scopes").add("identify");
                      o.put("expires", "2100-01-01T00:00:00+00:00");
                      o.set("user", userJson(u));
                      return Reply.ok(o);
                    })
                .orElseGet(DiscordOAuth::unauthorized));
  }

  /**
   * Starts the API for one OAuth application.
   *
   * @param applicationId the application (client) id
   * @return the running API
   */
  public static DiscordOAuth start(String applicationId) {
    if (applicationId == null || applicationId.isEmpty())
      throw new LitValidationException("applicationId is required");
    return new DiscordOAuth(applicationId);
  }

  /** {@return the API base URL, {@code http://127.0.0.1:<port>/api}} */
  public String apiBaseUrl() {
    return server.baseUrl() + "/api";
  }

  /** {@return the application (client) id} */
  public String applicationId() {
    return applicationId;
  }

  /**
   * Issues an access token for a user, as Discord's token endpoint does after the OAuth flow.
   *
   * @param userId the Discord user id (a snowflake)
   * @param username the user name
   * @return the bearer access token
   */
  public String accessToken(String userId, String username) {
    if (userId == null || userId.isEmpty()) throw new LitValidationException("userId is required");
    byte[] b = new byte[20];
    RANDOM.nextBytes(b);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    tokens.put(token, new User(userId, username == null ? "user" : username));
    return token;
  }

  /**
   * Revokes an access token.
   *
   * @param token the token
   */
  public void revoke(String token) {
    tokens.remove(token);
  }

  private java.util.Optional<User> user(LoopbackHttpServer.Request r) {
    String auth = r.header("authorization").orElse("");
    if (!auth.startsWith("Bearer ")) return java.util.Optional.empty();
    return java.util.Optional.ofNullable(tokens.get(auth.substring("Bearer ".length())));
  }

  private static ObjectNode userJson(User u) {
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("id", u.id());
    o.put("username", u.username());
    o.put("discriminator", "0");
    return o;
  }

  private static Reply unauthorized() {
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("message", "401: Unauthorized");
    o.put("code", 0);
    return new Reply(401, o);
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "DiscordOAuth[" + apiBaseUrl() + ", app=" + applicationId + "]";
  }
}
