package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;
import java.util.regex.Pattern;

/** Checks store keys and values, so that every store accepts the same names. */
final class StoreKeys {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private StoreKeys() {}

  static String checkKey(String key) {
    if (key == null || !NAME.matcher(key).matches()) {
      throw new LitValidationException(
          "session store key must be 1-128 characters of letters, digits, '.', '_' or '-' starting with a letter or digit, got "
              + (key == null ? "null" : "'" + key + "'"));
    }
    return key;
  }

  static String checkValue(String key, String value) {
    if (value == null)
      throw new LitValidationException(
          "session store value for '" + key + "' is missing; use remove() to delete it");
    return value;
  }
}
