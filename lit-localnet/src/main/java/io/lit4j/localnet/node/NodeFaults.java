package io.lit4j.localnet.node;

import java.time.Duration;
import java.util.Objects;

/** The fault switch of one node; safe to flip from any thread while the node runs. */
public final class NodeFaults {
  private volatile NodeFault fault = NodeFault.NONE;
  private volatile Duration slowDelay = Duration.ofSeconds(30);

  /**
   * The fault the node is in.
   *
   * @return the fault, {@link NodeFault#NONE} when healthy
   */
  public NodeFault fault() {
    return fault;
  }

  /**
   * Delay used by {@link NodeFault#SLOW}.
   *
   * @return the delay
   */
  public Duration slowDelay() {
    return slowDelay;
  }

  void set(NodeFault fault, Duration slowDelay) {
    this.fault = Objects.requireNonNull(fault, "fault");
    if (slowDelay != null) this.slowDelay = slowDelay;
  }
}
