package io.lit4j.node.wallet;

import io.lit4j.core.errors.LitException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** The blocking side of the wallet's async methods: wait, and rethrow a {@link LitException} as is. */
final class Futures {
  private Futures() {}

  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException | CancellationException e) {
      Throwable t = unwrap(e);
      if (t instanceof LitException le) throw le;
      if (t instanceof RuntimeException re) throw re;
      throw new LitException("signing failed: " + t, t);
    }
  }

  /** Runs {@code step} now, turning a thrown exception into a failed future (async methods never throw). */
  static <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
    return t;
  }
}
