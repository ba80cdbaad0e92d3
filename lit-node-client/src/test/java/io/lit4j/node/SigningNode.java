package io.lit4j.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.ecdsa.SigningSubset;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.localnet.keys.K256RootKeyShares;
import io.lit4j.localnet.keys.SimulatedEcdsaSigner;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A WireMock transformer that answers {@code /web/pkp/sign} and {@code /web/execute} as node {@code
 * index} of a test network would: it reads the digest from the body and the request id from the
 * header, picks the signing subset from both, and returns a real (cait-sith style) share or,
 * outside the subset, an empty one. Shares only combine when every node saw the same request id.
 */
final class SigningNode implements ResponseDefinitionTransformerV2 {
  static final byte[] SECRET =
      "lit4j node-client test network".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final int index;
  private final K256RootKeyShares keys;
  private final HdKeyId keyId;
  private final SimulatedEcdsaSigner signer = new SimulatedEcdsaSigner(SECRET);

  private final boolean ownRequestId;

  SigningNode(int index, K256RootKeyShares keys, HdKeyId keyId) {
    this(index, keys, keyId, false);
  }

  /**
   * @param ownRequestId sign as if this node had received another request id (a broken client)
   */
  SigningNode(int index, K256RootKeyShares keys, HdKeyId keyId, boolean ownRequestId) {
    this.ownRequestId = ownRequestId;
    this.index = index;
    this.keys = keys;
    this.keyId = keyId;
  }

  @Override
  public String getName() {
    return "signing-node-" + index;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String url = event.getRequest().getUrl();
    if (!url.equals("/web/pkp/sign") && !url.equals("/web/execute"))
      return event.getResponseDefinition();
    if (event.getResponseDefinition().getStatus() != 200)
      return event.getResponseDefinition(); // stubbed failure
    JsonNode body = LitJson.parse(event.getRequest().getBodyAsString(), "body");
    String requestId =
        ownRequestId ? "lit_0000000000000" : event.getRequest().getHeader("X-Request-Id");
    boolean pkp = url.equals("/web/pkp/sign");
    if (!pkp && !body.path("jsParams").has("toSign"))
      return event.getResponseDefinition(); // an action that signs nothing
    byte[] digest = bytes(pkp ? body.get("toSign") : body.path("jsParams").get("toSign"));
    List<Integer> all = IntStream.range(0, keys.nodeCount()).boxed().toList();
    List<Integer> subset = SigningSubset.select(all, keys.threshold(), digest, requestId);
    Optional<EcdsaSignatureShare> share =
        signer.signShare(
            keys.nodeShare(index), keyId, digest, requestId, subset, pkp ? "sig" : "sig1");
    ObjectNode answer = LitJson.mapper().createObjectNode();
    answer.put("success", true);
    if (pkp) {
      answer.set("signedData", body.get("toSign"));
      answer.set(
          "signatureShare",
          share.map(EcdsaShareJson::writePkpSign).orElseGet(EcdsaShareJson::writeEmptyPkpSign));
    } else {
      answer
          .putObject("signedData")
          .set(
              "sig1",
              share
                  .map(EcdsaShareJson::writeExecute)
                  .orElseGet(() -> EcdsaShareJson.writeEmptyExecute("sig1")));
      answer.putObject("decryptedData");
      answer.putObject("claimData");
      answer.put("response", "{\"signed\":true}");
      answer.put("logs", "signing\n");
    }
    return new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(LitJson.write(answer))
        .build();
  }

  private static byte[] bytes(JsonNode array) {
    ArrayNode a = (ArrayNode) array;
    byte[] out = new byte[a.size()];
    for (int i = 0; i < out.length; i++) out[i] = (byte) a.get(i).intValue();
    return out;
  }
}
