package io.lit4j.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@code executeJs}: what the action set as its response, its logs, the combined
 * signatures it asked for by name, and its key claims.
 *
 * @param response the action's response string ({@code Lit.Actions.setResponse}), the value most
 *     nodes sent ({@code ""} when none)
 * @param logs the action's console output, the value most nodes sent
 * @param signatures combined, verified ECDSA signatures by {@code sigName}
 * @param claims key claims by key id
 * @param nodeResponses every node's raw answer (for debugging, like the SDK's {@code debug})
 */
public record ExecuteJsResponse(
    String response,
    String logs,
    Map<String, EcdsaSignature> signatures,
    Map<String, ExecuteJsClaim> claims,
    NodeResponses nodeResponses) {

  /**
   * @param response the action's response string ({@code Lit.Actions.setResponse}), the value most
   *     nodes sent ({@code ""} when none)
   * @param logs the action's console output, the value most nodes sent
   * @param signatures combined, verified ECDSA signatures by {@code sigName}
   * @param claims key claims by key id
   * @param nodeResponses every node's raw answer (for debugging, like the SDK's {@code debug})
   * @throws LitValidationException if a part is missing
   */
  public ExecuteJsResponse {
    if (response == null
        || logs == null
        || signatures == null
        || claims == null
        || nodeResponses == null) {
      throw new LitValidationException("ExecuteJsResponse parts must not be null");
    }
    signatures = Collections.unmodifiableMap(new LinkedHashMap<>(signatures));
    claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
  }

  /**
   * The response parsed as JSON, if it is JSON. (The SDK parses it when signatures were made and
   * then loses non-JSON strings; here the string is always kept in {@link #response()}.)
   *
   * @return the response parsed as JSON, if it is JSON
   */
  public Optional<JsonNode> responseJson() {
    if (response.isEmpty()) return Optional.empty();
    try {
      return Optional.ofNullable(LitJson.mapper().readTree(response));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * {@return the combined, verified signature the action made under {@code sigName}}
   *
   * @param sigName the name the action signed under
   * @throws LitValidationException if the action made no signature of that name (the message lists
   *     the names it made)
   */
  public EcdsaSignature signature(String sigName) {
    EcdsaSignature sig = signatures.get(sigName);
    if (sig == null) {
      throw new LitValidationException(
          "the Lit Action made no signature named '"
              + sigName
              + "'; it made "
              + signatures.keySet());
    }
    return sig;
  }
}
