package io.lit4j.core.acc;

import java.util.Objects;
import java.util.Optional;

/**
 * How the node compares the value a condition reads: {@code {key?, comparator, value}}. Basic EVM
 * conditions have no {@code key} (it is dropped from their canonical form); EVM contract, Solana
 * and Cosmos conditions use it to pick a field of the result ({@code ""} for the whole result). A
 * key that is absent is omitted from JSON, as the JS SDK omits {@code undefined}.
 */
public final class ReturnValueTest {
  private final String key;
  private final String comparator;
  private final String value;

  private ReturnValueTest(String key, String comparator, String value) {
    this.key = key;
    try {
      this.comparator = Checks.comparator(comparator);
    } catch (InvalidAccessControlConditionsException e) {
      throw e.under("returnValueTest");
    }
    this.value = Checks.string(value, "returnValueTest.value");
  }

  /**
   * {@return a test without a key, as basic EVM conditions use}
   *
   * @param comparator the comparison, e.g. {@code >=} or {@code =}
   * @param value the value to compare the result with
   * @throws InvalidAccessControlConditionsException for an unknown comparator or a missing value
   */
  public static ReturnValueTest of(String comparator, String value) {
    return new ReturnValueTest(null, comparator, value);
  }

  /**
   * {@return a test with a key ({@code ""} compares the whole result)}
   *
   * @param key the field of the result to compare; {@code ""} for the whole result
   * @param comparator the comparison, e.g. {@code >=} or {@code =}
   * @param value the value to compare the result with
   * @throws InvalidAccessControlConditionsException for a missing key or value or an unknown
   *     comparator
   */
  public static ReturnValueTest keyed(String key, String comparator, String value) {
    return new ReturnValueTest(Checks.string(key, "returnValueTest.key"), comparator, value);
  }

  /** {@return the key, if the test has one} */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** {@return one of {@code =, !=, >, >=, <, <=, contains, !contains}} */
  public String comparator() {
    return comparator;
  }

  /** {@return the expected value, as a string} */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReturnValueTest r
        && Objects.equals(key, r.key)
        && comparator.equals(r.comparator)
        && value.equals(r.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, comparator, value);
  }

  @Override
  public String toString() {
    return "ReturnValueTest["
        + (key == null ? "" : "key=" + key + ", ")
        + "comparator="
        + comparator
        + ", value="
        + value
        + "]";
  }
}
