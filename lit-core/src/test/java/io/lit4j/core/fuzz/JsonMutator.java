package io.lit4j.core.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small seeded mutator of JSON text: the same seed and input always give the same output, so a
 * failing case can be replayed from the seed alone.
 *
 * <p>Each call applies one to three mutations, structural ones on the parsed tree (drop, duplicate
 * or rename a field, change a value's type, truncate a string, flip a hex digit, change case, add
 * quotes, huge values, deep nesting, drop or repeat array elements) and textual ones on the text
 * (truncate, garbage or invalid UTF-8 bytes, empty body, a non-JSON body).
 */
public final class JsonMutator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String DUP_MARKER = "__lit4j_fuzz_duplicate__";
  private static final String HEX = "0123456789abcdefABCDEF";

  /** The kinds of mutation; {@link #lastMutations()} names the ones applied. */
  public enum Mutation {
    DROP_FIELD,
    DUPLICATE_FIELD,
    RENAME_FIELD,
    CHANGE_TYPE,
    TRUNCATE_STRING,
    FLIP_HEX_CHAR,
    CHANGE_CASE,
    ADD_QUOTES,
    HUGE_VALUE,
    DEEP_NESTING,
    DROP_ELEMENT,
    REPEAT_ELEMENT,
    TRUNCATE_TEXT,
    GARBAGE_BYTES,
    EMPTY_BODY,
    NON_JSON_BODY
  }

  private static final Mutation[] TREE = {
    Mutation.DROP_FIELD, Mutation.DUPLICATE_FIELD, Mutation.RENAME_FIELD, Mutation.CHANGE_TYPE,
        Mutation.CHANGE_TYPE,
    Mutation.TRUNCATE_STRING, Mutation.FLIP_HEX_CHAR, Mutation.FLIP_HEX_CHAR, Mutation.CHANGE_CASE,
        Mutation.ADD_QUOTES,
    Mutation.HUGE_VALUE, Mutation.DEEP_NESTING, Mutation.DROP_ELEMENT, Mutation.REPEAT_ELEMENT,
  };
  private static final Mutation[] TEXT = {
    Mutation.TRUNCATE_TEXT, Mutation.GARBAGE_BYTES, Mutation.EMPTY_BODY, Mutation.NON_JSON_BODY,
  };

  private final Random rnd;
  private final List<Mutation> applied = new ArrayList<>();

  /** A mutator whose choices all follow from {@code seed}. */
  public JsonMutator(long seed) {
    this.rnd = new Random(seed);
  }

  /** The mutations the last {@link #mutate(String)} applied, in order. */
  public List<Mutation> lastMutations() {
    return List.copyOf(applied);
  }

  /** One to three mutations of {@code json}, mostly structural. */
  public String mutate(String json) {
    applied.clear();
    int n = 1 + rnd.nextInt(3);
    String text = json;
    for (int i = 0; i < n; i++) text = once(text);
    return text;
  }

  /**
   * Mutations of a plain string (a hex value, a CID, a network name): the string is mutated as a
   * JSON string value, and the result unwrapped when it is still one (otherwise the raw text).
   */
  public String mutateString(String value) {
    String text = mutate(quote(value));
    JsonNode n = parse(text);
    return n != null && n.isTextual() ? n.textValue() : text;
  }

  /**
   * Mutations of line-oriented text (a SIWE message): half the time a line is dropped, repeated,
   * swapped with the next, emptied or given a stray CR; otherwise {@link #mutateString}.
   */
  public String mutateLines(String text) {
    if (rnd.nextBoolean()) return mutateString(text);
    applied.clear();
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int i = rnd.nextInt(lines.size());
    switch (rnd.nextInt(6)) {
      case 0 -> lines.remove(i);
      case 1 -> lines.add(i, lines.get(i));
      case 2 -> {
        if (i + 1 < lines.size()) {
          String t = lines.get(i);
          lines.set(i, lines.get(i + 1));
          lines.set(i + 1, t);
        } else {
          lines.add("");
        }
      }
      case 3 -> lines.set(i, "");
      case 4 -> lines.set(i, lines.get(i) + "\r");
      default -> {
        String l = lines.get(i);
        int colon = l.indexOf(": ");
        lines.set(
            i,
            colon < 0 ? l + " " : l.substring(0, colon + 2) + mutateString(l.substring(colon + 2)));
      }
    }
    return String.join("\n", lines);
  }

  /** One mutation of {@code json}, as {@link #mutate} applies them. */
  private String once(String text) {
    JsonNode root = parse(text);
    boolean structural =
        root != null && (root.isContainerNode() || root.isTextual()) && rnd.nextInt(10) < 8;
    Mutation m = structural ? TREE[rnd.nextInt(TREE.length)] : TEXT[rnd.nextInt(TEXT.length)];
    applied.add(m);
    if (!structural) return textual(m, text);
    return structuralMutation(m, root);
  }

  private String structuralMutation(Mutation m, JsonNode root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, null, null, -1, slots);
    List<Slot> fields = slots.stream().filter(s -> s.key != null).toList();
    List<Slot> elements = slots.stream().filter(s -> s.index >= 0).toList();
    List<Slot> strings = slots.stream().filter(s -> s.value().isTextual()).toList();
    switch (m) {
      case DROP_FIELD -> {
        if (fields.isEmpty()) return write(replaceValue(root, pick(slots), F.nullNode()));
        Slot s = pick(fields);
        ((ObjectNode) s.parent).remove(s.key);
        return write(root);
      }
      case DUPLICATE_FIELD -> {
        if (fields.isEmpty()) return write(replaceValue(root, pick(slots), F.nullNode()));
        Slot s = pick(fields);
        ((ObjectNode) s.parent)
            .set(DUP_MARKER, rnd.nextBoolean() ? s.value().deepCopy() : randomScalar());
        return write(root).replace(quote(DUP_MARKER), quote(s.key));
      }
      case RENAME_FIELD -> {
        if (fields.isEmpty()) return write(replaceValue(root, pick(slots), F.textNode("")));
        Slot s = pick(fields);
        ObjectNode parent = (ObjectNode) s.parent;
        JsonNode v = parent.remove(s.key);
        String name =
            switch (rnd.nextInt(5)) {
              case 0 -> s.key.toUpperCase(Locale.ROOT);
              case 1 -> s.key + "_";
              case 2 -> "";
              case 3 -> s.key.length() > 1 ? s.key.substring(0, s.key.length() - 1) : "x";
              default -> snakeOrCamel(s.key);
            };
        parent.set(name, v);
        return write(root);
      }
      case CHANGE_TYPE -> {
        Slot s = pick(slots);
        return write(replaceValue(root, s, otherType(s.value())));
      }
      case TRUNCATE_STRING, FLIP_HEX_CHAR, CHANGE_CASE, ADD_QUOTES -> {
        if (strings.isEmpty()) return write(replaceValue(root, pick(slots), F.textNode("")));
        Slot s = pick(strings);
        return write(replaceValue(root, s, F.textNode(stringMutation(m, s.value().textValue()))));
      }
      case HUGE_VALUE -> {
        Slot s = pick(slots);
        return write(replaceValue(root, s, huge()));
      }
      case DEEP_NESTING -> {
        Slot s = pick(slots);
        String marker = "\"" + DUP_MARKER + "\"";
        String out = write(replaceValue(root, s, F.textNode(DUP_MARKER)));
        return out.replace(
            marker, nested(rnd.nextBoolean() ? 300 + rnd.nextInt(600) : 1000 + rnd.nextInt(4000)));
      }
      case DROP_ELEMENT, REPEAT_ELEMENT -> {
        if (elements.isEmpty()) return write(replaceValue(root, pick(slots), F.arrayNode()));
        Slot s = pick(elements);
        ArrayNode a = (ArrayNode) s.parent;
        if (m == Mutation.DROP_ELEMENT) a.remove(s.index);
        else a.insert(s.index, s.value().deepCopy());
        return write(root);
      }
      default -> throw new IllegalStateException(m.name());
    }
  }

  private String textual(Mutation m, String text) {
    switch (m) {
      case TRUNCATE_TEXT -> {
        return text.isEmpty() ? "{" : text.substring(0, rnd.nextInt(text.length()));
      }
      case GARBAGE_BYTES -> {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] garbage = new byte[1 + rnd.nextInt(8)];
        rnd.nextBytes(garbage);
        if (rnd.nextBoolean())
          garbage[0] = (byte) (0x80 | rnd.nextInt(0x40)); // a stray continuation byte
        int at = utf8.length == 0 ? 0 : rnd.nextInt(utf8.length + 1);
        byte[] out = new byte[utf8.length + garbage.length];
        System.arraycopy(utf8, 0, out, 0, at);
        System.arraycopy(garbage, 0, out, at, garbage.length);
        System.arraycopy(utf8, at, out, at + garbage.length, utf8.length - at);
        // what a transport decoding the body as UTF-8 hands the parser (or Latin-1, now and then)
        String s =
            new String(
                out, rnd.nextInt(4) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        if (rnd.nextInt(4) == 0)
          s =
              s.substring(0, Math.min(at, s.length()))
                  + "\uD800\u0000"
                  + s.substring(Math.min(at, s.length()));
        return s;
      }
      case EMPTY_BODY -> {
        return rnd.nextBoolean() ? "" : "   ";
      }
      case NON_JSON_BODY -> {
        String[] bodies = {
          "null",
          "ERR",
          "<html><body>502 Bad Gateway</body></html>",
          "[]",
          "{}",
          "0",
          "\"\"",
          "true",
          "{\"",
          "]",
          "{}{}",
          "[1,]",
          "{\"a\":1,}",
          "NaN",
          "\u0000",
          "\uFEFF{}"
        };
        return bodies[rnd.nextInt(bodies.length)];
      }
      default -> throw new IllegalStateException(m.name());
    }
  }

  private String stringMutation(Mutation m, String s) {
    switch (m) {
      case TRUNCATE_STRING -> {
        return s.isEmpty() ? "" : s.substring(0, rnd.nextInt(s.length()));
      }
      case FLIP_HEX_CHAR -> {
        List<Integer> hexAt = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) if (HEX.indexOf(s.charAt(i)) >= 0) hexAt.add(i);
        if (hexAt.isEmpty()) return s + "0";
        int i = hexAt.get(rnd.nextInt(hexAt.size()));
        char[] replacements = {
          '0', '1', '7', '8', 'f', 'F', 'a', 'g', 'G', 'x', ' ', '\u0663', '\uFF21', '\u00e9'
        };
        char c = replacements[rnd.nextInt(replacements.length)];
        if (c == s.charAt(i)) c = c == '0' ? '1' : '0';
        return s.substring(0, i) + c + s.substring(i + 1);
      }
      case CHANGE_CASE -> {
        return switch (rnd.nextInt(3)) {
          case 0 -> s.toUpperCase(Locale.ROOT);
          case 1 -> s.toLowerCase(Locale.ROOT);
          default ->
              s.isEmpty()
                  ? s
                  : Character.isUpperCase(s.charAt(0))
                      ? Character.toLowerCase(s.charAt(0)) + s.substring(1)
                      : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        };
      }
      case ADD_QUOTES -> {
        return switch (rnd.nextInt(4)) {
          case 0 -> "\"" + s + "\"";
          case 1 -> "\\\"" + s + "\\\"";
          case 2 -> " " + s + " ";
          default ->
              s.isEmpty()
                  ? "\""
                  : s.substring(0, s.length() / 2) + "\"" + s.substring(s.length() / 2);
        };
      }
      default -> throw new IllegalStateException(m.name());
    }
  }

  private JsonNode otherType(JsonNode v) {
    while (true) {
      JsonNode n =
          switch (rnd.nextInt(10)) {
            case 0 -> F.nullNode();
            case 1 -> F.textNode(v.isValueNode() ? v.asText() : v.toString());
            case 2 -> F.numberNode(rnd.nextInt(5) - 1);
            case 3 -> F.numberNode(1.5);
            case 4 -> F.booleanNode(rnd.nextBoolean());
            case 5 -> F.arrayNode();
            case 6 -> F.objectNode();
            case 7 -> F.arrayNode().add(v.deepCopy());
            case 8 -> F.objectNode().set(v.isTextual() ? v.textValue() : "value", v.deepCopy());
            default -> F.textNode("");
          };
      if (n.getNodeType() != v.getNodeType() || !n.equals(v)) return n;
    }
  }

  private JsonNode randomScalar() {
    return switch (rnd.nextInt(4)) {
      case 0 -> F.nullNode();
      case 1 -> F.textNode("00");
      case 2 -> F.numberNode(rnd.nextInt(100));
      default -> F.booleanNode(true);
    };
  }

  private JsonNode huge() {
    return switch (rnd.nextInt(7)) {
      case 0 -> F.textNode("0".repeat(100_000 + rnd.nextInt(100_000)));
      case 1 -> F.textNode("ab".repeat(50_000 + rnd.nextInt(50_000)));
      case 2 -> F.numberNode(Long.MAX_VALUE);
      case 3 -> F.numberNode(BigInteger.TWO.pow(64 + rnd.nextInt(200)));
      case 4 -> F.numberNode(new BigInteger("9".repeat(1200)));
      case 5 -> F.numberNode(-1L - rnd.nextInt(Integer.MAX_VALUE));
      default -> {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < 20_000; i++) a.add(i & 0xff);
        yield a;
      }
    };
  }

  private String nested(int depth) {
    boolean arrays = rnd.nextBoolean();
    StringBuilder b = new StringBuilder(depth * 8);
    for (int i = 0; i < depth; i++) b.append(arrays ? "[" : "{\"a\":");
    b.append('1');
    for (int i = 0; i < depth; i++) b.append(arrays ? ']' : '}');
    return b.toString();
  }

  private static String snakeOrCamel(String key) {
    if (key.contains("_")) {
      StringBuilder b = new StringBuilder();
      boolean up = false;
      for (char c : key.toCharArray()) {
        if (c == '_') up = true;
        else {
          b.append(up ? Character.toUpperCase(c) : c);
          up = false;
        }
      }
      return b.toString();
    }
    return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** Where a value sits: under a parent object's key, at a parent array's index, or the root. */
  private record Slot(JsonNode parent, String key, int index, JsonNode node) {
    JsonNode value() {
      return node;
    }
  }

  private static void collect(JsonNode n, JsonNode parent, String key, int index, List<Slot> out) {
    out.add(new Slot(parent, key, index, n));
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      for (String k : names) collect(n.get(k), n, k, -1, out);
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) collect(n.get(i), n, null, i, out);
    }
  }

  /** Replaces the slot's value; returns the (possibly new) root. */
  private static JsonNode replaceValue(JsonNode root, Slot s, JsonNode v) {
    if (s.parent == null) return v;
    if (s.key != null) ((ObjectNode) s.parent).set(s.key, v);
    else ((ArrayNode) s.parent).set(s.index, v);
    return root;
  }

  private Slot pick(List<Slot> slots) {
    return slots.get(rnd.nextInt(slots.size()));
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode n = MAPPER.readTree(text);
      return n == null || n.isMissingNode() ? null : n;
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  private static String write(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quote(String s) {
    return TextNode.valueOf(s).toString();
  }
}
