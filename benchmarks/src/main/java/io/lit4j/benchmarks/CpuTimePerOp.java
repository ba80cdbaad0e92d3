package io.lit4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The JMH benchmarks' operations timed by the calling thread's CPU time instead of wall time: on a
 * busy shared machine wall time mostly measures waiting for a core, CPU time much less so.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.lit4j.benchmarks.CpuTimePerOp [threshold=7]
 * </pre>
 */
public final class CpuTimePerOp {
  private CpuTimePerOp() {}

  private interface Op {
    Object run() throws Exception;
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Prints the best of five rounds of CPU µs per operation for each benchmark.
   *
   * @param args optional threshold (default 7)
   * @throws Exception when an operation fails
   */
  public static void main(String[] args) throws Exception {
    int threshold = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    BlsBenchmarks bls = new BlsBenchmarks();
    bls.threshold = threshold;
    bls.setUp();
    EcdsaBenchmarks ecdsa = new EcdsaBenchmarks();
    ecdsa.threshold = threshold;
    ecdsa.setUp();
    SessionSigBenchmarks sessions = new SessionSigBenchmarks();
    sessions.setUp();
    time("BlsBenchmarks.combineShares t=" + threshold, 300, bls::combineShares);
    time("BlsBenchmarks.decrypt t=" + threshold, 200, bls::decrypt);
    time("EcdsaBenchmarks.combine t=" + threshold, 500, ecdsa::combine);
    time("EcdsaBenchmarks.parseAndCombine t=" + threshold, 300, ecdsa::parseAndCombine);
    time("SessionSigBenchmarks.tenSessionSigs", 300, sessions::tenSessionSigs);
  }

  private static void time(String name, int n, Op op) throws Exception {
    for (int i = 0; i < 2 * n; i++) op.run(); // warm-up
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) op.run();
      best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / n);
    }
    System.out.printf(Locale.ROOT, "%-44s %9.1f µs CPU/op%n", name, best);
  }
}
