package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;

/** One POST route of a simulated node. */
public interface NodeRoute {
  /**
   * Handles the request and returns the success body; throws {@link NodeError} to fail.
   *
   * @param request the request
   * @return the success body
   */
  JsonNode handle(NodeRequest request);

  /**
   * HTTP status of a successful answer (202 for {@code /web/pkp/claim}, 200 elsewhere).
   *
   * @return the HTTP status
   */
  default int successStatus() {
    return 200;
  }
}
