package io.lit4j.localnet.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Lit Actions the way a v4 node does: each execution in a fresh, isolated GraalJS context (a
 * classic script, no file system, no host classes), with the {@code Lit.Actions} API, {@code
 * jsParams} as globals, {@code ethers} v5 when its bundle is given, {@code console} into the logs,
 * and the node's wall-time limit.
 *
 * <p>Contexts are prepared ahead on a background thread and each serves one execution, then is
 * closed off the request's path, so no state passes between actions. Two kinds are kept ready: with
 * the prelude only (about 15 ms to make) and with ethers loaded as well (0.5 to 1 s of CPU); only
 * actions whose code mentions {@code ethers} take the latter, elsewhere {@code ethers} is
 * undefined. {@code Lit.Actions.call} runs the child in a context of its own on the same thread.
 *
 * <p>Limits, with the v4 node's numbers and messages: wall time (default 30 s, {@code
 * NodeJsTimeoutError}), console output and response size (100 KiB each), 10 sign operations, 30
 * contract calls, 30 broadcast operations, 50 {@code fetch} requests, child actions nested 5 deep,
 * and memory ({@code NodeJsMemoryLimitError}). GraalJS community edition cannot cap a context's
 * heap, so the 256 MB heap limit of real nodes is approximated: the heap an action retains is
 * metered (see {@code meterAllocation}) and the action is stopped once it passes the budget
 * (default 256 MiB, as on real nodes). A guest that exhausts the stack is reported the same way.
 */
