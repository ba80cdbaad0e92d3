package io.lit4j.node.transport;

import java.util.concurrent.CompletableFuture;

/**
 * The seam between the client and HTTP: POST JSON to one node URL, get status and body back.
 *
 * <p>{@link OkHttpNodeTransport} is the implementation the client uses; tests or users may supply
 * their own. An implementation:
 *
 * <ul>
 *   <li>sends exactly the given headers and body and honours the request's timeout;
 *   <li>completes the future with any HTTP answer, whatever its status;
 *   <li>completes it exceptionally with an {@link java.io.IOException} when no answer arrived
 *       ({@link java.net.ConnectException} / {@link java.net.UnknownHostException} when the request
 *       was certainly not sent, {@link java.io.InterruptedIOException} on timeout);
 *   <li>stops the call when the returned future is cancelled.
 * </ul>
 */
public interface NodeTransport extends AutoCloseable {

  /**
   * Sends one POST.
   *
   * @param request the request to send
   * @return the node's answer, or an exceptionally completed future when none arrived
   */
  CompletableFuture<NodeHttpResponse> post(NodeHttpRequest request);

  /** Releases threads and connections this transport owns; the default does nothing. */
  @Override
  default void close() {}
}
