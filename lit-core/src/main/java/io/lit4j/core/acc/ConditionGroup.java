package io.lit4j.core.acc;

import java.util.Arrays;
import java.util.List;

/**
 * A parenthesised sub-expression: a nested JSON array of entries, e.g. {@code [c1,
 * {"operator":"or"}, [c2, {"operator":"and"}, c3]]}.
 *
 * @param entries the entries inside the group, not empty
 */
public record ConditionGroup(List<ConditionEntry> entries) implements ConditionEntry {
  /**
   * @param entries the entries inside the group, not empty
   * @throws InvalidAccessControlConditionsException when entries are missing or empty
   */
  public ConditionGroup {
    entries = Checks.entries(entries, "entries");
  }

  /**
   * {@return a group of the given entries}
   *
   * @param entries conditions, operators and nested groups, in order
   */
  public static ConditionGroup of(ConditionEntry... entries) {
    if (entries == null) throw new InvalidAccessControlConditionsException("entries", "is missing");
    return new ConditionGroup(Arrays.asList(entries));
  }
}
