package io.lit4j.node.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latency samples (ms) of one operation and their summary. */
public final class Latencies {
  private final String name;
  private final List<Double> ms = Collections.synchronizedList(new ArrayList<>());
  private long wallNanos;

  public Latencies(String name) {
    this.name = name;
  }

  public void add(long nanos) {
    ms.add(nanos / 1e6);
  }

  public void wall(long nanos) {
    wallNanos = nanos;
  }

  public int count() {
    return ms.size();
  }

  /** The q-quantile (nearest rank), q in (0, 1]. */
  public double quantile(double q) {
    List<Double> sorted;
    synchronized (ms) {
      sorted = new ArrayList<>(ms);
    }
    Collections.sort(sorted);
    if (sorted.isEmpty()) return Double.NaN;
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  public double throughputPerSecond() {
    return wallNanos == 0 ? Double.NaN : count() / (wallNanos / 1e9);
  }

  /** A markdown table row: name | n | p50 | p99 | max | throughput. */
  public String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.0f | %.0f | %.0f | %s |",
        name,
        count(),
        quantile(0.5),
        quantile(0.99),
        quantile(1.0),
        wallNanos == 0 ? "–" : String.format(Locale.ROOT, "%.1f/s", throughputPerSecond()));
  }
}
