package io.lit4j.auth.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Args;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The body of {@code POST /web/sign_session_key}, shared by the node client (writes it) and local
 * nodes (read it). JS SDK 4.2.0 sends {@code sessionKey, authMethods, pkpPublicKey?, authSig?,
 * siweMessage, epochNumber}; the v6 fields {@code curveType, code, litActionIpfsId, jsParams,
 * epoch} are optional and written only when set.
 *
 * @param sessionKey {@code lit:session:<pubkey hex>}
 * @param authMethods auth methods proving control of the PKP (empty for the EthWallet flow)
 * @param pkpPublicKey the PKP public key as passed ({@code 0x04…}), if any
 * @param authSig an EOA auth sig (EthWallet flow), if any
 * @param siweMessage the SIWE text the nodes rewrite and sign
 * @param curveType v6 {@code curveType} (e.g. {@code BLS}), if any
 * @param code v6 base64 Lit Action code, if any
 * @param litActionIpfsId v6 Lit Action CID, if any
 * @param jsParams v6 Lit Action parameters, if any
 * @param epochNumber the v4 {@code epochNumber} (nodes ignore it), if any
 * @param epoch the {@code epoch} nodes read, if any
 */
public record SignSessionKeyBody(
    String sessionKey,
    List<AuthMethod> authMethods,
    Optional<String> pkpPublicKey,
    Optional<AuthSig> authSig,
    String siweMessage,
    Optional<String> curveType,
    Optional<String> code,
    Optional<String> litActionIpfsId,
    Optional<JsonNode> jsParams,
    OptionalLong epochNumber,
    OptionalLong epoch) {

  /**
   * @param sessionKey {@code lit:session:<pubkey hex>}
   * @param authMethods auth methods proving control of the PKP (empty for the EthWallet flow)
   * @param pkpPublicKey the PKP public key as passed ({@code 0x04…}), if any
   * @param authSig an EOA auth sig (EthWallet flow), if any
   * @param siweMessage the SIWE text the nodes rewrite and sign
   * @param curveType v6 {@code curveType} (e.g. {@code BLS}), if any
   * @param code v6 base64 Lit Action code, if any
   * @param litActionIpfsId v6 Lit Action CID, if any
   * @param jsParams v6 Lit Action parameters, if any
   * @param epochNumber the v4 {@code epochNumber} (nodes ignore it), if any
   * @param epoch the {@code epoch} nodes read, if any
   * @throws LitValidationException when a required field is missing or sessionKey is not a session
   *     URI
   */
  public SignSessionKeyBody {
    if (sessionKey == null) throw new LitValidationException("sessionKey is missing");
    if (!sessionKey.startsWith(SessionKeyPair.URI_PREFIX)) {
      throw new LitValidationException(
          "sessionKey must be lit:session:<pubkey hex>, got '" + sessionKey + "'");
    }
    if (siweMessage == null) throw new LitValidationException("siweMessage is missing");
    authMethods = Args.listCopy(authMethods, "authMethods");
    Args.required(pkpPublicKey, "pkpPublicKey");
    Args.required(authSig, "authSig");
    Args.required(curveType, "curveType");
    Args.required(code, "code");
    Args.required(litActionIpfsId, "litActionIpfsId");
    Args.required(jsParams, "jsParams");
    Args.required(epochNumber, "epochNumber");
    Args.required(epoch, "epoch");
  }

  /**
   * {@return the body JS SDK 4.2.0 sends}
   *
   * @param sessionKeyUri {@code lit:session:<session public key hex>}
   * @param authMethods the auth methods that prove control of the PKP
   * @param pkpPublicKey the PKP's public key, if known
   * @param authSig a wallet auth sig, if any
   * @param siweMessage the SIWE message the PKP is to sign
   * @param epochNumber the current network epoch
   */
  public static SignSessionKeyBody v4(
      String sessionKeyUri,
      List<AuthMethod> authMethods,
      Optional<String> pkpPublicKey,
      Optional<AuthSig> authSig,
      String siweMessage,
      long epochNumber) {
    return new SignSessionKeyBody(
        sessionKeyUri,
        authMethods,
        pkpPublicKey,
        authSig,
        siweMessage,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.of(epochNumber),
        OptionalLong.empty());
  }

  /** {@return the ordered map {@link JsJson} writes; absent optionals are omitted} */
  public Map<String, Object> toJsValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sessionKey", sessionKey);
    m.put("authMethods", authMethods.stream().map(AuthMethod::toJsValue).toList());
    pkpPublicKey.ifPresent(v -> m.put("pkpPublicKey", v));
    authSig.ifPresent(v -> m.put("authSig", v.toJsValue()));
    m.put("siweMessage", siweMessage);
    curveType.ifPresent(v -> m.put("curveType", v));
    code.ifPresent(v -> m.put("code", v));
    litActionIpfsId.ifPresent(v -> m.put("litActionIpfsId", v));
    jsParams.ifPresent(v -> m.put("jsParams", v));
    epochNumber.ifPresent(v -> m.put("epochNumber", v));
    epoch.ifPresent(v -> m.put("epoch", v));
    return m;
  }

  /** {@return the body text as {@code JSON.stringify} writes it} */
  public String toJson() {
    return JsJson.stringify(toJsValue());
  }

  /**
   * Reads a body (unknown keys ignored, as nodes do).
   *
   * @param json the request body JSON text
   * @return the request
   * @throws LitValidationException naming the field when the body is malformed
   */
  public static SignSessionKeyBody fromJson(String json) {
    JsonNode n = LitJson.parse(json, "sign_session_key body");
    if (!n.isObject())
      throw new LitValidationException("sign_session_key body must be a JSON object");
    JsonNode am = n.get("authMethods");
    List<AuthMethod> methods = new ArrayList<>();
    if (am != null && !am.isNull()) {
      if (!am.isArray()) throw new LitValidationException("authMethods must be an array");
      for (int i = 0; i < am.size(); i++)
        methods.add(AuthMethod.fromJson(am.get(i), "authMethods[" + i + "]"));
    }
    JsonNode as = n.get("authSig");
    Optional<AuthSig> authSig =
        as == null || as.isNull() ? Optional.empty() : Optional.of(AuthSig.fromJson(as, "authSig"));
    JsonNode jp = n.get("jsParams");
    return new SignSessionKeyBody(
        req(n, "sessionKey"),
        methods,
        opt(n, "pkpPublicKey"),
        authSig,
        req(n, "siweMessage"),
        opt(n, "curveType"),
        opt(n, "code"),
        opt(n, "litActionIpfsId"),
        jp == null || jp.isNull() ? Optional.empty() : Optional.of(jp),
        num(n, "epochNumber"),
        num(n, "epoch"));
  }

  private static String req(JsonNode n, String k) {
    return opt(n, k).orElseThrow(() -> new LitValidationException(k + " is missing"));
  }

  private static Optional<String> opt(JsonNode n, String k) {
    JsonNode v = n.get(k);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isTextual()) throw new LitValidationException(k + " must be a string");
    return Optional.of(v.textValue());
  }

  private static OptionalLong num(JsonNode n, String k) {
    JsonNode v = n.get(k);
    if (v == null || v.isNull()) return OptionalLong.empty();
    if (!v.canConvertToLong() || !v.isIntegralNumber())
      throw new LitValidationException(k + " must be an integer");
    return OptionalLong.of(v.longValue());
  }
}
