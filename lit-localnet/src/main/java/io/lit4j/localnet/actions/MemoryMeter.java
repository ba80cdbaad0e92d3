package io.lit4j.localnet.actions;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The memory limit of an execution ({@code NodeJsMemoryLimitError}). GraalJS community edition
 * cannot cap a context's heap, so the 256 MB heap limit of real nodes is approximated: the
 * interpreter allocates garbage even in plain loops, so allocation alone is only the trigger: each
 * time the action's thread has allocated another budget's worth, a collection is requested and the
 * heap growth since the action started is compared with the budget. Concurrent actions share the
 * heap, so this is an approximation, fine for a test network.
 */
final class MemoryMeter {
  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  private MemoryMeter() {}

  /**
   * Stops the execution's contexts once it holds more than the budget on the heap; null when the
   * JVM cannot meter thread allocation.
   */
  static ScheduledFuture<?> start(
      ScheduledExecutorService watchdog,
      long budgetBytes,
      ActionExecution execution,
      AtomicBoolean outOfMemory) {
    if (!(THREADS instanceof com.sun.management.ThreadMXBean meterable)
        || !meterable.isThreadAllocatedMemorySupported()) {
      return null;
    }
    long threadId = Thread.currentThread().getId();
    long start = meterable.getThreadAllocatedBytes(threadId);
    if (start < 0) return null;
    // the heap at the start may hold other threads' garbage (the context pools make plenty), which
    // would hide the action's growth: the floor is the lowest heap seen, at the start or after a GC
    long[] floor = {heapUsed()};
    long[] baseline = {start};
    return watchdog.scheduleAtFixedRate(
        () -> {
          long allocated = meterable.getThreadAllocatedBytes(threadId);
          if (allocated - baseline[0] <= budgetBytes || outOfMemory.get()) return;
          baseline[0] = allocated;
          System.gc();
          long heap = heapUsed();
          floor[0] = Math.min(floor[0], heap);
          if (heap - floor[0] > budgetBytes && outOfMemory.compareAndSet(false, true)) {
            execution.contexts.forEach(ContextPool::closeQuietly);
          }
        },
        10,
        10,
        TimeUnit.MILLISECONDS);
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
