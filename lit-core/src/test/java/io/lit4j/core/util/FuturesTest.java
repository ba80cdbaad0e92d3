package io.lit4j.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FuturesTest {
  @Test
  void joinRethrowsTheLitExceptionThatFailedTheFutureNotAWrapper() {
    LitValidationException cause = new LitValidationException("toSign must be 32 bytes");
    CompletableFuture<String> failed =
        CompletableFuture.supplyAsync(
            () -> {
              throw cause;
            });
    LitValidationException thrown =
        assertThrows(LitValidationException.class, () -> Futures.join(failed));
    assertSame(cause, thrown);
    assertEquals(1, thrown.getSuppressed().length, "notes where the caller waited");
  }

  @Test
  void joinWrapsAnythingElseInALitExceptionAndLetsErrorsThrough() {
    NullPointerException npe = new NullPointerException("boom");
    LitException e =
        assertThrows(LitException.class, () -> Futures.join(CompletableFuture.failedFuture(npe)));
    assertSame(npe, e.getCause());
    AssertionError error = new AssertionError("fatal");
    assertSame(
        error,
        assertThrows(
            AssertionError.class, () -> Futures.join(CompletableFuture.failedFuture(error))));
    CompletableFuture<String> cancelled = new CompletableFuture<>();
    cancelled.cancel(true);
    assertThrows(LitException.class, () -> Futures.join(cancelled));
    assertEquals("ok", Futures.join(CompletableFuture.completedFuture("ok")));
  }

  @Test
  void unwrapPeelsEveryCompletionAndExecutionWrapper() {
    IllegalStateException root = new IllegalStateException("root");
    Throwable wrapped =
        new CompletionException(new ExecutionException(new CompletionException(root)));
    assertSame(root, Futures.unwrap(wrapped));
    assertSame(root, Futures.unwrap(root));
    CompletionException empty = new CompletionException(null);
    assertSame(empty, Futures.unwrap(empty));
  }

  @Test
  void attemptAndSupplyTurnAThrowingStepIntoAFailedFuture() {
    LitValidationException bad = new LitValidationException("missing");
    CompletableFuture<String> a =
        Futures.attempt(
            () -> {
              throw bad;
            });
    assertTrue(a.isCompletedExceptionally());
    assertSame(bad, Futures.unwrap(assertThrows(CompletionException.class, a::join)));
    CompletableFuture<String> s =
        Futures.supply(
            () -> {
              throw bad;
            });
    assertTrue(s.isCompletedExceptionally());
    assertEquals("v", Futures.supply(() -> "v").join());
    assertEquals("w", Futures.attempt(() -> CompletableFuture.completedFuture("w")).join());
  }
}
