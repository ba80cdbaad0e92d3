package io.lit4j.core.util;

import io.lit4j.core.errors.LitValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Argument checks for public API: a missing value is a {@link LitValidationException} naming the
 * field, never a bare {@link NullPointerException}.
 */
public final class Args {
  private Args() {}

  /**
   * Returns {@code value} when it is present.
   *
   * @param field names the value in the error message, e.g. {@code "authSig"}
   * @param <T> the value's type
   * @param value the value to check
   * @return {@code value} when it is present
   * @throws LitValidationException "{@code <field> is missing}" when {@code value} is null
   */
  public static <T> T required(T value, String field) {
    if (value == null) throw new LitValidationException(field + " is missing");
    return value;
  }

  /**
   * {@return an unmodifiable copy of a list that must be present and hold no null element}
   *
   * @param <T> the element type
   * @param values the list to copy
   * @param field names the list in the error message
   * @throws LitValidationException naming {@code field} (or {@code field[i]}) when the list or an
   *     element is null
   */
  public static <T> List<T> listCopy(Collection<? extends T> values, String field) {
    if (values == null) throw new LitValidationException(field + " is missing");
    List<T> copy = new ArrayList<>(values.size());
    int i = 0;
    for (T v : values) {
      if (v == null) throw new LitValidationException(field + "[" + i + "] is missing");
      copy.add(v);
      i++;
    }
    return List.copyOf(copy);
  }
}
