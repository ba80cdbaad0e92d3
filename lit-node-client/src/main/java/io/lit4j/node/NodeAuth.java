package io.lit4j.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code authSig} a request sends to each node: a session sig per node URL (the usual case), or
 * one auth sig for all nodes. Every request that needs auth takes one, through its builder's {@code
 * auth(NodeAuth)}:
 *
 * <pre>{@code
 * ExecuteJsRequest.builder().code(code).auth(NodeAuth.sessionSigs(sessionSigs)).build();
 * PkpSignRequest.builder().toSign(digest).pkpPublicKey(key).auth(NodeAuth.sessionSigs(sessionSigs)).build();
 * }</pre>
 */
@FunctionalInterface
public interface NodeAuth {

  /**
   * {@return the {@code authSig} JSON object for {@code nodeUrl}}
   *
   * @param nodeUrl the node's URL
   * @throws LitValidationException if there is none for that node
   */
  JsonNode authSigFor(String nodeUrl);

  /**
   * {@return each node's session sig from {@code sessionSigs} (the SDK's {@code sessionSigs[url]})}
   *
   * @param sessionSigs the session sigs
   * @throws LitValidationException if {@code sessionSigs} is null; a missing node fails when its
   *     body is built, before anything is sent
   */
  static NodeAuth sessionSigs(SessionSigs sessionSigs) {
    if (sessionSigs == null) throw new LitValidationException("sessionSigs are missing");
    return url -> {
      AuthSig sig =
          sessionSigs
              .find(url)
              .orElseThrow(
                  () ->
                      new LitValidationException(
                          "there is no session sig for node "
                              + url
                              + "; make session sigs for the connected nodes (given for "
                              + sessionSigs.nodeUrls()
                              + ")"));
      return LitJson.mapper().valueToTree(sig.toJsValue());
    };
  }

  /**
   * {@return the same auth sig (e.g. a wallet AuthSig) for every node}
   *
   * @param authSig the auth sig
   * @throws LitValidationException if {@code authSig} is null
   */
  static NodeAuth authSig(AuthSig authSig) {
    if (authSig == null) throw new LitValidationException("authSig is missing");
    JsonNode json = LitJson.mapper().valueToTree(authSig.toJsValue());
    return url -> json.deepCopy();
  }

  /**
   * {@return one auth sig JSON object per node URL, for auth sigs made elsewhere}
   *
   * @param authSigsByNodeUrl node URL → auth sig JSON object
   * @throws LitValidationException if the map is null or holds a non-object value
   */
  static NodeAuth perNode(Map<String, ? extends JsonNode> authSigsByNodeUrl) {
    if (authSigsByNodeUrl == null)
      throw new LitValidationException("authSigs by node URL are missing");
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    authSigsByNodeUrl.forEach(
        (url, sig) -> {
          if (sig == null || !sig.isObject())
            throw new LitValidationException("authSig for " + url + " must be a JSON object");
          copy.put(url, sig.deepCopy());
        });
    return url -> {
      JsonNode sig = copy.get(url);
      if (sig == null) {
        throw new LitValidationException(
            "there is no session sig for node "
                + url
                + "; make session sigs for the connected nodes ("
                + copy.keySet().size()
                + " given: "
                + copy.keySet()
                + ")");
      }
      return sig.deepCopy();
    };
  }

  /**
   * {@return the same auth sig JSON object for every node}
   *
   * @param authSig the auth sig JSON object
   * @throws LitValidationException if it is not a JSON object
   */
  static NodeAuth same(JsonNode authSig) {
    if (authSig == null || !authSig.isObject())
      throw new LitValidationException("authSig must be a JSON object");
    JsonNode copy = authSig.deepCopy();
    return url -> copy.deepCopy();
  }
}
