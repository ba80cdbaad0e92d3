package io.lit4j.localnet.actions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graalvm.polyglot.Context;

/**
 * What one execution shares across its child actions ({@code Lit.Actions.call}), as the node's
 * execution state does: logs, response, operation counters, deadline, and the per-execution limits
 * of a v4 node with its messages word for word.
 */
final class ActionExecution {
  static final int MAX_LOG_BYTES = 102_400;
  static final int MAX_RESPONSE_BYTES = 102_400;
  static final int MAX_SIGN_OPS = 10;
  static final int MAX_BROADCAST_OPS = 30;
  static final int MAX_FETCH_COUNT = 50;
  static final int MAX_CONTRACT_CALLS = 30;
  static final int MAX_CALL_DEPTH = 5;

  final LitActionRuntime runtime;

  /** Set when the top-level action starts running (preparing its context is not its time). */
  volatile long deadlineMillis;

  /** The contexts running for this execution (the action and its children), for the watchdogs. */
  final List<Context> contexts = new CopyOnWriteArrayList<>();

  /** A failure that ends the whole execution (time or memory), raised from inside an op. */
  volatile ActionFailure fatal;

  private final StringBuilder logs = new StringBuilder();
  private int logBytes;
  private volatile String response = "";
  private int signOps;
  private int broadcastOps;
  private int fetchCount;
  private int contractCalls;

  ActionExecution(LitActionRuntime runtime, long deadlineMillis) {
    this.runtime = runtime;
    this.deadlineMillis = deadlineMillis;
  }

  synchronized String logs() {
    return logs.toString();
  }

  String response() {
    return response;
  }

  /** Appends one console line, within the node's limit on all logs of a request. */
  synchronized void log(String line) {
    int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
    if (logBytes + size > MAX_LOG_BYTES) {
      throw new IllegalStateException(
          "Console.log is printing something that is too long. Max length for all logs in a single request is "
              + MAX_LOG_BYTES
              + " bytes");
    }
    logBytes += size;
    logs.append(line).append('\n');
  }

  void setResponse(String value) {
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_RESPONSE_BYTES) {
      throw new IllegalStateException(
          "Response is too long. Max length is " + MAX_RESPONSE_BYTES + " bytes");
    }
    response = value;
  }

  synchronized void countSignOp() {
    if (++signOps > MAX_SIGN_OPS) {
      throw new IllegalStateException(
          "You may not sign more than " + MAX_SIGN_OPS + " times per Lit Action");
    }
  }

  synchronized void countBroadcastOp() {
    if (++broadcastOps > MAX_BROADCAST_OPS) {
      throw new IllegalStateException(
          "You may not use more than "
              + MAX_BROADCAST_OPS
              + " broadcast operations per Lit Action");
    }
  }

  synchronized void countFetch() {
    if (++fetchCount > MAX_FETCH_COUNT) {
      // the node's text, word for word
      throw new IllegalStateException(
          "You may not send more than "
              + MAX_FETCH_COUNT
              + " HTTP requests per session and you have attempted to exceed that limit.");
    }
  }

  synchronized void countContractCall() {
    if (++contractCalls > MAX_CONTRACT_CALLS) {
      // the node's text, word for word
      throw new IllegalStateException(
          "You may invoke contract calls more than "
              + MAX_CONTRACT_CALLS
              + " times per session and you have attempted to exceed that limit.");
    }
  }
}
