package io.lit4j.node;

import io.lit4j.core.errors.LitNodeException;

/**
 * A Lit Action threw on a node: the node answered {@code {"success":false,"error":…,"logs":…}}
 * (HTTP 400). Unlike the JS SDK 4.2.0, which reports {@code unknown_error}, this keeps the action's
 * error text and logs.
 */
public class LitActionException extends LitNodeException {
  private static final long serialVersionUID = 1L;

  /** The action's error message. */
  private final String error;

  /** Console output up to the failure. */
  private final String logs;

  /**
   * @param b the error's request id, node URL, status and details
   * @param error the JavaScript error text the node reported
   * @param logs the action's console output up to the failure
   */
  public LitActionException(Builder b, String error, String logs) {
    super(b);
    this.error = error == null ? "" : error;
    this.logs = logs == null ? "" : logs;
  }

  /** {@return the JavaScript error text, e.g. {@code "Uncaught Error: boom"}} */
  public String error() {
    return error;
  }

  /** {@return the action's console output up to the failure ({@code ""} when none)} */
  public String logs() {
    return logs;
  }
}
