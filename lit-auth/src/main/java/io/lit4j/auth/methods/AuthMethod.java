package io.lit4j.auth.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An auth method as sent to nodes: {@code {authMethodType, accessToken}}. {@link #toString()}
 * redacts the access token (it is a credential).
 *
 * @param authMethodType the numeric type (see {@link AuthMethodType}); other numbers are kept for
 *     custom types
 * @param accessToken the credential: auth sig JSON, OAuth token, JWT, …
 */
public record AuthMethod(int authMethodType, String accessToken) {
  /**
   * @param authMethodType the numeric type (see {@link AuthMethodType}); other numbers are kept for
   *     custom types
   * @param accessToken the credential: auth sig JSON, OAuth token, JWT, …
   * @throws LitValidationException when the token is missing or the type is not positive
   */
  public AuthMethod {
    if (authMethodType <= 0)
      throw new LitValidationException("authMethodType must be positive, got " + authMethodType);
    if (accessToken == null) throw new LitValidationException("accessToken is missing");
  }

  /**
   * {@return an auth method of a known type}
   *
   * @param type the auth method type
   * @param accessToken the token the nodes verify for this type
   */
  public static AuthMethod of(AuthMethodType type, String accessToken) {
    return new AuthMethod(Args.required(type, "authMethodType").value(), accessToken);
  }

  /**
   * {@return the EthWallet auth method: type 1, access token = the auth sig's JSON (as the JS SDK
   * writes it)}
   *
   * @param authSig the wallet's auth sig
   */
  public static AuthMethod ethWallet(AuthSig authSig) {
    return new AuthMethod(
        AuthMethodType.ETH_WALLET.value(), Args.required(authSig, "authSig").toJson());
  }

  /** {@return the known type, if the number is one} */
  public Optional<AuthMethodType> type() {
    for (AuthMethodType t : AuthMethodType.values()) {
      if (t.value() == authMethodType) return Optional.of(t);
    }
    return Optional.empty();
  }

  /** {@return {@code {authMethodType, accessToken}} for {@link io.lit4j.core.json.JsJson}} */
  public Map<String, Object> toJsValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("authMethodType", authMethodType);
    m.put("accessToken", accessToken);
    return m;
  }

  /**
   * Reads {@code {authMethodType, accessToken}}.
   *
   * @param n the JSON object
   * @param field names the value in error messages
   * @return the auth method
   * @throws LitValidationException naming the field when malformed
   */
  public static AuthMethod fromJson(JsonNode n, String field) {
    if (n == null || !n.isObject())
      throw new LitValidationException(field + " must be a JSON object");
    JsonNode t = n.get("authMethodType");
    if (t == null || !t.isIntegralNumber() || !t.canConvertToInt())
      throw new LitValidationException(field + ".authMethodType must be an integer");
    JsonNode a = n.get("accessToken");
    if (a == null || !a.isTextual())
      throw new LitValidationException(field + ".accessToken must be a string");
    return new AuthMethod(t.intValue(), a.textValue());
  }

  @Override
  public String toString() {
    return "AuthMethod[authMethodType="
        + authMethodType
        + type().map(x -> " (" + x + ")").orElse("")
        + ", accessToken=<redacted>]";
  }
}
