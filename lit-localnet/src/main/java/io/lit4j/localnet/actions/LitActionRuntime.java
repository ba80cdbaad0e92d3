package io.lit4j.localnet.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
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
 * <p>Contexts are prepared ahead on a background thread ({@link ContextPool}) and each serves one
 * execution, then is closed off the request's path, so no state passes between actions. Two kinds
 * are kept ready: with the prelude only (a few ms of CPU to make) and, once an action has named
 * {@code ethers}, with ethers loaded as well (0.5 to 1 s of CPU); actions whose code names {@code
 * ethers} take the latter, elsewhere {@code ethers} is a getter that loads it on first use. {@code
 * Lit.Actions.call} runs the child in a context of its own on the same thread.
 *
 * <p>Limits, with the v4 node's numbers and messages: wall time (default 30 s, {@code
 * NodeJsTimeoutError}), console output and response size (100 KiB each), 10 sign operations, 30
 * contract calls, 30 broadcast operations, 50 {@code fetch} requests, child actions nested 5 deep,
 * and memory ({@code NodeJsMemoryLimitError}). GraalJS community edition cannot cap a context's
 * heap, so the 256 MB heap limit of real nodes is approximated: the heap an action retains is
 * metered ({@link MemoryMeter}) and the action is stopped once it passes the budget (default 256
 * MiB, as on real nodes). A guest that exhausts the stack is reported the same way.
 */
public final class LitActionRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LitActionRuntime.class);

  private final ContextPool pool;
  private final Duration timeout;
  private final ScheduledExecutorService watchdog;
  private final ActionFetcher fetcher;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final long memoryBudgetBytes;
  private final ActionCoordinator coordinator = new ActionCoordinator();

  /** Default allocation budget of one execution, see the class comment. */
  public static final long DEFAULT_MEMORY_BUDGET_BYTES = 256L << 20;

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
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(ContextPool.daemon("lit-actions-watchdog"));
    this.pool = new ContextPool(ethersBundle, prepared);
  }

  ActionFetcher fetcher() {
    return fetcher;
  }

  /** Loads {@code ethers} into the context a host operation runs in (its lazy global). */
  void loadEthersInto(Context context) {
    pool.loadEthersInto(context);
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
    ActionExecution execution = new ActionExecution(this, Long.MAX_VALUE);
    HostBridge bridge = new HostBridge(host, execution, 0);
    AtomicBoolean outOfMemory = new AtomicBoolean();
    ScheduledFuture<?> meter =
        MemoryMeter.start(watchdog, memoryBudgetBytes, execution, outOfMemory);
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
    ActionExecution execution = bridge.execution();
    if (execution.deadlineMillis - System.currentTimeMillis() <= 0) throw timedOut(bridge);
    ContextPool.Prepared prepared = pool.take(pool.hasEthers() && code.contains("ethers"));
    Context context = prepared.context();
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
      String params = jsParams == null || jsParams.isNull() ? "{}" : LitJson.write(jsParams);
      prepared.install().execute(bridge, LitJson.write(bridge.authContext()), params);
      Value completion = context.eval(Source.newBuilder("js", code, "litAction.js").buildLiteral());
      // settle: step 1 watches the completion value, 2 runs a due timer; promise jobs run after
      // each call, so step 0 then answers the action's failure (a string) or the next delay
      prepared.settle().execute(completion, 1);
      Value next = prepared.settle().execute(null, 0);
      while (true) {
        checkFatal(bridge);
        if (next.isString()) {
          throw new ActionFailure(ActionFailure.Kind.THREW, next.asString(), bridge.logs());
        }
        long delay = next.asLong();
        if (delay < 0) break;
        if (System.currentTimeMillis() + delay > execution.deadlineMillis) throw timedOut(bridge);
        if (delay > 0) Thread.sleep(delay);
        prepared.settle().execute(null, 2);
        next = prepared.settle().execute(null, 0);
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
      pool.retire(context);
    }
  }

  /** A time or memory failure inside an op ends the execution even if the action caught it. */
  private static void checkFatal(HostBridge bridge) {
    ActionFailure fatal = bridge.execution().fatal;
    if (fatal != null) throw withLogs(fatal, bridge);
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
    watchdog.shutdownNow();
    pool.close();
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
