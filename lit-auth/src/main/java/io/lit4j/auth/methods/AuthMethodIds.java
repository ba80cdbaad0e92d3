package io.lit4j.auth.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthHash;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Auth method ids as {@code LitAuthClient.getAuthIdByAuthMethod} (JS SDK 4.2.0) computes them:
 * {@code keccak256(utf8(userId + ":" + appId))}, 32 bytes. No network access: the Discord user
 * id is a parameter.
 *
 * <table>
 * <caption>strings hashed</caption>
 * <tr><td>EthWallet (1)</td><td>{@code <authSig.address as given>:lit}</td></tr>
 * <tr><td>WebAuthn (3)</td><td>{@code <rawId>:lit}</td></tr>
 * <tr><td>Discord (4)</td><td>{@code <userId>:<clientId>}</td></tr>
 * <tr><td>GoogleJwt (6)</td><td>{@code <sub>:<aud>} of the unverified JWT payload</td></tr>
 * <tr><td>StytchOtp (9)</td><td>{@code lower(sub):lower(aud[0])}</td></tr>
 * <tr><td>Stytch factors (10–13)</td><td>{@code lower(factor):lower(aud[0])}</td></tr>
 * </table>
 */
public final class AuthMethodIds {
  /** The Lit Discord application's client id, the SDK default. */
  public static final String DEFAULT_DISCORD_CLIENT_ID = "1052874239658692668";
  private static final String STYTCH_SESSION = "https://stytch.com/session";

  private AuthMethodIds() {}

  /**
   * {@return the 32-byte id of an auth method that needs no outside lookup (types 1, 3, 6, 9–13)}
   *
   * @param authMethod the auth method
   * @throws UnsupportedAuthMethodException for Discord (use {@link #discordAuthMethodId}),
   *     Google (5), LitAction (2), AppleJwt (8), OTP (7) and unknown types
   * @throws LitValidationException naming the part of the access token that is malformed
   */
  public static byte[] authMethodId(AuthMethod authMethod) {
    Args.required(authMethod, "authMethod");
    AuthMethodType type = authMethod.type()
        .orElseThrow(() -> new UnsupportedAuthMethodException(authMethod.authMethodType(), "unknown type"));
    String token = authMethod.accessToken();
    return switch (type) {
      case ETH_WALLET -> keccak(jsString(jsonField(LitJson.parse(token, "accessToken (authSig JSON)"), "address", "accessToken")) + ":lit");
      case WEB_AUTHN -> keccak(jsString(jsonField(LitJson.parse(token, "accessToken (WebAuthn credential JSON)"), "rawId", "accessToken")) + ":lit");
      case DISCORD -> throw new UnsupportedAuthMethodException(type.value(),
          "Discord needs the user id from Discord's API: use AuthMethodIds.discordAuthMethodId(userId, clientId)");
      case GOOGLE_JWT -> {
        JsonNode p = jwtPayload(token);
        yield keccak(jsString(jsonField(p, "sub", "JWT payload")) + ":" + jsString(jsonField(p, "aud", "JWT payload")));
      }
      case STYTCH_OTP -> {
        JsonNode p = jwtPayload(token);
        yield keccak(lower(jsString(jsonField(p, "sub", "JWT payload"))) + ":" + lower(firstAudience(p)));
      }
      case STYTCH_EMAIL_FACTOR_OTP -> stytchFactor(token, "email_factor", "email_factor", "email_address", "email");
      case STYTCH_SMS_FACTOR_OTP, STYTCH_WHATSAPP_FACTOR_OTP ->
          stytchFactor(token, "phone_number_factor", "phone_number_factor", "phone_number", "phone number");
      // 4.2.0 bug kept: the TOTP provider searches for a phone_number_factor, then reads its authenticator_app_factor
      case STYTCH_TOTP_FACTOR_OTP -> stytchFactor(token, "phone_number_factor", "authenticator_app_factor", "totp_id", "phone number");
      case LIT_ACTION, GOOGLE, OTP, APPLE_JWT -> throw new UnsupportedAuthMethodException(type.value(), "");
    };
  }

  /**
   * {@link #authMethodId(AuthMethod)} as {@code 0x} + 64 hex, as the SDK returns it.
   *
   * @param authMethod the auth method
   * @return the auth method id, {@code 0x} + 64 hex
   */
  public static String authMethodIdHex(AuthMethod authMethod) {
    return Hex.encode0x(authMethodId(authMethod));
  }

