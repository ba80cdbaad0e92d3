package io.lit4j.auth.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthHash;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Auth method ids as {@code LitAuthClient.getAuthIdByAuthMethod} (JS SDK 4.2.0) computes them:
 * {@code keccak256(utf8(userId + ":" + appId))}, 32 bytes. No network access: the Discord user id
 * is a parameter.
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
   * @throws UnsupportedAuthMethodException for Discord (use {@link #discordAuthMethodId}), Google
   *     (5), LitAction (2), AppleJwt (8), OTP (7) and unknown types
   * @throws LitValidationException naming the part of the access token that is malformed
   */
  public static byte[] authMethodId(AuthMethod authMethod) {
    Args.required(authMethod, "authMethod");
    AuthMethodType type =
        authMethod
            .type()
            .orElseThrow(
                () ->
                    new UnsupportedAuthMethodException(
                        authMethod.authMethodType(), "unknown type"));
    String token = authMethod.accessToken();
    return switch (type) {
      case ETH_WALLET ->
          keccak(
              jsString(
                      jsonField(
                          LitJson.parse(token, "accessToken (authSig JSON)"),
                          "address",
                          "accessToken"))
                  + ":lit");
      case WEB_AUTHN ->
          keccak(
              jsString(
                      jsonField(
                          LitJson.parse(token, "accessToken (WebAuthn credential JSON)"),
                          "rawId",
                          "accessToken"))
                  + ":lit");
      case DISCORD ->
          throw new UnsupportedAuthMethodException(
              type.value(),
              "Discord needs the user id from Discord's API: use AuthMethodIds.discordAuthMethodId(userId, clientId)");
      case GOOGLE_JWT -> {
        JsonNode p = jwtPayload(token);
        yield keccak(
            jsString(jsonField(p, "sub", "JWT payload"))
                + ":"
                + jsString(jsonField(p, "aud", "JWT payload")));
      }
      case STYTCH_OTP -> {
        JsonNode p = jwtPayload(token);
        yield keccak(
            lower(requireString(jsonField(p, "sub", "JWT payload"), "JWT payload.sub"))
                + ":"
                + lower(firstAudience(p)));
      }
      case STYTCH_EMAIL_FACTOR_OTP ->
          stytchFactor(token, "email_factor", "email_factor", "email_address", "email");
      case STYTCH_SMS_FACTOR_OTP, STYTCH_WHATSAPP_FACTOR_OTP ->
          stytchFactor(
              token, "phone_number_factor", "phone_number_factor", "phone_number", "phone number");
      // 4.2.0 bug kept: the TOTP provider searches for a phone_number_factor, then reads its
      // authenticator_app_factor
      case STYTCH_TOTP_FACTOR_OTP ->
          stytchFactor(
              token, "phone_number_factor", "authenticator_app_factor", "totp_id", "phone number");
      case LIT_ACTION, GOOGLE, OTP, APPLE_JWT ->
          throw new UnsupportedAuthMethodException(type.value(), "");
    };
  }

  /**
   * The WebAuthn id with a relying party name, as 4.2.0's {@code
   * WebAuthnProvider.authMethodId(authMethod, rpName)}: {@code keccak256("<rawId>:<rpName>")},
   * {@code lit} when {@code rpName} is null or empty. (The nodes always use {@code lit}: a PKP
   * permitted under another name cannot sign through nodes' WebAuthn check.)
   *
   * @param authMethod a WebAuthn (type 3) auth method
   * @param rpName the relying party name, or null
   * @return the 32-byte auth method id
   * @throws LitValidationException for another type or an access token without {@code rawId}
   */
  public static byte[] webAuthnAuthMethodId(AuthMethod authMethod, String rpName) {
    Args.required(authMethod, "authMethod");
    if (authMethod.authMethodType() != AuthMethodType.WEB_AUTHN.value()) {
      throw new LitValidationException(
          "webAuthnAuthMethodId needs a WebAuthn (type 3) auth method, got type "
              + authMethod.authMethodType());
    }
    String rawId =
        jsString(
            jsonField(
                LitJson.parse(authMethod.accessToken(), "accessToken (WebAuthn credential JSON)"),
                "rawId",
                "accessToken"));
    return keccak(rawId + ":" + (rpName == null || rpName.isEmpty() ? "lit" : rpName));
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
   * The Discord id {@code keccak256(userId + ":" + clientId)}; the user id is what {@code GET
   * https://discord.com/api/users/@me} returns for the token.
   *
   * @param userId the Discord user id
   * @param clientId the Discord OAuth client id
   * @return the 32-byte auth method id
   */
  public static byte[] discordAuthMethodId(String userId, String clientId) {
    if (userId == null || userId.isEmpty())
      throw new LitValidationException("Discord userId is missing");
    if (clientId == null || clientId.isEmpty())
      throw new LitValidationException("Discord clientId is missing");
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

  private static byte[] stytchFactor(
      String token, String searchKey, String factorKey, String valueKey, String what) {
    JsonNode p = jwtPayload(token);
    JsonNode session = p.get(STYTCH_SESSION);
    if (session == null || !session.isObject())
      throw new LitValidationException("JWT payload has no '" + STYTCH_SESSION + "' object");
    JsonNode factors = session.get("authentication_factors");
    if (factors == null || !factors.isArray()) {
      throw new LitValidationException(
          "JWT payload '" + STYTCH_SESSION + "'.authentication_factors must be an array");
    }
    Optional<JsonNode> found = Optional.empty();
    for (JsonNode f : factors) {
      JsonNode s = f.get(searchKey);
      if (s != null && truthy(s)) {
        found = Optional.of(f);
        break;
      }
    }
    JsonNode factor =
        found.orElseThrow(
            () ->
                new LitValidationException(
                    "Could not find " + what + " authentication info in session"));
    JsonNode holder = factor.get(factorKey);
    if (holder == null || !holder.isObject()) {
      throw new LitValidationException(
          "authentication factor has no " + factorKey + " (JS SDK 4.2.0 fails the same way)");
    }
    String userId =
        requireString(jsonField(holder, valueKey, factorKey), factorKey + "." + valueKey);
    String audience = firstAudience(p);
    // 4.2.0's factor providers refuse an empty project id; the plain StytchOtp provider does not
    if (audience.isEmpty())
      throw new LitValidationException(
          "Token does not contain an audience (project identifier), aborting (JS SDK 4.2.0 refuses it too)");
    return keccak(lower(userId) + ":" + lower(audience));
  }

  private static String firstAudience(JsonNode p) {
    JsonNode aud = jsonField(p, "aud", "JWT payload");
    // JS aud[0]: first element of an array, first character of a string
    if (aud.isArray()) {
      if (aud.isEmpty()) throw new LitValidationException("JWT payload.aud is an empty array");
      return requireString(aud.get(0), "JWT payload.aud[0]");
    }
    if (aud.isTextual() && !aud.textValue().isEmpty()) return aud.textValue().substring(0, 1);
    throw new LitValidationException("JWT payload.aud must be a non-empty array or string");
  }

  private static JsonNode jwtPayload(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3)
      throw new LitValidationException(
          "accessToken is not a JWT: expected 3 dot-separated parts, got " + parts.length);
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
    if (n == null || !n.isObject())
      throw new LitValidationException(what + " must be a JSON object");
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) throw new LitValidationException(what + "." + key + " is missing");
    return v;
  }

  /**
   * A claim 4.2.0 lower-cases: it must be a string (4.2.0 fails on {@code toLowerCase} of anything
   * else).
   */
  private static String requireString(JsonNode v, String what) {
    if (!v.isTextual()) {
      throw new LitValidationException(
          what
              + " must be a string, got "
              + v.getNodeType().name().toLowerCase(Locale.ROOT)
              + " (JS SDK 4.2.0 refuses it too: toLowerCase is not a function)");
    }
    return v.textValue();
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
    if (v.isNumber()) return jsNumber(v.doubleValue());
    return v.asText();
  }

  /**
   * JavaScript's {@code Number.prototype.toString()} (ECMA-262 Number::toString, radix 10): JSON
   * numbers are doubles in JS, printed with the shortest digits, plain between 1e-7 and 1e21, else
   * as {@code d.ddde+N}.
   */
  static String jsNumber(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (d == 0) return "0";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d < 0) return "-" + jsNumber(-d);
    // the fewest significant digits that read back as d (Java 17's Double.toString is not always
    // shortest)
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        shortest = r;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    if (k <= n && n <= 21) return digits + "0".repeat(n - k);
    if (0 < n && n <= 21) return digits.substring(0, n) + "." + digits.substring(n);
    if (-6 < n && n <= 0) return "0." + "0".repeat(-n) + digits;
    String exp = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
    return (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + "e" + exp;
  }

  private static boolean truthy(JsonNode v) {
    if (v.isNull() || v.isMissingNode()) return false;
    if (v.isBoolean()) return v.booleanValue();
    if (v.isTextual()) return !v.textValue().isEmpty();
    if (v.isNumber()) return v.doubleValue() != 0;
    return true;
  }

  /**
   * ASCII lower-casing, as the nodes do ({@code to_ascii_lowercase}): independent of locale and of
   * the JVM's Unicode version. (4.2.0 decodes JWT payloads as Latin-1 and lower-cases with Unicode
   * rules, so its ids for non-ASCII claims match no node; these match the nodes.)
   */
  static String lower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }
}
