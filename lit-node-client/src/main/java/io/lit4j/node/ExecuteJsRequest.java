package io.lit4j.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code executeJs} runs: the Lit Action (its code, or the IPFS id of its code), its {@code
 * jsParams}, the auth sig for each node and optional auth methods.
 *
 * <pre>{@code
 * ExecuteJsRequest r = ExecuteJsRequest.builder()
 *     .code("Lit.Actions.setResponse({response: 'hi'})")
 *     .jsParam("toSign", digest)          // byte[] is sent as a number array, as the SDK sends Uint8Array
 *     .auth(NodeAuth.sessionSigs(sessionSigs))
 *     .build();
 * }</pre>
 */
public final class ExecuteJsRequest {
  private final String code;
  private final String ipfsId;
  private final ObjectNode jsParams;
  private final List<AuthMethod> authMethods;
  private final NodeAuth auth;
  private final boolean idempotent;
  private final Map<String, io.lit4j.crypto.eth.Secp256k1PublicKey> expectedSigners;

  private ExecuteJsRequest(Builder b) {
    if (b.code == null && b.ipfsId == null)
      throw new LitValidationException("executeJs needs code or ipfsId");
    if (b.code != null && b.ipfsId != null) {
      throw new LitValidationException(
          "executeJs takes code or ipfsId, not both (nodes would run the code and ignore ipfsId)");
    }
    if (b.code != null && b.code.isEmpty()) throw new LitValidationException("code is empty");
    if (b.ipfsId != null && b.ipfsId.isBlank()) throw new LitValidationException("ipfsId is empty");
    if (b.auth == null)
      throw new LitValidationException("executeJs needs an auth sig per node: set auth(NodeAuth)");
    this.code = b.code;
    this.ipfsId = b.ipfsId;
    this.jsParams = b.jsParams.deepCopy();
    this.authMethods = b.authMethods == null ? null : List.copyOf(b.authMethods);
    this.auth = b.auth;
    this.idempotent = b.idempotent;
    this.expectedSigners = Map.copyOf(b.expectedSigners);
  }

  /**
   * {@return whether the caller declared the action idempotent}: running it twice has no effect
   * beyond running it once, so the client may rerun it with a new request id when a node of a
   * signing subset fails
   */
  public boolean idempotent() {
    return idempotent;
  }

