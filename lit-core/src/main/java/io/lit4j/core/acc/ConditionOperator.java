package io.lit4j.core.acc;

/** The boolean operator entry {@code {"operator":"and"}} or {@code {"operator":"or"}}. */
public enum ConditionOperator implements ConditionEntry {
  /** Both neighbours must hold. */
  AND("and"),
  /** Either neighbour must hold. */
  OR("or");

  private final String wireName;

  ConditionOperator(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the JSON value, {@code and} or {@code or} (lower case, as the node requires)} */
  public String wireName() {
    return wireName;
  }

  /**
   * {@return the operator with this JSON value}
   *
   * @param name the {@code operator} JSON value, {@code "and"} or {@code "or"}
   * @throws InvalidAccessControlConditionsException naming {@code operator} for anything other than
   *     {@code and} or {@code or}
   */
  public static ConditionOperator fromWireName(String name) {
    for (ConditionOperator o : values()) {
      if (o.wireName.equals(name)) return o;
    }
    throw new InvalidAccessControlConditionsException(
        "operator", "'" + name + "' is not a known operator (use \"and\" or \"or\")");
  }

  /**
   * Applies the operator.
   *
   * @param left the result accumulated so far
   * @param right the result of the next condition or group
   * @return {@code left && right} for AND, {@code left || right} for OR
   */
  public boolean apply(boolean left, boolean right) {
    return this == AND ? left && right : left || right;
  }
}
