package io.lit4j.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON text byte-identical to JavaScript's {@code JSON.stringify} (no spaces, keys in the
 * order given, ECMAScript string escaping). Used wherever a signature covers JSON text, such as the
 * session signature's {@code signedMessage} and condition hashes.
 *
 * <p>Values: {@code null}, {@link String}, {@link Boolean}, integral {@link Number}s, {@link Map}
 * (use an ordered map), {@link List}, and Jackson {@link JsonNode}.
 *
 * <p>Object keys come out in JavaScript property order ({@link #propertyOrder}): array-index keys
 * such as {@code "0"} or {@code "7"} first, ascending, then the others in insertion order, as
 * {@code JSON.stringify} writes an object built in that order.
 *
 * <p>Its sibling {@link CanonicalJson} writes the canonical form (keys sorted by UTF-16 code unit
 * at every level) that ReCaps are encoded in; use that one where the format says "canonical".
 */
public final class JsJson {
  private JsJson() {}

  /**
   * {@code JSON.stringify(value)} for the value kinds listed on this class.
   *
   * @param value the value to serialize
   * @return the JSON text; {@code "null"} for {@code null}
   * @throws LitValidationException for a value of another kind (such as a POJO or an array), or a
   *     top-level {@link Undefined} (for which JavaScript returns {@code undefined}, not text)
   */
  public static String stringify(Object value) {
    if (value instanceof Undefined) {
      throw new LitValidationException(
          "JsJson cannot write a top-level undefined: JSON.stringify(undefined) is not text");
    }
    StringBuilder sb = new StringBuilder();
    write(sb, value, false);
    return sb.toString();
  }

  /**
   * Writes a value; {@code canonical} sorts object keys by UTF-16 code unit and refuses NaN and
   * infinities (canonicalize 2.1.0) instead of JavaScript property order and {@code null}.
   */
  static void write(StringBuilder sb, Object v, boolean canonical) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof Byte
        || v instanceof java.math.BigInteger) {
      sb.append(v);
    } else if (v instanceof Number n) {
      sb.append(number(n.doubleValue(), canonical));
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      Map<String, Object> byKey = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) byKey.put(String.valueOf(e.getKey()), e.getValue());
      for (String key : keyOrder(byKey.keySet(), canonical)) {
        Object value = byKey.get(key);
        if (value instanceof Undefined) continue;
        if (!first) sb.append(',');
        first = false;
        quote(sb, key);
        sb.append(':');
        write(sb, value, canonical);
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(',');
        Object item = l.get(i);
        write(sb, item instanceof Undefined ? null : item, canonical);
      }
      sb.append(']');
    } else if (v instanceof JsonNode node) {
      writeNode(sb, node, canonical);
    } else {
      throw new LitValidationException(
          "JsJson cannot write a "
              + v.getClass().getName()
              + ": use String, Boolean, an integral Number, Map, List or a Jackson JsonNode");
    }
  }

  private static void writeNode(StringBuilder sb, JsonNode n, boolean canonical) {
    if (n.isNull() || n.isMissingNode()) {
      sb.append("null");
    } else if (n.isTextual()) {
      quote(sb, n.textValue());
    } else if (n.isBoolean()) {
      sb.append(n.booleanValue());
    } else if (n.isIntegralNumber()) {
      sb.append(n.bigIntegerValue());
    } else if (n.isNumber()) {
      sb.append(number(n.doubleValue(), canonical));
    } else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) sb.append(',');
        writeNode(sb, n.get(i), canonical);
      }
      sb.append(']');
    } else if (n.isObject()) {
      sb.append('{');
      boolean first = true;
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) names.add(it.next());
      for (String key : keyOrder(names, canonical)) {
        if (!first) sb.append(',');
        first = false;
        quote(sb, key);
        sb.append(':');
        writeNode(sb, n.get(key), canonical);
      }
      sb.append('}');
    } else {
      throw new LitValidationException(
          "JsJson cannot write a JSON node of type " + n.getNodeType());
    }
  }

  private static List<String> keyOrder(java.util.Collection<String> keys, boolean canonical) {
    if (!canonical) return propertyOrder(keys);
    List<String> sorted = new ArrayList<>(keys);
    // String.compareTo compares UTF-16 code units, as JavaScript's default sort does
    java.util.Collections.sort(sorted);
    return sorted;
  }

  private static String number(double d, boolean canonical) {
    if (canonical && (Double.isNaN(d) || Double.isInfinite(d))) {
      throw new LitValidationException("canonical JSON has no NaN or Infinity (got " + d + ")");
    }
    return jsNumber(d);
  }

  /**
   * ECMAScript {@code Number::toString} of a double as JSON.stringify writes it ({@code null} for
   * NaN and infinities): the shortest decimal that reads back as the same double, so {@code 1e23}
   * prints {@code 1e+23} (JDK 17's {@link Double#toString} gives {@code 9.999999999999999E22}).
   */
  static String jsNumber(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return "null";
    if (d == 0) return "0";
    if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992e15) {
      return Long.toString((long) d);
    }
    java.math.BigDecimal bd = shortestRoundTrip(Math.abs(d)).stripTrailingZeros();
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
   * The decimal with the fewest significant digits that parses back to {@code d} (ECMAScript
   * Number::toString step 5), the closest to {@code d} when several have that many digits.
   */
  private static java.math.BigDecimal shortestRoundTrip(double d) {
    java.math.BigDecimal exact = new java.math.BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      java.math.BigDecimal nearest =
          exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
      java.math.BigDecimal step =
          java.math.BigDecimal.ONE.scaleByPowerOfTen(nearest.precision() - nearest.scale() - p);
      java.math.BigDecimal best = null;
      // the nearest p-digit decimal, or a neighbour when the round-trip interval is lopsided (at a
      // power of two)
      for (java.math.BigDecimal c :
          new java.math.BigDecimal[] {nearest, nearest.subtract(step), nearest.add(step)}) {
        if (c.signum() <= 0 || Double.parseDouble(c.toString()) != d) continue;
        if (best == null || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)
          best = c;
      }
      if (best != null) return best;
    }
    return new java.math.BigDecimal(Double.toString(d));
  }

  /**
   * Appends ECMAScript JSON.stringify string quoting (QuoteJSONString, ES2019 well-formed).
   *
   * @param sb where the quoted string is appended
   * @param s the string to quote
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
            if (Character.isHighSurrogate(c)
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1))) {
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

  /**
   * JavaScript's own-property order ({@code OrdinaryOwnPropertyKeys}), which {@code JSON.stringify}
   * and {@code Object.keys} follow: keys that are array indices (canonical decimal below
   * 2<sup>32</sup> − 1, e.g. {@code "0"}, {@code "42"}, not {@code "01"}) first in ascending
   * numeric order, then the other keys in the order given.
   *
   * @param keys the keys in insertion order
   * @return a new list of the same keys in JavaScript order
   * @throws LitValidationException when {@code keys} or a key is null
   */
  public static List<String> propertyOrder(Iterable<String> keys) {
    if (keys == null) throw new LitValidationException("keys are missing");
    List<String> indices = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String k : keys) {
      if (k == null) throw new LitValidationException("a key is missing");
      (isArrayIndex(k) ? indices : others).add(k);
    }
    indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    indices.addAll(others);
    return indices;
  }

  private static boolean isArrayIndex(String k) {
    if (k.isEmpty() || k.length() > 10) return false;
    if (k.length() > 1 && k.charAt(0) == '0') return false;
    for (int i = 0; i < k.length(); i++) {
      if (k.charAt(i) < '0' || k.charAt(i) > '9') return false;
    }
    return Long.parseLong(k) < 4294967295L;
  }

  /** Marker for a JavaScript {@code undefined} value: its key is omitted from objects. */
  public enum Undefined {
    /** The only value. */
    INSTANCE
  }
}
