package io.lit4j.localnet.actions;

/** A Lit Action that did not finish: it threw, ran out of time or broke a limit. */
public final class ActionFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the action stopped. */
  public enum Kind {
    /** The action threw (or rejected) and did not catch it: the node answers 400. */
    THREW,
    /** The wall-time limit passed: {@code NodeJsTimeoutError}. */
    TIMEOUT,
    /** A memory or output limit was exceeded: {@code NodeJsMemoryLimitError}. */
    MEMORY_LIMIT,
    /**
     * The runtime itself failed (an engine error): {@code NodeJsExecutionError}, never a Java
     * exception.
     */
    INTERNAL
  }

  /** How the action failed. */
  private final Kind kind;

  /** Console output up to the failure. */
  private final String logs;

  /**
   * A failed action run.
   *
   * @param kind how the action failed
   * @param message the error the node reports
   * @param logs console output up to the failure
   */
  public ActionFailure(Kind kind, String message, String logs) {
    super(message);
    this.kind = kind;
    this.logs = logs;
  }

  /**
   * How the action failed.
   *
   * @return the kind of failure
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Console output up to the failure.
   *
   * @return the console output
   */
  public String logs() {
    return logs;
  }
}
