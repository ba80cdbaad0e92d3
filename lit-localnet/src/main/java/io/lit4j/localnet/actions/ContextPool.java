package io.lit4j.localnet.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh GraalJS contexts for Lit Actions, made ahead on a background thread. Every context serves
 * one execution and is then closed off the request's path: no state passes between actions.
 *
 * <p>What keeps a context cheap (GraalJS 23.1 runs interpreted on a stock JDK, so every context
 * costs CPU): one shared {@link Engine}, so the prelude and action sources are parsed once per
 * engine ({@code cached} sources) and only evaluated per context; the shell, Java-package and Graal
 * globals a Deno isolate does not have are not created at all; the prelude's runtime hooks are
 * looked up while the context is prepared, so a request makes three polyglot calls (install, run,
 * settle); and {@code ethers} (0.5 to 1 s of CPU to load) is loaded ahead only once actions use it:
 * contexts with it are prepared after the first action that names {@code ethers}, and elsewhere
 * {@code ethers} is a getter that loads the bundle into that context on first use.
 */
final class ContextPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContextPool.class);

  /**
   * Only the bridge's exported methods, plus {@code getMessage} of a host exception, so the prelude
   * can turn a failed operation into a JS {@code Error} with the node's text (never a Java class
   * name).
   */
  private static final HostAccess HOST_ACCESS = hostAccess();

  /** A prepared context and the prelude's hooks into it. */
  record Prepared(Context context, Value install, Value settle) {}

  private final Engine engine;
  private final Source prelude;
  private final Source ethers;
  private final BlockingQueue<Prepared> plainReady;
  private final BlockingQueue<Prepared> ethersReady;
  private final AtomicBoolean ethersWanted = new AtomicBoolean();
  private final Object poolChanged = new Object();
  private final Thread filler;
  private final ExecutorService closer;
  private final AtomicBoolean closed = new AtomicBoolean();

  ContextPool(Optional<Path> ethersBundle, int prepared) {
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
    this.closer = Executors.newSingleThreadExecutor(daemon("lit-actions-close"));
    if (prepared > 0) {
      filler = new Thread(this::fill, "lit-actions-prepare");
      filler.setDaemon(true);
      filler.start();
    } else {
      filler = null;
    }
  }

  static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static HostAccess hostAccess() {
    try {
      return HostAccess.newBuilder(HostAccess.EXPLICIT)
          .allowAccess(Throwable.class.getMethod("getMessage"))
          .build();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Source source(String name, String text) {
    return Source.newBuilder("js", text, name).cached(true).buildLiteral();
  }

  private static String readResource(String name) {
    try (InputStream in = ContextPool.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether actions that name {@code ethers} get it (the bundle was given). */
  boolean hasEthers() {
    return ethers != null;
  }

  /** Loads {@code ethers} into the context the calling host operation runs in. */
  void loadEthersInto(Context context) {
    if (ethers != null) context.eval(ethers);
  }

  /**
   * Keeps the pools full: plain contexts first (most actions), then, once an action has asked for
   * {@code ethers}, contexts with it loaded (0.5 to 1 s each).
   */
  private void fill() {
    while (!closed.get()) {
      try {
        if (plainReady.remainingCapacity() > 0) {
          offer(plainReady, newContext(false));
        } else if (wantsEthers()) {
          offer(ethersReady, newContext(true));
        } else {
          synchronized (poolChanged) {
            if (plainReady.remainingCapacity() == 0 && !wantsEthers()) poolChanged.wait(1000);
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

  private boolean wantsEthers() {
    return ethers != null && ethersWanted.get() && ethersReady.remainingCapacity() > 0;
  }

  private void offer(BlockingQueue<Prepared> pool, Prepared p) {
    if (closed.get() || !pool.offer(p)) closeQuietly(p.context());
  }

  private Prepared newContext(boolean withEthers) {
    Context c =
        Context.newBuilder("js")
            .engine(engine)
            .allowHostAccess(HOST_ACCESS)
            .allowHostClassLookup(name -> false)
            .allowIO(org.graalvm.polyglot.io.IOAccess.NONE)
            .allowCreateThread(false)
            .allowNativeAccess(false)
            .allowExperimentalOptions(true)
            // not "throw": GraalJS keeps one rejection tracker per engine, not thread-safe, so
            // concurrent actions saw each other's rejections and java.util.NoSuchElementException;
            // the prelude tracks the action's own promises instead
            .option("js.unhandled-rejections", "none")
            .option("js.strict", "false")
            // globals of GraalJS's shell a Deno isolate does not have: not made at all (cheaper
            // than making and deleting them; the prelude still deletes whatever remains)
            .option("js.java-package-globals", "false")
            .option("js.graal-builtin", "false")
            .option("js.polyglot-builtin", "false")
            .option("js.print", "false")
            .option("js.load", "false")
            .option("js.console", "false")
            .option("js.global-arguments", "false")
            .build();
    try {
      Value bindings = c.getBindings("js");
      // ethers calls atob and crypto.getRandomValues while loading: give it a bridge without node
      // operations until the request installs its own
      bindings.putMember("__lit", new HostBridge(null));
      c.eval(prelude);
      Value internals = bindings.getMember("__litRuntime");
      bindings.removeMember("__litRuntime");
      if (withEthers) c.eval(ethers);
      else if (ethers != null) internals.getMember("lazyEthers").executeVoid();
      return new Prepared(c, internals.getMember("install"), internals.getMember("settle"));
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** A prepared context of the kind asked for, or a fresh one when the pool is empty. */
  Prepared take(boolean needsEthers) {
    if (needsEthers && ethers != null) ethersWanted.set(true);
    Prepared p = needsEthers && ethers != null ? ethersReady.poll() : plainReady.poll();
    if (p != null || needsEthers) {
      synchronized (poolChanged) {
        poolChanged.notifyAll();
      }
    }
    return p != null ? p : newContext(needsEthers && ethers != null);
  }

  /** Closes a used context off the request's path. */
  void retire(Context c) {
    try {
      closer.execute(() -> closeQuietly(c));
    } catch (RejectedExecutionException e) {
      closeQuietly(c);
    }
  }

  static void closeQuietly(Context c) {
    try {
      c.close(true);
    } catch (RuntimeException ignored) {
      // already closed by the watchdog
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    if (filler != null) filler.interrupt();
    closer.shutdown();
    try {
      if (filler != null) filler.join(5000);
      closer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Prepared p;
    while ((p = plainReady.poll()) != null) closeQuietly(p.context());
    while ((p = ethersReady.poll()) != null) closeQuietly(p.context());
    engine.close(true);
  }
}