public final class LitActionRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LitActionRuntime.class);

  private final Engine engine;
  private final Source prelude;
  private final Source ethers;
  private final Duration timeout;
  private final BlockingQueue<Context> plainReady;
  private final BlockingQueue<Context> ethersReady;
  private final Object poolChanged = new Object();
  private final Thread filler;
  private final java.util.concurrent.ExecutorService closer;
  private final ScheduledExecutorService watchdog;
  private final ActionFetcher fetcher;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final long memoryBudgetBytes;
  private final ActionCoordinator coordinator = new ActionCoordinator();

  /** Default allocation budget of one execution, see the class comment. */
  public static final long DEFAULT_MEMORY_BUDGET_BYTES = 256L << 20;

  /**
   * Only the bridge's exported methods, plus {@code getMessage} of a host exception, so the prelude
   * can turn a failed operation into a JS {@code Error} with the node's text (never a Java class
   * name).
   */
  private static final HostAccess HOST_ACCESS = hostAccess();

  private static HostAccess hostAccess() {
    try {
      return HostAccess.newBuilder(HostAccess.EXPLICIT)
          .allowAccess(Throwable.class.getMethod("getMessage"))
          .build();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * @param ethersBundle path of {@code ethers@5.7.2/dist/ethers.umd.min.js}, or empty to run
   *     without {@code ethers}
   * @param timeout wall-time limit of one execution
   * @param prepared how many contexts to keep ready (0 = create on demand)
   */
  public LitActionRuntime(Optional<Path> ethersBundle, Duration timeout, int prepared) {
    this(ethersBundle, timeout, prepared, DEFAULT_MEMORY_BUDGET_BYTES);
  }

  /**
   * As {@link #LitActionRuntime(Optional, Duration, int)} with an allocation budget per execution.
   *
   * @param memoryBudgetBytes bytes an execution may allocate before it fails with a memory error
   * @param ethersBundle the ethers v5 bundle to load, if any
   * @param timeout the wall-time limit of one execution
   * @param prepared how many contexts to keep ready
   */
  public LitActionRuntime(
      Optional<Path> ethersBundle, Duration timeout, int prepared, long memoryBudgetBytes) {
    this(ethersBundle, timeout, prepared, memoryBudgetBytes, Map.of());
  }

  /**
   * As {@link #LitActionRuntime(Optional, Duration, int, long)} with hosts whose {@code fetch}
   * calls an in-process handler answers instead of the network.
   *
   * @param ethersBundle the ethers v5 bundle to load, if any
   * @param timeout the wall-time limit of one execution
   * @param prepared how many contexts of each kind to keep ready (about the number of nodes)
   * @param memoryBudgetBytes bytes an execution may allocate before it fails with a memory error
   * @param fetchRoutes handlers by host name ({@code example.com}) or host and port ({@code
   *     example.com:8080}), lower case
   */
  public LitActionRuntime(
      Optional<Path> ethersBundle,
      Duration timeout,
      int prepared,
      long memoryBudgetBytes,
      Map<String, FetchHandler> fetchRoutes) {
    if (memoryBudgetBytes <= 0)
      throw new IllegalArgumentException("memoryBudgetBytes must be positive");
    if (prepared < 0) throw new IllegalArgumentException("prepared must not be negative");
    this.memoryBudgetBytes = memoryBudgetBytes;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.fetcher = new ActionFetcher(fetchRoutes, memoryBudgetBytes);
    this.engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    this.prelude = source("lit-actions-prelude.js", readResource("prelude.js"));
    this.ethers =
        ethersBundle
            .map(
                p -> {
                  try {
                    return source("ethers.umd.min.js", Files.readString(p, StandardCharsets.UTF_8));
                  } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the ethers bundle " + p, e);
                  }
                })
            .orElse(null);
    // plain contexts are cheap to make and most actions take one: keep twice as many
    this.plainReady = new ArrayBlockingQueue<>(Math.max(1, 2 * prepared));
    this.ethersReady = new ArrayBlockingQueue<>(Math.max(1, prepared));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("lit-actions-watchdog"));
    this.closer = Executors.newSingleThreadExecutor(daemon("lit-actions-close"));
    if (prepared > 0) {
      filler = new Thread(this::fill, "lit-actions-prepare");
      filler.setDaemon(true);
      filler.start();
    } else {
      filler = null;
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  ActionFetcher fetcher() {
    return fetcher;
  }

  private static Source source(String name, String text) {
    return Source.newBuilder("js", text, name).cached(true).buildLiteral();
  }

  private static String readResource(String name) {
    try (InputStream in = LitActionRuntime.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keeps both pools full: plain contexts first (most actions), then contexts with ethers loaded
   * (0.5 to 1 s each). Each context serves one execution and is then closed: no state can pass from
   * one action to the next.
   */
  private void fill() {
    while (!closed.get()) {
      try {
        if (plainReady.remainingCapacity() > 0) {
          offer(plainReady, newContext(false));
        } else if (ethers != null && ethersReady.remainingCapacity() > 0) {
          offer(ethersReady, newContext(true));
        } else {
          synchronized (poolChanged) {
            if (plainReady.remainingCapacity() == 0
                && (ethers == null || ethersReady.remainingCapacity() == 0)) poolChanged.wait(1000);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!closed.get()) LOG.warn("could not prepare a Lit Action context", e);
        return;
      }
    }
  }

  private void offer(BlockingQueue<Context> pool, Context c) {
    if (closed.get() || !pool.offer(c)) c.close(true);
  }

  private Context newContext(boolean withEthers) {
    Context c =
        Context.newBuilder("js")
            .engine(engine)
            .allowHostAccess(HOST_ACCESS)
            .allowHostClassLookup(name -> false)
            .allowIO(org.graalvm.polyglot.io.IOAccess.NONE)
            .allowCreateThread(false)
            .allowNativeAccess(false)
            // not "throw": GraalJS keeps one rejection tracker per engine, not thread-safe, so
            // concurrent actions saw each other's rejections and java.util.NoSuchElementException;
            // the prelude tracks the action's own promises instead
            .option("js.unhandled-rejections", "none")
            .option("js.strict", "false")
            .build();
    // ethers calls atob and crypto.getRandomValues while loading: give it a bridge without node
    // operations until the request installs its own
    c.getBindings("js").putMember("__lit", new HostBridge(null));
    c.eval(prelude);
    if (withEthers) c.eval(ethers);
    return c;
  }

  /** A prepared context of the kind asked for, or a fresh one when the pool is empty. */
  private Context takeContext(boolean needsEthers) {
    Context c = needsEthers ? ethersReady.poll() : plainReady.poll();
    if (c != null) {
      synchronized (poolChanged) {
        poolChanged.notifyAll();
      }
      return c;
    }
    return newContext(needsEthers);
  }

  /** Closes a used context off the request's path. */
  private void retire(Context c) {
    try {
      closer.execute(() -> closeQuietly(c));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Context c) {
    try {
      c.close(true);
    } catch (RuntimeException ignored) {
      // already closed by the watchdog
    }
  }

  /**
   * Runs one action.
   *
   * @param code the JavaScript (already base64-decoded)
   * @param jsParams an object whose keys become globals (may be null or empty)
   * @param host the node operations of this request
   * @return the response the action set and its console output
   * @throws ActionFailure when the action throws, times out or breaks a limit; never another
   *     exception (an engine failure is {@link ActionFailure.Kind#INTERNAL})
   */
  public ActionResult run(String code, JsonNode jsParams, ActionHost host) {
    if (closed.get()) throw new IllegalStateException("runtime is closed");
    HostBridge.Execution execution = new HostBridge.Execution(this, Long.MAX_VALUE);
    HostBridge bridge = new HostBridge(host, execution, 0);
    AtomicBoolean outOfMemory = new AtomicBoolean();
    ScheduledFuture<?> meter = meterAllocation(execution, outOfMemory);
    try {
      runIn(code, jsParams, bridge);
      return new ActionResult(bridge.response(), bridge.logs());
    } catch (ActionFailure f) {
      if (outOfMemory.get()) throw memoryLimit(bridge);
      if (f.logs().isEmpty() && !bridge.logs().isEmpty())
        throw new ActionFailure(f.kind(), f.getMessage(), bridge.logs());
      throw f;
    } catch (RuntimeException e) {
      // the guard: whatever the engine throws, the node answers an action error, never a Java
      // exception
      if (outOfMemory.get()) throw memoryLimit(bridge);
      LOG.warn("Lit Action runtime failure", e);
      throw new ActionFailure(
          ActionFailure.Kind.INTERNAL,
          "internal error of the lit-localnet Lit Action runtime",
          bridge.logs());
    } finally {
      if (meter != null) meter.cancel(false);
    }
  }

  /** Runs a child action ({@code Lit.Actions.call}) on the calling thread, in its own context. */
  void runChild(String code, JsonNode jsParams, HostBridge bridge) {
    try {
      runIn(code, jsParams, bridge);
    } catch (ActionFailure f) {
      if (f.kind() != ActionFailure.Kind.THREW) {
        bridge.execution().fatal = f;
        throw f;
      }
      // the parent sees the child's error as the op's error, as on a node
      throw new IllegalStateException(f.getMessage());
    }
  }

  private void runIn(String code, JsonNode jsParams, HostBridge bridge) {
    HostBridge.Execution execution = bridge.execution();
    if (execution.deadlineMillis - System.currentTimeMillis() <= 0) throw timedOut(bridge);
    Context context = takeContext(ethers != null && code.contains("ethers"));
    // the clock starts when the top-level action starts, as a node's starts with the worker
    if (execution.deadlineMillis == Long.MAX_VALUE)
      execution.deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
    long left = Math.max(1, execution.deadlineMillis - System.currentTimeMillis());
    execution.contexts.add(context);
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> alarm =
        watchdog.schedule(
            () -> {
              timedOut.set(true);
              context.close(true);
            },
            left,
            TimeUnit.MILLISECONDS);
    try {
      Value bindings = context.getBindings("js");
      Value internals = bindings.getMember("__litRuntime");
      bindings.removeMember("__litRuntime");
      String params = jsParams == null || jsParams.isNull() ? "{}" : LitJson.write(jsParams);
      internals.getMember("install").execute(bridge, LitJson.write(bridge.authContext()), params);
      Value takeFailure = internals.getMember("takeFailure");
      Value completion = context.eval(Source.newBuilder("js", code, "litAction.js").buildLiteral());
      internals.getMember("watch").execute(completion);
      checkRejection(takeFailure, bridge);
      Value nextDelay = internals.getMember("nextTimerDelay");
      Value runDue = internals.getMember("runDueTimer");
      while (true) {
        long delay = nextDelay.execute().asLong();
        if (delay < 0) break;
        if (System.currentTimeMillis() + delay > execution.deadlineMillis) throw timedOut(bridge);
        if (delay > 0) Thread.sleep(delay);
        runDue.execute();
        checkRejection(takeFailure, bridge);
      }
    } catch (PolyglotException e) {
      if (execution.fatal != null) throw withLogs(execution.fatal, bridge);
      if (timedOut.get() || e.isCancelled()) throw timedOut(bridge);
      if (e.isResourceExhausted()) throw memoryLimit(bridge);
      if (e.isInternalError()) {
        LOG.warn("Lit Action engine failure", e);
        throw new ActionFailure(
            ActionFailure.Kind.INTERNAL,
            "internal error of the lit-localnet Lit Action runtime",
            bridge.logs());
      }
      throw new ActionFailure(ActionFailure.Kind.THREW, jsErrorText(e), bridge.logs());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw timedOut(bridge);
    } catch (IllegalStateException e) {
      if (execution.fatal != null) throw withLogs(execution.fatal, bridge);
      if (timedOut.get()) throw timedOut(bridge);
      throw e;
    } finally {
      alarm.cancel(false);
      execution.contexts.remove(context);
      retire(context);
    }
  }

  private static void checkRejection(Value takeFailure, HostBridge bridge) {
    // a time or memory failure inside an op ends the execution even if the action caught the op's
    // error
    ActionFailure fatal = bridge.execution().fatal;
    if (fatal != null) throw withLogs(fatal, bridge);
    Value f = takeFailure.execute();
    if (!f.isNull()) throw new ActionFailure(ActionFailure.Kind.THREW, f.asString(), bridge.logs());
  }

  private ActionFailure timedOut(HostBridge bridge) {
    return new ActionFailure(
        ActionFailure.Kind.TIMEOUT,
        "Your function exceeded the maximum runtime of "
            + timeout.toMillis()
            + "ms and was terminated.",
        bridge.logs());
  }

  private static ActionFailure withLogs(ActionFailure f, HostBridge bridge) {
    return new ActionFailure(f.kind(), f.getMessage(), bridge.logs());
  }

  private static ActionFailure memoryLimit(HostBridge bridge) {
    return new ActionFailure(
        ActionFailure.Kind.MEMORY_LIMIT, "Lit Action exceeded the memory limit", bridge.logs());
  }

  /**
   * Stops the context once the action holds more than the budget on the heap; null when the JVM
   * cannot meter thread allocation. The interpreter allocates garbage even in plain loops, so
   * allocation alone is only the trigger: each time this thread has allocated another budget's
   * worth, a collection is requested and the heap growth since the action started is compared with
   * the budget. Concurrent actions share the heap, so this is an approximation, fine for a test
   * network.
   */
  private ScheduledFuture<?> meterAllocation(
      HostBridge.Execution execution, AtomicBoolean outOfMemory) {
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
          if (allocated - baseline[0] <= memoryBudgetBytes || outOfMemory.get()) return;
          baseline[0] = allocated;
          System.gc();
          long heap = heapUsed();
          floor[0] = Math.min(floor[0], heap);
          if (heap - floor[0] > memoryBudgetBytes && outOfMemory.compareAndSet(false, true)) {
            execution.contexts.forEach(LitActionRuntime::closeQuietly);
          }
        },
        10,
        10,
        TimeUnit.MILLISECONDS);
  }

  private static long heapUsed() {
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The message a Deno node would report: {@code Error: <message>} and the JS stack line. */
  private static String jsErrorText(PolyglotException e) {
    String msg = e.getMessage();
    if (e.isHostException()) {
      String hostMessage = e.asHostException().getMessage();
      msg =
          "Error: "
              + (hostMessage == null || hostMessage.isBlank() ? "operation failed" : hostMessage);
    }
    if (msg == null || msg.isBlank()) msg = "Error";
    return "Uncaught " + msg;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    if (filler != null) filler.interrupt();
    watchdog.shutdownNow();
    closer.shutdown();
    try {
      if (filler != null) filler.join(5000);
      closer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Context c;
    while ((c = plainReady.poll()) != null) closeQuietly(c);
    while ((c = ethersReady.poll()) != null) closeQuietly(c);
    engine.close(true);
  }

  /** {@return where the nodes sharing this runtime meet during one execution} */
  public ActionCoordinator coordinator() {
    return coordinator;
  }

  /** {@return the wall-time limit of one execution} */
  public Duration timeout() {
    return timeout;
  }
}
