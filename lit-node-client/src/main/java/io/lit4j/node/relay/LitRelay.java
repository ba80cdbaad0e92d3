package io.lit4j.node.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Futures;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A client of Lit's v4 relay server (JS 4.2.0 {@code LitRelay}): the relay pays to mint PKPs for
 * users' auth methods, reports the mint's status and lists the PKPs of an auth method.
 *
 * <pre>{@code
 * LitRelay relay = LitRelay.builder().relayUrl("https://relayer-server-staging-cayenne.getlit.dev").apiKey(key).build();
 * RelayPkp pkp = relay.mintPkpAndWait(RelayMintRequest.of(googleLogin));
 * List<RelayPkp> mine = relay.fetchPkps(googleLogin);
 * }</pre>
 */
public final class LitRelay {
  private final URI base;
  private final Optional<String> apiKey;
  private final Duration timeout;
  private final Duration pollInterval;
  private final int maxPolls;
  private final HttpClient http;

  private LitRelay(Builder b) {
    this.base = URI.create(b.relayUrl.replaceAll("/+$", "") + "/");
    this.apiKey = Optional.ofNullable(b.apiKey);
    this.timeout = b.timeout;
    this.pollInterval = b.pollInterval;
    this.maxPolls = b.maxPolls;
    this.http = HttpClient.newBuilder().connectTimeout(b.timeout).build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Asks the relay to mint ({@code POST /mint-next-and-add-auth-methods}).
   *
   * @param request the auth methods and flags
   * @return the request id (the mint transaction hash)
   * @throws LitException (code {@code relay_error}) when the relay refuses, with its status and
   *     text
   */
  public String mintPkp(RelayMintRequest request) {
    return join(mintPkpAsync(request));
  }

  /**
   * Async twin of {@link #mintPkp}.
   *
   * @param request the auth methods and flags
   * @return a future of the request id
   */
  public CompletableFuture<String> mintPkpAsync(RelayMintRequest request) {
    if (request == null)
      return CompletableFuture.failedFuture(new LitValidationException("request is required"));
    ObjectNode body = LitJson.mapper().createObjectNode();
    body.put("keyType", 2);
    ArrayNode types = body.putArray("permittedAuthMethodTypes");
    ArrayNode ids = body.putArray("permittedAuthMethodIds");
    ArrayNode pubkeys = body.putArray("permittedAuthMethodPubkeys");
    ArrayNode scopes = body.putArray("permittedAuthMethodScopes");
    for (int i = 0; i < request.authMethods().size(); i++) {
      PermittedAuthMethod m = request.authMethods().get(i);
      types.add(m.authMethodType());
      ids.add(Hex.encode0x(m.id()));
      pubkeys.add(Hex.encode0x(m.userPubkey()));
      ArrayNode s = scopes.addArray();
      for (AuthMethodScope scope : request.scopes().get(i)) s.add(scope.value());
    }
    body.put("addPkpEthAddressAsPermittedAddress", request.addPkpEthAddressAsPermittedAddress());
    body.put("sendPkpToItself", request.sendPkpToItself());
    return send("POST", "mint-next-and-add-auth-methods", body)
        .thenApply(
            r -> {
              if (!r.path("requestId").isTextual())
                throw relayError(200, "the relay answered no requestId: " + r);
              return r.get("requestId").textValue();
            });
  }

  /**
   * The status of a mint ({@code GET /auth/status/<requestId>}).
   *
   * @param requestId the request id {@link #mintPkp} returned
   * @return the status, with the PKP once minted
   */
  public RelayMintStatus mintStatus(String requestId) {
    return join(mintStatusAsync(requestId));
  }

  /**
   * Async twin of {@link #mintStatus}.
   *
   * @param requestId the request id
   * @return a future of the status
   */
  public CompletableFuture<RelayMintStatus> mintStatusAsync(String requestId) {
    if (requestId == null || !requestId.matches("0x[0-9a-fA-F]{64}")) {
      return CompletableFuture.failedFuture(
          new LitValidationException("requestId must be a 0x transaction hash, got " + requestId));
    }
    return send("GET", "auth/status/" + requestId, null)
        .thenApply(
            r -> {
              if (r.hasNonNull("error")) throw relayError(200, r.get("error").asText());
              String status = r.path("status").asText("");
              Optional<RelayPkp> pkp =
                  "Succeeded".equals(status)
                      ? Optional.of(
                          pkp(
                              r.path("pkpTokenId").asText(),
                              r.path("pkpPublicKey").asText(),
                              r.path("pkpEthAddress").asText()))
                      : Optional.empty();
              return new RelayMintStatus(status, pkp);
            });
  }

  /**
   * Polls the status until the mint succeeded, as 4.2.0's {@code pollRequestUntilTerminalState}.
   *
   * @param requestId the request id
   * @return the minted PKP
   * @throws LitException (code {@code relay_timeout}) after the configured number of polls
   */
  public RelayPkp pollUntilMinted(String requestId) {
    return join(pollUntilMintedAsync(requestId));
  }

  /**
   * Async twin of {@link #pollUntilMinted}.
   *
   * @param requestId the request id
   * @return a future of the minted PKP
   */
  public CompletableFuture<RelayPkp> pollUntilMintedAsync(String requestId) {
    return poll(requestId, 1);
  }

  private CompletableFuture<RelayPkp> poll(String requestId, int attempt) {
    return mintStatusAsync(requestId)
        .thenCompose(
            s -> {
              if (s.succeeded()) return CompletableFuture.completedFuture(s.pkp().get());
              if (attempt >= maxPolls) {
                throw new CompletionException(
                    LitException.builder()
                        .errorCode("relay_timeout")
                        .message(
                            "Polling for mint PKP transaction status timed out after "
                                + attempt
                                + " polls (request "
                                + requestId
                                + ")")
                        .buildTimeout());
              }
              return CompletableFuture.supplyAsync(
                      () -> null,
                      CompletableFuture.delayedExecutor(
                          pollInterval.toMillis(), TimeUnit.MILLISECONDS))
                  .thenCompose(x -> poll(requestId, attempt + 1));
            });
  }

  /**
   * Mints and waits for the PKP ({@link #mintPkp} then {@link #pollUntilMinted}).
   *
   * @param request the auth methods and flags
   * @return the minted PKP
   */
  public RelayPkp mintPkpAndWait(RelayMintRequest request) {
    return join(mintPkpAsync(request).thenCompose(this::pollUntilMintedAsync));
  }

  /**
   * The PKPs of an auth method ({@code POST /fetch-pkps-by-auth-method}).
   *
   * @param authMethodType the type
   * @param authMethodId the auth method id
   * @return the PKPs, possibly none
   */
  public List<RelayPkp> fetchPkps(int authMethodType, byte[] authMethodId) {
    return join(fetchPkpsAsync(authMethodType, authMethodId));
  }

  /**
   * {@link #fetchPkps(int, byte[])} with the id computed as 4.2.0's {@code getAuthIdByAuthMethod}.
   *
   * @param authMethod the auth method as sent to nodes
   * @return the PKPs, possibly none
   */
  public List<RelayPkp> fetchPkps(AuthMethod authMethod) {
    return fetchPkps(authMethod.authMethodType(), AuthMethodIds.authMethodId(authMethod));
  }

  /**
   * Async twin of {@link #fetchPkps(int, byte[])}.
   *
   * @param authMethodType the type
   * @param authMethodId the auth method id
   * @return a future of the PKPs
   */
  public CompletableFuture<List<RelayPkp>> fetchPkpsAsync(int authMethodType, byte[] authMethodId) {
    if (authMethodId == null || authMethodId.length == 0)
      return CompletableFuture.failedFuture(new LitValidationException("authMethodId is required"));
    ObjectNode body = LitJson.mapper().createObjectNode();
    body.put("authMethodType", authMethodType);
    body.put("authMethodId", Hex.encode0x(authMethodId));
    return send("POST", "fetch-pkps-by-auth-method", body)
        .thenApply(
            r -> {
              if (!r.path("pkps").isArray())
                throw relayError(200, "the relay answered no pkps: " + r);
              List<RelayPkp> out = new ArrayList<>();
              for (JsonNode p : r.get("pkps")) {
                out.add(
                    pkp(
                        p.path("tokenId").asText(),
                        p.path("publicKey").asText(),
                        p.path("ethAddress").asText()));
              }
              return List.copyOf(out);
            });
  }

  private CompletableFuture<JsonNode> send(String method, String path, JsonNode body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Content-Type", "application/json");
    apiKey.ifPresent(k -> b.header("api-key", k));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
        .handle(
            (r, t) -> {
              if (t != null) {
                Throwable cause = Futures.unwrap(t);
                throw relayError(0, "cannot reach the relay at " + base + ": " + cause);
              }
              JsonNode json;
              try {
                json = LitJson.mapper().readTree(r.body());
              } catch (IOException e) {
                json = null;
              }
              if (r.statusCode() < 200 || r.statusCode() >= 400) {
                String why =
                    json != null && json.hasNonNull("error")
                        ? json.get("error").asText()
                        : r.body();
                throw relayError(
                    r.statusCode(),
                    "the relay answered HTTP "
                        + r.statusCode()
                        + " to "
                        + method
                        + " /"
                        + path
                        + ": "
                        + why);
              }
              if (json == null || !json.isObject())
                throw relayError(
                    r.statusCode(), "the relay's answer is not a JSON object: " + r.body());
              return json;
            });
  }

  // the relay's strings, checked: a key on the curve and the address of that key
  private static RelayPkp pkp(String tokenId, String publicKeyHex, String ethAddressHex) {
    Secp256k1PublicKey key;
    EthAddress address;
    try {
      key = Secp256k1PublicKey.fromHex(publicKeyHex, "publicKey");
      address = EthAddress.fromHex(ethAddressHex);
    } catch (LitException e) {
      throw relayError(200, "the relay sent a PKP that is not valid: " + e.getMessage());
    }
    if (!address.equals(key.ethAddress())) {
      throw relayError(
          200,
          "the relay sent PKP address "
              + ethAddressHex
              + ", which is not the address of its public key ("
              + key.ethAddress()
              + ")");
    }
    return new RelayPkp(number(tokenId), key, address);
  }

  private static BigInteger number(String s) {
    try {
      return s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
    } catch (NumberFormatException e) {
      throw relayError(200, "the relay sent a token id that is not a number: " + s);
    }
  }

  private static CompletionException relayError(int status, String message) {
    LitException.Builder b = LitException.builder().errorCode("relay_error").message(message);
    if (status > 0) b.status(status);
    return new CompletionException(b.buildNode());
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof LitException l) throw l;
      throw e;
    }
  }

  @Override
  public String toString() {
    return "LitRelay[" + base + (apiKey.isPresent() ? ", apiKey=<hidden>" : "") + "]";
  }

  /** Settings of a {@link LitRelay}. */
  public static final class Builder {
    private String relayUrl;
    private String apiKey;
    private Duration timeout = Duration.ofSeconds(30);
    private Duration pollInterval = Duration.ofSeconds(15);
    private int maxPolls = 20;

    private Builder() {}

    /**
     * @param relayUrl the relay's base URL @return this builder
     */
    public Builder relayUrl(String relayUrl) {
      this.relayUrl = relayUrl;
      return this;
    }

    /**
     * @param apiKey the relay API key (sent as {@code api-key}) @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * @param timeout per-request timeout (default 30 s) @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero())
        throw new LitValidationException("timeout must be positive");
      this.timeout = timeout;
      return this;
    }

    /**
     * @param pollInterval the wait between status polls (default 15 s, as 4.2.0)
     * @param maxPolls how many polls before giving up (default 20, as 4.2.0)
     * @return this builder
     */
    public Builder polling(Duration pollInterval, int maxPolls) {
      if (pollInterval == null || pollInterval.isNegative() || maxPolls < 1)
        throw new LitValidationException("need pollInterval >= 0 and maxPolls >= 1");
      this.pollInterval = pollInterval;
      this.maxPolls = maxPolls;
      return this;
    }

    /** {@return the relay client} @throws LitValidationException without a relay URL */
    public LitRelay build() {
      if (relayUrl == null || !relayUrl.matches("https?://.+"))
        throw new LitValidationException("relayUrl must be an http(s) URL, got " + relayUrl);
      return new LitRelay(this);
    }
  }
}
