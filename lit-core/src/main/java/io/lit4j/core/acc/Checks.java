package io.lit4j.core.acc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Field checks shared by the condition models; every failure names the field. */
final class Checks {
  /** Comparators the node implements (the JS schema lists only the first six). */
  static final Set<String> COMPARATORS =
      Set.of("contains", "=", ">", ">=", "<", "<=", "!=", "!contains");

  private Checks() {}

  static InvalidAccessControlConditionsException invalid(String field, String problem) {
    return new InvalidAccessControlConditionsException(field, problem);
  }

  /** A present string; empty is allowed (e.g. {@code contractAddress: ""}). */
  static String string(String value, String field) {
    if (value == null) throw invalid(field, "is missing");
    return value;
  }

  /** A present, non-blank string. */
  static String nonBlank(String value, String field) {
    if (value == null) throw invalid(field, "is missing");
    if (value.isBlank()) throw invalid(field, "must not be blank");
    return value;
  }

  /** A present list of present strings, copied. */
  static List<String> strings(List<String> values, String field) {
    if (values == null) throw invalid(field, "is missing");
    List<String> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null) throw invalid(field + "[" + i + "]", "is missing");
      copy.add(v);
    }
    return List.copyOf(copy);
  }

  /** A present, non-empty list of present entries, copied. */
  static List<ConditionEntry> entries(List<? extends ConditionEntry> entries, String field) {
    if (entries == null) throw invalid(field, "is missing");
    if (entries.isEmpty()) throw invalid(field, "must not be empty");
    List<ConditionEntry> copy = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      ConditionEntry e = entries.get(i);
      if (e == null) throw invalid(field + "[" + i + "]", "is missing");
      copy.add(e);
    }
    return List.copyOf(copy);
  }

  static String comparator(String comparator) {
    if (comparator == null) throw invalid("comparator", "is missing");
    if (!COMPARATORS.contains(comparator)) {
      throw invalid(
          "comparator",
          "'" + comparator + "' is not one of =, !=, >, >=, <, <=, contains, !contains");
    }
    return comparator;
  }

  static <T> T present(T value, String field) {
    if (value == null) throw invalid(field, "is missing");
    return value;
  }
}
