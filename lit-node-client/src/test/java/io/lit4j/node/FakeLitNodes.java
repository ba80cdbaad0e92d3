package io.lit4j.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** A few WireMock servers standing in for Lit nodes, with helpers for handshake answers. */
final class FakeLitNodes implements AutoCloseable {
  static final String BLS_KEY = "a0".repeat(48);
  static final String OTHER_BLS_KEY = "b1".repeat(48);
  static final List<String> ROOTS = List.of("02" + "11".repeat(32), "03" + "22".repeat(32));
  static final String BLOCKHASH = "0x" + "ab".repeat(32);

  private final List<WireMockServer> servers = new ArrayList<>();

  static FakeLitNodes start(int n) {
    return start(n, i -> new com.github.tomakehurst.wiremock.extension.Extension[0]);
  }

  /** Nodes with WireMock extensions per node index (e.g. a transformer that signs like a node). */
  static FakeLitNodes start(
      int n,
      java.util.function.IntFunction<com.github.tomakehurst.wiremock.extension.Extension[]>
          extensions) {
    FakeLitNodes nodes = new FakeLitNodes();
    for (int i = 0; i < n; i++) {
      WireMockServer s =
          new WireMockServer(
              options()
                  .dynamicPort()
                  .bindAddress("127.0.0.1")
                  .templatingEnabled(true)
                  .globalTemplating(false)
                  .extensions(extensions.apply(i)));
      s.start();
      nodes.servers.add(s);
    }
    return nodes;
  }

  WireMockServer node(int i) {
    return servers.get(i);
  }

  String url(int i) {
    return "http://127.0.0.1:" + servers.get(i).port();
  }

  List<String> urls() {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) urls.add(url(i));
    return urls;
  }

  /** A URL where nothing listens. */
  static String deadUrl() {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode handshakeBody(String blsKey, List<String> roots, String blockhash) {
    ObjectNode b = LitJson.mapper().createObjectNode();
    b.put("serverPublicKey", "");
    b.put("subnetPublicKey", blsKey);
    b.put("networkPublicKey", blsKey);
    b.put("networkPublicKeySet", blsKey);
    b.put("clientSdkVersion", "4.2.0");
    ArrayNode r = b.putArray("hdRootPubkeys");
    roots.forEach(r::add);
    b.putNull("attestation");
    b.put("latestBlockhash", blockhash);
    return b;
  }

  static ResponseDefinitionBuilder json(int status, Object body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body instanceof String s ? s : LitJson.write(body));
  }

  void handshake(int i, ResponseDefinitionBuilder answer) {
    servers.get(i).stubFor(post(urlEqualTo("/web/handshake")).willReturn(answer));
  }

  void handshakeOk(int i) {
    handshake(i, json(200, handshakeBody(BLS_KEY, ROOTS, BLOCKHASH)));
  }

  void allHandshakesOk() {
    for (int i = 0; i < servers.size(); i++) handshakeOk(i);
  }

  List<LoggedRequest> requests(int i, String path) {
    return servers
        .get(i)
        .findAll(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(path)));
  }

  @Override
  public void close() {
    servers.forEach(WireMockServer::stop);
  }
}
