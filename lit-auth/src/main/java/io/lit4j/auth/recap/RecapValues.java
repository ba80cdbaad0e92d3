package io.lit4j.auth.recap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The plain, immutable JSON values a {@link RecapObject} holds, the ability-string check, and the
 * key-order check of decode.
 */
final class RecapValues {
  private static final Pattern ABILITY = Pattern.compile("[a-zA-Z0-9.*_+\\-]+/[a-zA-Z0-9.*_+\\-]+");

  private RecapValues() {}

  /** Checks {@code Namespace/Name} of {@code [a-zA-Z0-9.*_+-]}; {@code where} names its place. */
  static void checkAbility(String ability, String where) {
    if (ability == null || !ABILITY.matcher(ability).matches()) {
      throw new RecapException(
          "Invalid ability string: '"
              + ability
              + "' in "
              + where
              + " (expected Namespace/Name of [a-zA-Z0-9.*_+-])");
    }
  }

  /** A nota bene object as a plain, unmodifiable map; {@code what} names it in errors. */
  static Map<String, Object> restriction(Map<String, ?> nb, String what) {
    if (nb == null) throw new RecapException(what + " is missing");
    @SuppressWarnings("unchecked")
    Map<String, Object> p = (Map<String, Object>) plain(nb);
    return p;
  }

  /** Deep copy to plain, unmodifiable JSON values; rejects nulls and unsupported types. */
  static Object plain(Object v) {
    if (v instanceof JsonNode n) {
      if (n.isObject()) {
        Map<String, Object> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
        return Collections.unmodifiableMap(m);
      }
      if (n.isArray()) {
        List<Object> l = new ArrayList<>();
        n.forEach(x -> l.add(plain(x)));
        return Collections.unmodifiableList(l);
      }
      if (n.isTextual()) return n.textValue();
      if (n.isBoolean()) return n.booleanValue();
      if (n.isIntegralNumber()) return n.bigIntegerValue();
      if (n.isNumber()) return n.doubleValue();
      if (n.isNull()) throw new RecapException("nota bene values must not be null");
      throw new RecapException("unsupported JSON value in nota bene: " + n.getNodeType());
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (var e : m.entrySet()) {
        if (!(e.getKey() instanceof String k))
          throw new RecapException("nota bene keys must be strings");
        out.put(k, plain(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) out.add(plain(x));
      return Collections.unmodifiableList(out);
    }
    if (v instanceof String || v instanceof Boolean || v instanceof Number) return v;
    if (v == null) throw new RecapException("nota bene values must not be null");
    throw new RecapException("unsupported nota bene value type " + v.getClass().getSimpleName());
  }

  static Map<String, Map<String, List<Map<String, Object>>>> freeze(
      Map<String, Map<String, List<Map<String, Object>>>> m) {
    Map<String, Map<String, List<Map<String, Object>>>> out = new LinkedHashMap<>();
    for (var r : m.entrySet()) {
      Map<String, List<Map<String, Object>>> abilities = new LinkedHashMap<>();
      for (var a : r.getValue().entrySet()) abilities.put(a.getKey(), List.copyOf(a.getValue()));
      out.put(r.getKey(), Collections.unmodifiableMap(abilities));
    }
    return Collections.unmodifiableMap(out);
  }

  static Map<String, Map<String, List<Map<String, Object>>>> thaw(
      Map<String, Map<String, List<Map<String, Object>>>> m) {
    Map<String, Map<String, List<Map<String, Object>>>> out = new LinkedHashMap<>();
    for (var r : m.entrySet()) out.put(r.getKey(), thawAbilities(r.getValue()));
    return out;
  }

  static Map<String, List<Map<String, Object>>> thawAbilities(
      Map<String, List<Map<String, Object>>> m) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    for (var a : m.entrySet()) out.put(a.getKey(), new ArrayList<>(a.getValue()));
    return out;
  }

  static boolean isSorted(Object v) {
    if (v instanceof Map<?, ?> m) {
      String prev = null;
      for (var e : m.entrySet()) {
        String k = (String) e.getKey();
        if (prev != null && prev.compareTo(k) > 0) return false;
        if (!isSorted(e.getValue())) return false;
        prev = k;
      }
      return true;
    }
    if (v instanceof List<?> l) return l.stream().allMatch(RecapValues::isSorted);
    return true;
  }
}
