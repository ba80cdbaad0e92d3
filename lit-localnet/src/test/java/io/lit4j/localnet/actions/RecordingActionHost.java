package io.lit4j.localnet.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import java.util.ArrayList;
import java.util.List;

/** An action host for runtime tests: records the operations an action asked for. */
final class RecordingActionHost implements ActionHost {
  record Signed(String toSignHex, String publicKey, String sigName) {}

  final List<Signed> signed = new ArrayList<>();
  final List<String> claimed = new ArrayList<>();

  @Override
  public void signEcdsa(byte[] toSign, String publicKey, String sigName) {
    signed.add(new Signed(Hex.encode(toSign), publicKey, sigName));
  }

  @Override
  public void ethPersonalSignMessageEcdsa(byte[] message, String publicKey, String sigName) {
    signed.add(
        new Signed(
            "personal:" + new String(message, java.nio.charset.StandardCharsets.UTF_8),
            publicKey,
            sigName));
  }

  @Override
  public boolean checkConditions(JsonNode conditions, JsonNode authSig, String chain) {
    return conditions.isArray() && conditions.size() == 1 && "ethereum".equals(chain);
  }

  @Override
  public String getLatestNonce(String address, String chain) {
    return "0x7";
  }

  @Override
  public String getRpcUrl(String chain) {
    return "http://127.0.0.1:8545";
  }

  @Override
  public String callContract(String chain, String txnHex) {
    return "0x" + txnHex.length();
  }

  @Override
  public void claimKey(String keyId) {
    claimed.add(keyId);
  }

  @Override
  public JsonNode permissions(String operation, JsonNode args) {
    var out = LitJson.mapper().createObjectNode();
    out.put("operation", operation);
    out.set("args", args);
    return out;
  }

  @Override
  public JsonNode authContext() {
    return LitJson.parse(
        "{\"actionIpfsIds\":[\"QmTest\"],\"authSigAddress\":\"0xabc\",\"authMethodContexts\":[],\"resources\":[],\"customAuthResource\":\"\"}",
        "auth");
  }
}
