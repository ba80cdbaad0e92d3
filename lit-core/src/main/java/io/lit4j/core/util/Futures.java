package io.lit4j.core.util;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The one place where lit4j turns futures into blocking results and back: every blocking method of
 * the SDK (node client, contracts, signers) waits with {@link #join}, and the async ones never
 * throw ({@link #attempt}, {@link #supply}).
 *
 * <p>Example: {@code byte[] sig = Futures.join(signer.signDigestAsync(digest));} throws the {@link
 * LitException} that failed the future, not a {@link CompletionException}.
 */
public final class Futures {
  private Futures() {}

  /**
   * Waits for {@code f} and rethrows a {@link LitException} (or an {@link Error}) as is, noting
   * where it was waited for; any other failure comes out as a {@link LitException} with it as the
   * cause, so callers never see a raw {@code NullPointerException} or a wrapper.
   *
   * @param f the future to wait for
   * @param <T> the result type
   * @return the result
   * @throws LitException what failed the future, or a {@link LitValidationException} if {@code f}
   *     is null
   */
  public static <T> T join(CompletableFuture<T> f) {
    if (f == null) throw new LitValidationException("the future to wait for is missing");
    try {
      return f.join();
    } catch (CompletionException | CancellationException e) {
      Throwable t = unwrap(e);
      if (t instanceof LitException le) {
        // a fresh copy would lose the type; rethrow the original, noting where we waited
        le.addSuppressed(new WaitedHere());
        throw le;
      }
      if (t instanceof Error err) throw err;
      throw new LitException("request failed: " + t, t);
    }
  }

  /**
   * {@return the cause behind the {@link CompletionException}/{@link ExecutionException} wrappers
   * of {@code t}}
   *
   * @param t a failure of a future
   */
  public static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Runs {@code step} now, turning a thrown exception into a failed future (async methods never
   * throw).
   *
   * @param step makes the future
   * @param <T> the result type
   * @return the step's future, or a failed one
   */
  public static <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Computes {@code value} now, as a completed or failed future.
   *
   * @param value computes the result
   * @param <T> the result type
   * @return the completed future, or a failed one
   */
  public static <T> CompletableFuture<T> supply(Supplier<T> value) {
    try {
      return CompletableFuture.completedFuture(value.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Marks the caller's stack in an async failure rethrown by a blocking method. */
  private static final class WaitedHere extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitedHere() {
      super("waited here for the asynchronous result");
    }
  }
}
