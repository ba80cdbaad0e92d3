package io.lit4j.localnet.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Bytes across the host bridge: they cross as JSON arrays of numbers (plain data, nothing else
 * leaves the sandbox), and the encodings of {@code Lit.Actions.uint8arrayToString/FromString}.
 */
final class BridgeBytes {
  private BridgeBytes() {}

  static String toJson(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length * 4 + 2).append('[');
    for (int i = 0; i < b.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(b[i] & 0xff);
    }
    return sb.append(']').toString();
  }

  static byte[] fromJson(String json, String what) {
    JsonNode arr = LitJson.parse(json, what);
    if (!arr.isArray()) throw new IllegalArgumentException(what + " must be an array of bytes");
    byte[] out = new byte[arr.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = arr.get(i);
      if (!v.canConvertToInt() || v.asInt() < 0 || v.asInt() > 255) {
        throw new IllegalArgumentException(what + "[" + i + "] is not a byte");
      }
      out[i] = (byte) v.asInt();
    }
    return out;
  }

  /** A 32-byte digest to sign, with the node's message when it is not 32 bytes. */
  static byte[] digest(String json) {
    byte[] toSign = fromJson(json, "toSign");
    if (toSign.length != 32) {
      throw new IllegalArgumentException(
          "Message length to be signed is not 32 bytes.  Please hash it before sending it to the node to sign.  You can use SHA256 or Keccak256 for example");
    }
    return toSign;
  }

  /**
   * Bytes as text in {@code utf8}, {@code hex}/{@code base16}, {@code base64}, {@code base64url}.
   */
  static String encode(byte[] b, String encoding) {
    return switch (encoding.toLowerCase(Locale.ROOT)) {
      case "utf8", "utf-8" -> new String(b, StandardCharsets.UTF_8);
      case "base16", "hex" -> Hex.encode(b);
      case "base64" -> Base64.getEncoder().encodeToString(b);
      case "base64url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      default -> throw new IllegalArgumentException("unsupported encoding " + encoding);
    };
  }

  /** The inverse of {@link #encode}. */
  static byte[] decode(String s, String encoding) {
    return switch (encoding.toLowerCase(Locale.ROOT)) {
      case "utf8", "utf-8" -> s.getBytes(StandardCharsets.UTF_8);
      case "base16", "hex" -> Hex.decode(s, "string");
      case "base64" -> Base64.getDecoder().decode(s);
      case "base64url" -> Base64.getUrlDecoder().decode(s);
      default -> throw new IllegalArgumentException("unsupported encoding " + encoding);
    };
  }
}