  /**
   * {@return the PKP public key each named signature must be made with, checked before the response
   * is returned}
   */
  public Map<String, io.lit4j.crypto.eth.Secp256k1PublicKey> expectedSigners() {
    return expectedSigners;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the action's JavaScript source, if given as code} */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** {@return the IPFS id of the action, if given by id} */
  public Optional<String> ipfsId() {
    return Optional.ofNullable(ipfsId);
  }

  /** {@return the action's parameters (a copy)} */
  public ObjectNode jsParams() {
    return jsParams.deepCopy();
  }

  /**
   * {@return the auth methods sent with the request, if any were set (an empty list is sent as
   * {@code []})}
   */
  public Optional<List<AuthMethod>> authMethods() {
    return Optional.ofNullable(authMethods);
  }

  /** {@return the auth sig for each node} */
  public NodeAuth auth() {
    return auth;
  }

  /** Builds an {@link ExecuteJsRequest}. */
  public static final class Builder {
    private String code;
    private String ipfsId;
    private ObjectNode jsParams = LitJson.mapper().createObjectNode();
    private List<AuthMethod> authMethods;
    private NodeAuth auth;
    private boolean idempotent;
    private final Map<String, io.lit4j.crypto.eth.Secp256k1PublicKey> expectedSigners =
        new java.util.LinkedHashMap<>();

    private Builder() {}

    /**
     * Declares the action idempotent (default false): it may then be rerun with a new request id
     * when a node of an ECDSA signing subset fails or sends a bad share, as {@code pkpSign} is.
     * Leave it false for an action with side effects (a transaction it sends, a call it makes).
     *
     * @param idempotent whether running the action again is harmless
     * @return this builder
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * Names the PKP that must have made signature {@code sigName}: the response is checked before
     * it is returned, and a signature by another key (or a missing one) fails with a {@link
     * io.lit4j.core.errors.LitCryptoException} (code {@code UnexpectedSigner}). Without it, each
     * signature is only checked against the key its own shares name.
     *
     * @param sigName the name the action signs under
     * @param pkpPublicKey the PKP expected to sign
     * @return this builder
     * @throws LitValidationException if either is missing
     */
    public Builder expectedSigner(
        String sigName, io.lit4j.crypto.eth.Secp256k1PublicKey pkpPublicKey) {
      if (sigName == null || sigName.isEmpty())
        throw new LitValidationException("sigName is missing");
      if (pkpPublicKey == null)
        throw new LitValidationException("the expected PKP public key is missing");
      expectedSigners.put(sigName, pkpPublicKey);
      return this;
    }

    /**
     * The action's JavaScript source (sent base64-encoded).
     *
     * @param code the action's JavaScript source (sent base64-encoded)
     * @return this builder
     */
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    /**
     * The IPFS id ({@code Qm…}) of the action's code.
     *
     * @param ipfsId the IPFS id ({@code Qm…}) of the action's code
     * @return this builder
     */
    public Builder ipfsId(String ipfsId) {
      this.ipfsId = ipfsId;
      return this;
    }

    /**
     * All parameters at once, replacing any set so far.
     *
     * @param jsParams All parameters at once, replacing any set so far
     * @return this builder
     * @throws LitValidationException if null
     */
    public Builder jsParams(ObjectNode jsParams) {
      if (jsParams == null) throw new LitValidationException("jsParams is null");
      this.jsParams = jsParams.deepCopy();
      return this;
    }

    /**
     * One parameter: JSON values, strings, numbers, booleans, lists, maps; {@code byte[]} becomes a
     * number array (0..255), as the SDK sends a {@code Uint8Array}.
     *
     * @param value One parameter: JSON values, strings, numbers, booleans, lists, maps; {@code
     *     byte[]} becomes a number array (0..255), as the SDK sends a {@code Uint8Array}
     * @param name the parameter's name
     * @return this builder
     * @throws LitValidationException if the name is empty or the value cannot be written as JSON
     */
    public Builder jsParam(String name, Object value) {
      if (name == null || name.isEmpty()) throw new LitValidationException("jsParam name is empty");
      jsParams.set(name, toJson(value, "jsParams." + name));
      return this;
    }

    /**
     * Auth methods sent as {@code authMethods}, available to the action as {@code Lit.Auth}.
     *
     * @param authMethods Auth methods sent as {@code authMethods}, available to the action as
     *     {@code Lit.Auth}
     * @return this builder
     * @throws LitValidationException if the list or an element is null
     */
    public Builder authMethods(List<AuthMethod> authMethods) {
      if (authMethods == null) throw new LitValidationException("authMethods is null");
      for (AuthMethod m : authMethods)
        if (m == null) throw new LitValidationException("authMethods holds a null");
      this.authMethods = List.copyOf(authMethods);
      return this;
    }

    /**
     * The auth sig for each node (required), e.g. {@code NodeAuth.sessionSigs(sessionSigs)}.
     *
     * @param auth the auth sig for each node
     * @return this builder
     */
    public Builder auth(NodeAuth auth) {
      this.auth = auth;
      return this;
    }

    /**
     * Each node's session sig from {@code sessionSigs}: short for {@code
     * auth(NodeAuth.sessionSigs(sessionSigs))}.
     *
     * @param sessionSigs the session sigs of the connected nodes
     * @return this builder
     * @throws LitValidationException if {@code sessionSigs} is null
     */
    public Builder auth(SessionSigs sessionSigs) {
      return auth(NodeAuth.sessionSigs(sessionSigs));
    }

    /**
     * {@return the request}
     *
     * @throws LitValidationException when neither or both of code and ipfsId are set, or auth is
     *     missing
     */
    public ExecuteJsRequest build() {
      return new ExecuteJsRequest(this);
    }

    static JsonNode toJson(Object value, String field) {
      if (value instanceof byte[] bytes) {
        ArrayNode a = LitJson.mapper().createArrayNode();
        for (byte b : bytes) a.add(b & 0xff);
        return a;
      }
      if (value instanceof JsonNode n) return n.deepCopy();
      if (value instanceof Map<?, ?> m) {
        ObjectNode o = LitJson.mapper().createObjectNode();
        m.forEach((k, v) -> o.set(String.valueOf(k), toJson(v, field + "." + k)));
        return o;
      }
      if (value instanceof List<?> l) {
        ArrayNode a = LitJson.mapper().createArrayNode();
        for (int i = 0; i < l.size(); i++) a.add(toJson(l.get(i), field + "[" + i + "]"));
        return a;
      }
      try {
        return LitJson.mapper().valueToTree(value);
      } catch (IllegalArgumentException e) {
        throw new LitValidationException(
            field + " cannot be written as JSON: " + e.getMessage(), e);
      }
    }
  }
}
