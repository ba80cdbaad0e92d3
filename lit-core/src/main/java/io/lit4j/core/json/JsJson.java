package io.lit4j.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON text byte-identical to JavaScript's {@code JSON.stringify} (no spaces, keys in the
 * order given, ECMAScript string escaping). Used wherever a signature covers JSON text, such as
 * the session signature's {@code signedMessage} and condition hashes.
 *
 * <p>Values: {@code null}, {@link String}, {@link Boolean}, integral {@link Number}s, {@link Map}
 * (use an ordered map), {@link List}, and Jackson {@link JsonNode}.
 */
public final class JsJson {
  private JsJson() {}

  /**
   * {@code JSON.stringify(value)} for the value kinds listed on this class.
   *
   * @return the JSON text; {@code "null"} for {@code null}
   * @throws LitValidationException for a value of another kind (such as a POJO or an array), or
   *     a top-level {@link Undefined} (for which JavaScript returns {@code undefined}, not text)
   */
  public static String stringify(Object value) {
    if (value instanceof Undefined) {
      throw new LitValidationException("JsJson cannot write a top-level undefined: JSON.stringify(undefined) is not text");
    }
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof java.math.BigInteger) {
      sb.append(v);
    } else if (v instanceof Number n) {
      sb.append(jsNumber(n.doubleValue()));
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() instanceof Undefined) continue;
        if (!first) sb.append(',');
        first = false;
        quote(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(',');
        Object item = l.get(i);
        write(sb, item instanceof Undefined ? null : item);
      }
      sb.append(']');
    } else if (v instanceof JsonNode node) {
      writeNode(sb, node);
    } else {
      throw new LitValidationException("JsJson cannot write a " + v.getClass().getName()
          + ": use String, Boolean, an integral Number, Map, List or a Jackson JsonNode");
    }
  }

  private static void writeNode(StringBuilder sb, JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      sb.append("null");
    } else if (n.isTextual()) {
      quote(sb, n.textValue());
    } else if (n.isBoolean()) {
      sb.append(n.booleanValue());
    } else if (n.isIntegralNumber()) {
      sb.append(n.bigIntegerValue());
    } else if (n.isNumber()) {
      sb.append(jsNumber(n.doubleValue()));
    } else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) sb.append(',');
        writeNode(sb, n.get(i));
      }
      sb.append(']');
    } else if (n.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!first) sb.append(',');
        first = false;
        quote(sb, e.getKey());
        sb.append(':');
        writeNode(sb, e.getValue());
      }
      sb.append('}');
    } else {
      throw new LitValidationException("JsJson cannot write a JSON node of type " + n.getNodeType());
    }
  }

  /**
   * ECMAScript {@code Number::toString} of a double as JSON.stringify writes it ({@code null} for
   * NaN and infinities). Digits come from {@link Double#toString}, which on JDK 17 is not always
   * the shortest form; safe integers (below 2^53), the only numbers in Lit's signed JSON, are exact.
   */
  static String jsNumber(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return "null";
    if (d == 0) return "0";
    if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992e15) {
      return Long.toString((long) d);
    }
    java.math.BigDecimal bd = new java.math.BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int k = digits.length();
    int n = bd.precision() - bd.scale();
    StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits.substring(n));
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) out.append('.').append(digits.substring(1));
      out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
    }
    return out.toString();
  }

  /**
   * Appends ECMAScript JSON.stringify string quoting (QuoteJSONString, ES2019 well-formed).
   *
   * @throws LitValidationException when the builder or the string is null
   */
  public static void quote(StringBuilder sb, String s) {
    if (sb == null) throw new LitValidationException("StringBuilder to quote into is missing");
    if (s == null) throw new LitValidationException("string to quote is missing");
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else if (Character.isSurrogate(c)) {
            // lone surrogates are escaped; valid pairs pass through
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
              sb.append(c).append(s.charAt(++i));
            } else {
              sb.append(String.format("\\u%04x", (int) c));
            }
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Marker for a JavaScript {@code undefined} value: its key is omitted from objects. */
  public enum Undefined {
    INSTANCE
  }
}
