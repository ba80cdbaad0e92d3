package io.lit4j.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;

/**
 * A successful (2xx, JSON) answer of one node.
 *
 * @param nodeUrl the node that answered
 * @param status its HTTP status
 * @param body the parsed JSON body
 */
public record NodeReply(String nodeUrl, int status, JsonNode body) {
  /**
   * @param nodeUrl the node that answered
   * @param status its HTTP status
   * @param body the parsed JSON body
   * @throws LitValidationException if a part is missing
   */
  public NodeReply {
    if (nodeUrl == null) throw new LitValidationException("nodeUrl is missing");
    if (body == null) throw new LitValidationException("body is missing");
  }
}
