package io.lit4j.node.internal.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Majority helpers for values several nodes report. */
public final class Consensus {
  private Consensus() {}

  /**
   * The value reported most often; ties go to the value seen first. Empty for no values.
   *
   * @param <T> the value type
   * @param values the reported values
   * @return the value reported most often; ties go to the value seen first
   */
  public static <T> Optional<T> mostCommon(List<T> values) {
    Map<T, Integer> counts = new LinkedHashMap<>();
    for (T v : values) counts.merge(v, 1, Integer::sum);
    T best = null;
    int bestCount = 0;
    for (Map.Entry<T, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return Optional.ofNullable(best);
  }
}
