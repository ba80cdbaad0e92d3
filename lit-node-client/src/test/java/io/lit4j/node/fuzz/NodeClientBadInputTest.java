package io.lit4j.node.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.fuzz.Fuzz;
import io.lit4j.core.fuzz.JsonMutator;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.network.NodeUrls;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.NodeReply;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.transport.NodeHttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input on the node client's public values and config: a typed error naming the setting. */
class NodeClientBadInputTest {
  private static final Secp256k1PublicKey PKP =
      Secp256k1PublicKey.fromHex(
          "04b6b5447b3b8a59b45601b8bc1db22943899a65329d36a5e9db58539f41f1bf981ad4c4979989666903a9c2e7fef692becd8f8af7577d2b26e56f639eafea5635");
  private static final NodeAuth AUTH = url -> LitJson.mapper().createObjectNode();

  static Stream<Arguments> cases() {
    byte[] order =
        io.lit4j.core.util.Hex.decode(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    return Stream.of(
        c(
            "toSign of 31 bytes",
            () ->
                PkpSignRequest.builder().toSign(new byte[31]).pkpPublicKey(PKP).auth(AUTH).build(),
            "toSign"),
        c(
            "toSign of 33 bytes",
            () ->
                PkpSignRequest.builder().toSign(new byte[33]).pkpPublicKey(PKP).auth(AUTH).build(),
            "toSign"),
        c(
            "toSign null",
            () -> PkpSignRequest.builder().toSign(null).pkpPublicKey(PKP).auth(AUTH).build(),
            "toSign"),
        c(
            "toSign at the group order",
            () -> PkpSignRequest.builder().toSign(order).pkpPublicKey(PKP).auth(AUTH).build(),
            "toSign"),
        c(
            "pkp key null",
            () ->
                PkpSignRequest.builder().toSign(new byte[32]).pkpPublicKey(null).auth(AUTH).build(),
            "pkpPublicKey"),
        c(
            "auth null",
            () ->
                PkpSignRequest.builder()
                    .toSign(new byte[32])
                    .pkpPublicKey(PKP)
                    .auth((NodeAuth) null)
                    .build(),
            "auth"),
        c(
            "authMethods null",
            () -> new PkpSignRequest(new byte[32], PKP, AUTH, null),
            "authMethods"),
        c("execute without code", () -> ExecuteJsRequest.builder().auth(AUTH).build(), "code"),
        c(
            "execute with empty code",
            () -> ExecuteJsRequest.builder().code("").auth(AUTH).build(),
            "code"),
        c(
            "execute with code and ipfsId",
            () -> ExecuteJsRequest.builder().code("1").ipfsId("Qm").auth(AUTH).build(),
            "ipfsId"),
        c(
            "execute with blank ipfsId",
            () -> ExecuteJsRequest.builder().ipfsId(" ").auth(AUTH).build(),
            "ipfsId"),
        c("execute without auth", () -> ExecuteJsRequest.builder().code("1").build(), "auth"),
        c("HTTP status 99", () -> new NodeHttpResponse(99, "", ""), "status"),
        c("HTTP status 600", () -> new NodeHttpResponse(600, "", ""), "status"),
        c("HTTP content type null", () -> new NodeHttpResponse(200, null, ""), "contentType"),
        c("HTTP body null", () -> new NodeHttpResponse(200, "", null), "body"),
        c(
            "reply without url",
            () -> new NodeReply(null, 200, LitJson.mapper().nullNode()),
            "nodeUrl"),
        c("reply without body", () -> new NodeReply("http://a:1", 200, null), "body"),
        c("node url without scheme", () -> NodeUrls.check("1.2.3.4:443"), "url"),
        c("node url ftp", () -> NodeUrls.check("ftp://1.2.3.4:21"), "url"),
        c("node url empty", () -> NodeUrls.check(""), "url"),
        c("node url null", () -> NodeUrls.check(null), "url"),
        c("node url garbage", () -> NodeUrls.check("http://\u0000:1"), "url"),
        c(
            "bootstrap urls null",
            () -> LitNodeClientConfig.builder().bootstrapUrls(null),
            "bootstrapUrls"),
        c(
            "bootstrap url malformed",
            () -> LitNodeClientConfig.builder().bootstrapUrls(List.of("not a url")).build(),
            "url"),
        // regression: List.copyOf threw a raw NullPointerException
        c(
            "bootstrap url null element",
            () ->
                LitNodeClientConfig.builder()
                    .bootstrapUrls(Arrays.asList("http://127.0.0.1:7470", null))
                    .build(),
            "bootstrapUrls"),
        c(
            "min node count 0",
            () ->
                LitNodeClientConfig.builder()
                    .bootstrapUrls(List.of("http://127.0.0.1:7470"))
                    .minNodeCount(0)
                    .build(),
            "minNodeCount"),
        c(
            "connect timeout negative",
            () -> LitNodeClientConfig.builder().connectTimeout(Duration.ofSeconds(-1)).build(),
            "connectTimeout"),
        c(
            "request timeout zero",
            () -> LitNodeClientConfig.builder().requestTimeout(Duration.ZERO).build(),
            "requestTimeout"),
        c(
            "connect timeout null",
            () -> LitNodeClientConfig.builder().connectTimeout(null).build(),
            "connectTimeout"));
  }

  private static Arguments c(String what, Executable call, String field) {
    return Arguments.of(what, call, field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsATypedErrorNamingTheSetting(String what, Executable call, String field) {
    LitException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> assertThrows(LitException.class, call, what));
    assertTrue(
        e.getMessage().toLowerCase(Locale.ROOT).contains(field.toLowerCase(Locale.ROOT)),
        what + ": the message does not name '" + field + "': " + e.getMessage());
  }

  @Test
  void nodeUrlsAreCheckedOrRejectedWithATypedError() {
    Fuzz.run(
        "discovery.NodeUrls.check",
        1000,
        seed -> new JsonMutator(seed).mutateString("https://192.168.1.10:443"),
        s -> {
          String url = NodeUrls.check(s);
          assertTrue(url.startsWith("http://") || url.startsWith("https://"), url);
          java.net.URI u = java.net.URI.create(url);
          assertTrue(
              u.getHost() != null && !u.getHost().isEmpty(), "accepted a URL without host: " + url);
          assertTrue(
              u.getRawPath() == null || u.getRawPath().isEmpty(),
              "accepted a URL with a path: " + url);
        });
  }
}
