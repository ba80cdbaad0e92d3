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
 * Runs Lit Actions the way a v4 node does: each execution in a fresh, isolated GraalJS context
 * (a classic script, no file system, no host classes), with the {@code Lit.Actions} API,
 * {@code jsParams} as globals, {@code ethers} v5 when its bundle is given, {@code console} into
 * the logs, and the node's wall-time limit.
 *
 * <p>Loading ethers into a context costs 0.5 to 4 s, so a few contexts with ethers are prepared
 * ahead on a background thread, each used once and then closed, and only actions whose code
 * mentions {@code ethers} take one; the others run in a fresh context with the prelude only
 * (cheap), where {@code ethers} is undefined.
 *
 * <p>Limits: wall time (default 30 s, {@code NodeJsTimeoutError}), console output and response
 * size (100 KiB each), 10 sign operations, and memory ({@code NodeJsMemoryLimitError}). GraalJS
 * community edition cannot cap a context's heap, so the 256 MB heap limit of real nodes is
 * approximated: the heap an action retains is metered (see {@code meterAllocation}) and the action
 * is stopped once it passes the budget (default 256 MiB, as on real nodes). A guest that exhausts
 * the stack is reported the same way.
 */
public final class LitActionRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LitActionRuntime.class);

  private final Engine engine;
  private final Source prelude;
  private final Source ethers;
  private final Duration timeout;
  private final BlockingQueue<Context> ready;
  private final Thread filler;
  private final ScheduledExecutorService watchdog;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final long memoryBudgetBytes;
  private final ActionCoordinator coordinator = new ActionCoordinator();

  /** Default allocation budget of one execution, see the class comment. */
  public static final long DEFAULT_MEMORY_BUDGET_BYTES = 256L << 20;

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

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
  public LitActionRuntime(Optional<Path> ethersBundle, Duration timeout, int prepared, long memoryBudgetBytes) {
    if (memoryBudgetBytes <= 0) throw new IllegalArgumentException("memoryBudgetBytes must be positive");
    this.memoryBudgetBytes = memoryBudgetBytes;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.engine = Engine.newBuilder("js")
        .option("engine.WarnInterpreterOnly", "false")
        .build();
    this.prelude = source("lit-actions-prelude.js", readResource("prelude.js"));
    this.ethers = ethersBundle.map(p -> {
      try {
        return source("ethers.umd.min.js", Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the ethers bundle " + p, e);
      }
    }).orElse(null);
    this.ready = new ArrayBlockingQueue<>(Math.max(1, prepared));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lit-actions-watchdog");
      t.setDaemon(true);
      return t;
    });
    if (prepared > 0) {
      filler = new Thread(this::fill, "lit-actions-prepare");
      filler.setDaemon(true);
      filler.start();
    } else {
      filler = null;
    }
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

  private void fill() {
    while (!closed.get()) {
      try {
        Context c = newContext(ethers != null);
        if (!ready.offer(c, 1, TimeUnit.DAYS)) c.close();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!closed.get()) LOG.warn("could not prepare a Lit Action context", e);
        return;
      }
    }
  }

  private Context newContext(boolean withEthers) {
    Context c = Context.newBuilder("js")
        .engine(engine)
        .allowHostAccess(HostAccess.EXPLICIT)
        .allowHostClassLookup(name -> false)
        .allowIO(org.graalvm.polyglot.io.IOAccess.NONE)
        .allowCreateThread(false)
        .allowNativeAccess(false)
        .option("js.unhandled-rejections", "throw")
        .option("js.strict", "false")
        .build();
    // ethers calls atob and crypto.getRandomValues while loading: give it a bridge without node
    // operations until the request installs its own
    c.getBindings("js").putMember("__lit", new HostBridge(null));
    c.eval(prelude);
    if (withEthers) c.eval(ethers);
    c.getBindings("js").putMember("__lit", null);
    return c;
  }

  /** A pooled context (with ethers when there is a bundle), or a fresh one. */
  private Context takeContext(boolean needsEthers) {
    boolean pooledKind = needsEthers || ethers == null;
    if (filler != null && pooledKind) {
      Context c = ready.poll();
      if (c != null) return c;
    }
    return newContext(needsEthers);
  }

  /**
   * Runs one action.
   *
   * @param code the JavaScript (already base64-decoded)
   * @param jsParams an object whose keys become globals (may be null or empty)
   * @param host the node operations of this request
   * @return the response the action set and its console output
   * @throws ActionFailure when the action throws, times out or breaks a limit
   */
  public ActionResult run(String code, JsonNode jsParams, ActionHost host) {
    if (closed.get()) throw new IllegalStateException("runtime is closed");
    HostBridge bridge = new HostBridge(host);
    Context context = takeContext(ethers != null && code.contains("ethers"));
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> alarm = watchdog.schedule(() -> {
      timedOut.set(true);
      context.close(true);
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    AtomicBoolean outOfMemory = new AtomicBoolean();
    ScheduledFuture<?> meter = meterAllocation(context, outOfMemory);
    try {
      Value bindings = context.getBindings("js");
      bindings.putMember("__lit", bridge);
      String params = jsParams == null || jsParams.isNull() ? "{}" : LitJson.write(jsParams);
      bindings.getMember("__litInstallRequest").execute(LitJson.write(host.authContext()), params);
      context.eval(Source.newBuilder("js", code, "litAction.js").buildLiteral());
      Value nextDelay = bindings.getMember("__litNextTimerDelay");
      Value runDue = bindings.getMember("__litRunDueTimers");
      while (true) {
        long delay = nextDelay.execute().asLong();
        if (delay < 0) break;
        if (System.currentTimeMillis() + delay > deadline) {
          throw new ActionFailure(ActionFailure.Kind.TIMEOUT, "Lit Action timed out after " + timeout.toMillis() + " ms", bridge.logs());
        }
        if (delay > 0) Thread.sleep(delay);
        runDue.execute();
      }
      return new ActionResult(bridge.response(), bridge.logs());
    } catch (PolyglotException e) {
      if (outOfMemory.get()) throw memoryLimit(bridge);
      if (timedOut.get() || e.isCancelled()) {
        throw new ActionFailure(ActionFailure.Kind.TIMEOUT, "Lit Action timed out after " + timeout.toMillis() + " ms", bridge.logs());
      }
      if (e.isResourceExhausted()) throw memoryLimit(bridge);
      throw new ActionFailure(ActionFailure.Kind.THREW, jsErrorText(e), bridge.logs());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionFailure(ActionFailure.Kind.TIMEOUT, "Lit Action interrupted", bridge.logs());
    } catch (IllegalStateException e) {
      if (outOfMemory.get()) throw memoryLimit(bridge);
      if (timedOut.get()) {
        throw new ActionFailure(ActionFailure.Kind.TIMEOUT, "Lit Action timed out after " + timeout.toMillis() + " ms", bridge.logs());
      }
      throw e;
    } finally {
      alarm.cancel(false);
      if (meter != null) meter.cancel(false);
      try {
        context.close(true);
      } catch (RuntimeException ignored) {
        // already closed by the watchdog
      }
    }
  }

  private static ActionFailure memoryLimit(HostBridge bridge) {
    return new ActionFailure(ActionFailure.Kind.MEMORY_LIMIT, "Lit Action exceeded the memory limit", bridge.logs());
  }

  /**
   * Stops the context once the action holds more than the budget on the heap; null when the JVM
   * cannot meter thread allocation. The interpreter allocates garbage even in plain loops, so
   * allocation alone is only the trigger: each time this thread has allocated another budget's
   * worth, a collection is requested and the heap growth since the action started is compared
   * with the budget. Concurrent actions share the heap, so this is an approximation, fine for a
   * test network.
   */
  private ScheduledFuture<?> meterAllocation(Context context, AtomicBoolean outOfMemory) {
    if (!(THREADS instanceof com.sun.management.ThreadMXBean meterable) || !meterable.isThreadAllocatedMemorySupported()) {
      return null;
    }
    long threadId = Thread.currentThread().getId();
    long start = meterable.getThreadAllocatedBytes(threadId);
    if (start < 0) return null;
    long heapAtStart = heapUsed();
    long[] baseline = {start};
    return watchdog.scheduleAtFixedRate(() -> {
      long allocated = meterable.getThreadAllocatedBytes(threadId);
      if (allocated - baseline[0] <= memoryBudgetBytes || outOfMemory.get()) return;
      baseline[0] = allocated;
      System.gc();
      if (heapUsed() - heapAtStart > memoryBudgetBytes && outOfMemory.compareAndSet(false, true)) {
        try {
          context.close(true);
        } catch (RuntimeException ignored) {
          // the action finished meanwhile
        }
      }
    }, 10, 10, TimeUnit.MILLISECONDS);
  }

  private static long heapUsed() {
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The message a Deno node would report: {@code Error: <message>} and the JS stack line. */
  private static String jsErrorText(PolyglotException e) {
    String msg = e.getMessage();
    if (msg == null) msg = "Uncaught error";
    if (e.isHostException()) {
      Throwable host = e.asHostException();
      msg = "Error: " + host.getMessage();
    }
    return msg;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    if (filler != null) filler.interrupt();
    watchdog.shutdownNow();
    Context c;
    while ((c = ready.poll()) != null) c.close(true);
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
