package io.lit4j.core.acc;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.util.Map;

/**
 * Access control conditions are malformed. {@link #field()} names the bad field as a path, e.g.
 * {@code accessControlConditions[2].returnValueTest.comparator}; the error code is the JS SDK's
 * {@code InvalidAccessControlConditions}.
 */
public final class InvalidAccessControlConditionsException extends LitValidationException {
  private static final long serialVersionUID = 1L;

  /**
   * The JS SDK's error name for malformed conditions.
   *
   * @deprecated use {@link LitErrorCode#INVALID_ACCESS_CONTROL_CONDITIONS} (same code string)
   */
  @Deprecated
  public static final String ERROR_CODE = LitErrorCode.INVALID_ACCESS_CONTROL_CONDITIONS.code();

  /** Path of the bad field. */
  private final String field;

  /** What is wrong with the field. */
  private final String problem;

  InvalidAccessControlConditionsException(String field, String problem) {
    super(
        LitException.builder()
            .message(field + ": " + problem)
            .errorKind("Validation")
            .errorCode(LitErrorCode.INVALID_ACCESS_CONTROL_CONDITIONS)
            .details(Map.of("field", field)));
    this.field = field;
    this.problem = problem;
  }

  /**
   * Path of the bad field, e.g. {@code unifiedAccessControlConditions[0].conditionType}.
   *
   * @return the path of the bad field
   */
  public String field() {
    return field;
  }

  /** {@return what is wrong with the field, without the path} */
  public String problem() {
    return problem;
  }

  /** The same error with {@code prefix} put before the field path. */
  InvalidAccessControlConditionsException under(String prefix) {
    String joined = field.startsWith("[") ? prefix + field : prefix + "." + field;
    return new InvalidAccessControlConditionsException(joined, problem);
  }
}
