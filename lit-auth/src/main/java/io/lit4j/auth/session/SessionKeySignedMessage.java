package io.lit4j.auth.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Args;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a per-node session signature signs: the JSON {@code signedMessage} {@code {sessionKey,
 * resourceAbilityRequests, capabilities, issuedAt, expiration, nodeAddress}} (JS SDK 4.2.0 {@code
 * getSessionSigs}).
 *
 * @param sessionKey the session public key hex (not the {@code lit:session:} URI)
 * @param resourceAbilityRequests what the session may do
 * @param capabilities auth sigs: {@code [capacityDelegation?, walletSig]}
 * @param issuedAt verbatim ISO time
 * @param expiration verbatim ISO time
 * @param nodeAddress the node URL exactly as connected, e.g. {@code https://1.2.3.4:443}
 */
public record SessionKeySignedMessage(
    String sessionKey,
    List<ResourceAbilityRequest> resourceAbilityRequests,
    List<AuthSig> capabilities,
    String issuedAt,
    String expiration,
    String nodeAddress) {

  /**
   * @param sessionKey the session public key hex (not the {@code lit:session:} URI)
   * @param resourceAbilityRequests what the session may do
   * @param capabilities auth sigs: {@code [capacityDelegation?, walletSig]}
   * @param issuedAt verbatim ISO time
   * @param expiration verbatim ISO time
   * @param nodeAddress the node URL exactly as connected, e.g. {@code https://1.2.3.4:443}
   * @throws LitValidationException when a field is missing
   */
  public SessionKeySignedMessage {
    if (sessionKey == null) throw new LitValidationException("sessionKey is missing");
    if (resourceAbilityRequests == null)
      throw new LitValidationException("resourceAbilityRequests is missing");
    if (capabilities == null) throw new LitValidationException("capabilities is missing");
    if (issuedAt == null) throw new LitValidationException("issuedAt is missing");
    if (expiration == null) throw new LitValidationException("expiration is missing");
    if (nodeAddress == null) throw new LitValidationException("nodeAddress is missing");
    resourceAbilityRequests = Args.listCopy(resourceAbilityRequests, "resourceAbilityRequests");
    capabilities = Args.listCopy(capabilities, "capabilities");
  }

  /** {@return the ordered map {@link JsJson} writes} */
  public Map<String, Object> toJsValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sessionKey", sessionKey);
    m.put(
        "resourceAbilityRequests",
        resourceAbilityRequests.stream().map(ResourceAbilityRequest::toJsValue).toList());
    m.put("capabilities", capabilities.stream().map(AuthSig::toJsValue).toList());
    m.put("issuedAt", issuedAt);
    m.put("expiration", expiration);
    m.put("nodeAddress", nodeAddress);
    return m;
  }

  /** {@return the exact text that is signed: {@code JSON.stringify} of {@link #toJsValue()}} */
  public String toJson() {
    return JsJson.stringify(toJsValue());
  }

  /**
   * {@return {@code issuedAt} as an instant}
   *
   * @throws LitValidationException when it is not RFC 3339
   */
  public Instant issuedAtInstant() {
    return IsoTime.parse(issuedAt, "issuedAt");
  }

  /**
   * {@return {@code expiration} as an instant}
   *
   * @throws LitValidationException when it is not RFC 3339
   */
  public Instant expirationInstant() {
    return IsoTime.parse(expiration, "expiration");
  }

  /**
   * Parses a {@code signedMessage} (node side: {@code SessionKeySignedMessage}).
   *
   * @param json the {@code signedMessage} JSON text
   * @return the message
   * @throws LitValidationException naming the field when the JSON or a field is malformed
   */
  public static SessionKeySignedMessage parse(String json) {
    JsonNode n = LitJson.parse(json, "signedMessage");
    if (!n.isObject()) throw new LitValidationException("signedMessage must be a JSON object");
    JsonNode rar = n.get("resourceAbilityRequests");
    if (rar == null || !rar.isArray())
      throw new LitValidationException("signedMessage.resourceAbilityRequests must be an array");
    List<ResourceAbilityRequest> reqs = new ArrayList<>();
    for (int i = 0; i < rar.size(); i++) {
      reqs.add(
          ResourceAbilityRequest.fromJson(
              rar.get(i), "signedMessage.resourceAbilityRequests[" + i + "]"));
    }
    JsonNode caps = n.get("capabilities");
    if (caps == null || !caps.isArray())
      throw new LitValidationException("signedMessage.capabilities must be an array");
    List<AuthSig> capabilities = new ArrayList<>();
    for (int i = 0; i < caps.size(); i++) {
      capabilities.add(AuthSig.fromJson(caps.get(i), "signedMessage.capabilities[" + i + "]"));
    }
    return new SessionKeySignedMessage(
        text(n, "sessionKey"),
        reqs,
        capabilities,
        text(n, "issuedAt"),
        text(n, "expiration"),
        text(n, "nodeAddress"));
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull())
      throw new LitValidationException("signedMessage." + key + " is missing");
    if (!v.isTextual())
      throw new LitValidationException("signedMessage." + key + " must be a string");
    return v.textValue();
  }
}