  /**
   * The Discord id {@code keccak256(userId + ":" + clientId)}; the user id is what
   * {@code GET https://discord.com/api/users/@me} returns for the token.
   *
   * @param userId the Discord user id
   * @param clientId the Discord OAuth client id
   * @return the 32-byte auth method id
   */
  public static byte[] discordAuthMethodId(String userId, String clientId) {
    if (userId == null || userId.isEmpty()) throw new LitValidationException("Discord userId is missing");
    if (clientId == null || clientId.isEmpty()) throw new LitValidationException("Discord clientId is missing");
    return keccak(userId + ":" + clientId);
  }

  /**
   * {@link #discordAuthMethodId(String, String)} with the default Lit client id.
   *
   * @param userId the Discord user id
   * @return the 32-byte auth method id
   */
  public static byte[] discordAuthMethodId(String userId) {
    return discordAuthMethodId(userId, DEFAULT_DISCORD_CLIENT_ID);
  }

  /**
   * {@code keccak256(utf8(text))} (lit-crypto's {@link EthHash#keccak256Utf8}).
   *
   * @param text the text to hash
   * @return the 32-byte hash
   * @throws LitValidationException when {@code text} is null
   */
  public static byte[] keccak(String text) {
    return EthHash.keccak256Utf8(text);
  }

  private static byte[] stytchFactor(String token, String searchKey, String factorKey, String valueKey, String what) {
    JsonNode p = jwtPayload(token);
    JsonNode session = p.get(STYTCH_SESSION);
    if (session == null || !session.isObject()) throw new LitValidationException("JWT payload has no '" + STYTCH_SESSION + "' object");
    JsonNode factors = session.get("authentication_factors");
    if (factors == null || !factors.isArray()) {
      throw new LitValidationException("JWT payload '" + STYTCH_SESSION + "'.authentication_factors must be an array");
    }
    Optional<JsonNode> found = Optional.empty();
    for (JsonNode f : factors) {
      JsonNode s = f.get(searchKey);
      if (s != null && truthy(s)) {
        found = Optional.of(f);
        break;
      }
    }
    JsonNode factor = found.orElseThrow(() -> new LitValidationException("Could not find " + what + " authentication info in session"));
    JsonNode holder = factor.get(factorKey);
    if (holder == null || !holder.isObject()) {
      throw new LitValidationException("authentication factor has no " + factorKey + " (JS SDK 4.2.0 fails the same way)");
    }
    String userId = jsString(jsonField(holder, valueKey, factorKey));
    return keccak(lower(userId) + ":" + lower(firstAudience(p)));
  }

  private static String firstAudience(JsonNode p) {
    JsonNode aud = jsonField(p, "aud", "JWT payload");
    // JS aud[0]: first element of an array, first character of a string
    if (aud.isArray()) {
      if (aud.isEmpty()) throw new LitValidationException("JWT payload.aud is an empty array");
      return jsString(aud.get(0));
    }
    if (aud.isTextual() && !aud.textValue().isEmpty()) return aud.textValue().substring(0, 1);
    throw new LitValidationException("JWT payload.aud must be a non-empty array or string");
  }

  private static JsonNode jwtPayload(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) throw new LitValidationException("accessToken is not a JWT: expected 3 dot-separated parts, got " + parts.length);
    byte[] raw;
    try {
      // accept base64url and plain base64, padding optional
      String body = parts[1].replace('-', '+').replace('_', '/').replaceAll("=+$", "");
      raw = Base64.getDecoder().decode(body + "===".substring(0, (4 - body.length() % 4) % 4));
    } catch (IllegalArgumentException e) {
      throw new LitValidationException("JWT payload is not base64url: " + e.getMessage(), e);
    }
    JsonNode p = LitJson.parse(new String(raw, StandardCharsets.UTF_8), "JWT payload");
    if (!p.isObject()) throw new LitValidationException("JWT payload must be a JSON object");
    return p;
  }

  private static JsonNode jsonField(JsonNode n, String key, String what) {
    if (n == null || !n.isObject()) throw new LitValidationException(what + " must be a JSON object");
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) throw new LitValidationException(what + "." + key + " is missing");
    return v;
  }

  /** JavaScript's String(value) for JSON values used in template strings. */
  private static String jsString(JsonNode v) {
    if (v.isTextual()) return v.textValue();
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) sb.append(',');
        JsonNode e = v.get(i);
        if (!e.isNull()) sb.append(jsString(e));
      }
      return sb.toString();
    }
    if (v.isObject()) return "[object Object]";
    if (v.isNull()) return "null";
    return v.asText();
  }

  private static boolean truthy(JsonNode v) {
    if (v.isNull() || v.isMissingNode()) return false;
    if (v.isBoolean()) return v.booleanValue();
    if (v.isTextual()) return !v.textValue().isEmpty();
    if (v.isNumber()) return v.doubleValue() != 0;
    return true;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
