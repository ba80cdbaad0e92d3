package io.lit4j.localnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** What a v4 client does on the wire, for tests: POST JSON to every node with one request id. */
final class NodeCalls {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final SecureRandom RANDOM = new SecureRandom();
  // one pool for the parallel calls (on 2 cores the common pool would start a thread per call)
  private static final java.util.concurrent.ExecutorService CALLERS =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "node-calls");
            t.setDaemon(true);
            return t;
          });

  /** One node's answer. */
  record Answer(String url, int status, JsonNode body) {}

  private NodeCalls() {}

  static String requestId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return "lit_" + Hex.encode(b);
  }

  static Answer post(String url, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = LitJson.mapper().readTree(r.body());
      } catch (IOException e) {
        json = LitJson.mapper().getNodeFactory().textNode(r.body());
      }
      return new Answer(url, r.statusCode(), json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** As SDK 4.2.0 sends: JSON, SDK headers, one X-Request-Id, {@code epochNumber} appended. */
  static Answer post(String url, String path, ObjectNode body, String requestId) {
    ObjectNode withEpoch = body.deepCopy();
    withEpoch.put("epochNumber", 1);
    return post(
        url,
        path,
        LitJson.write(withEpoch),
        Map.of(
            "Content-Type",
            "application/json",
            "X-Lit-SDK-Version",
            "4.2.0",
            "X-Lit-SDK-Type",
            "Typescript",
            "X-Request-Id",
            requestId));
  }

  /** The same body to every node (in parallel), one request id. */
  static List<Answer> all(LocalLitNetwork net, String path, ObjectNode body) {
    return all(net, path, url -> body, requestId());
  }

  static List<Answer> all(
      LocalLitNetwork net,
      String path,
      java.util.function.Function<String, ObjectNode> bodyFor,
      String requestId) {
    List<java.util.concurrent.CompletableFuture<Answer>> fs = new ArrayList<>();
    for (String url : net.nodeUrls()) {
      fs.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> post(url, path, bodyFor.apply(url), requestId), CALLERS));
    }
    return fs.stream().map(java.util.concurrent.CompletableFuture::join).toList();
  }

  /**
   * Conditions on the user's ether balance: {@code eth_getBalance(:userAddress) <comparator>
   * value}.
   */
  static com.fasterxml.jackson.databind.node.ArrayNode balanceConditions(
      String comparator, String value) {
    com.fasterxml.jackson.databind.node.ArrayNode a = LitJson.mapper().createArrayNode();
    ObjectNode c = a.addObject();
    c.put("contractAddress", "");
    c.put("standardContractType", "");
    c.put("chain", "ethereum");
    c.put("method", "eth_getBalance");
    c.putArray("parameters").add(":userAddress").add("latest");
    c.putObject("returnValueTest").put("comparator", comparator).put("value", value);
    return a;
  }

  static ObjectNode object() {
    return LitJson.mapper().createObjectNode();
  }

  static JsonNode json(Object o) {
    return LitJson.mapper().valueToTree(o);
  }

  static JsonNode authSigJson(AuthSig a) {
    return LitJson.parse(a.toJson(), "authSig");
  }

  /** A top-level EOA auth sig: SIWE signed by {@code wallet}, valid for an hour. */
  static AuthSig walletAuthSig(Credentials wallet, String nonce) {
    Instant now = Instant.now();
    SiweMessage siwe =
        SiweMessage.builder()
            .domain("localhost")
            .address(Keys.toChecksumAddress(wallet.getAddress()))
            .statement("lit4j localnet test")
            .uri("https://localhost/login")
            .nonce(nonce.replace("0x", "").substring(0, 16))
            .issuedAt(IsoTime.toIsoString(now))
            .expirationTime(IsoTime.toIsoString(now.plus(Duration.ofHours(1))))
            .chainId(1)
            .build();
    return AuthSigs.generate(new Web3jEthSigner(wallet), siwe.prepareMessage());
  }
}
