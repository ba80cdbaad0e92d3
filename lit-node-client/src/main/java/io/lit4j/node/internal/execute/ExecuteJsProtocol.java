package io.lit4j.node.internal.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.network.LitEndpoint;
import io.lit4j.core.network.ProtocolVersion;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.node.ExecuteJsClaim;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.ExecuteJsResponse;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import io.lit4j.node.internal.NodeCalls;
import io.lit4j.node.internal.request.AuthMethodFailures;
import io.lit4j.node.internal.request.Consensus;
import io.lit4j.node.internal.request.NodeErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code /web/execute} wire format (client-protocol.md §6): body per node, and the answers
 * combined.
 */
public final class ExecuteJsProtocol {
  /** The execute endpoint's path. */
  public static final String PATH = ProtocolVersion.V4_INITIAL.path(LitEndpoint.EXECUTE_JS);

  private ExecuteJsProtocol() {}

  /**
   * The body for one node, keys in the SDK's order: {@code authSig, code?, ipfsId?, jsParams,
   * authMethods?} (the requester appends {@code epochNumber}).
   *
   * @param r the request
   * @param nodeUrl the node the body is for
   * @return the request body
   * @throws LitValidationException if there is no auth sig for the node
   */
  public static ObjectNode body(ExecuteJsRequest r, String nodeUrl) {
    ObjectNode b = LitJson.mapper().createObjectNode();
    b.set("authSig", r.auth().authSigFor(nodeUrl));
    r.code()
        .ifPresent(
            c ->
                b.put(
                    "code",
                    Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8))));
    r.ipfsId().ifPresent(id -> b.put("ipfsId", id));
    b.set("jsParams", r.jsParams());
    r.authMethods()
        .ifPresent(
            ms -> {
              var a = b.putArray("authMethods");
              ms.forEach(m -> a.add(LitJson.mapper().<JsonNode>valueToTree(m.toJsValue())));
            });
    return b;
  }

  /**
   * The result from the successful answers: response and logs by majority, signatures combined per
   * name from the non-empty shares ({@code >= minNodeCount} each, verified), claims gathered one
   * signature per node.
   *
   * @param responses the nodes' answers
   * @param minNodeCount the threshold
   * @return the combined response
   * @throws LitException (a node error) naming the node for a malformed answer
   * @throws io.lit4j.core.errors.LitCryptoException (code {@code NoValidShares} and others) when a
   *     signature cannot be combined
   */
  public static ExecuteJsResponse read(NodeResponses responses, int minNodeCount) {
    List<NodeReply> replies = new ArrayList<>(responses.successes().values());
    List<String> responseTexts = new ArrayList<>();
    List<String> logs = new ArrayList<>();
    Map<String, List<EcdsaSignatureShare>> shares = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    Map<String, String> claimKeyIds = new LinkedHashMap<>();
    Map<String, List<ExecuteJsClaim.Signature>> claimSigs = new LinkedHashMap<>();

    for (NodeReply reply : replies) {
      JsonNode b = reply.body();
      if (!b.isObject()) throw malformed(reply, responses, "the answer is not a JSON object");
      responseTexts.add(text(b.get("response")));
      logs.add(text(b.get("logs")));
      JsonNode signed = b.path("signedData");
      if (!signed.isMissingNode() && !signed.isNull()) {
        if (!signed.isObject()) throw malformed(reply, responses, "signedData is not an object");
        for (var it = signed.fields(); it.hasNext(); ) {
          var e = it.next();
          names.add(e.getKey());
          Optional<EcdsaSignatureShare> share;
          try {
            share = EcdsaShareJson.parseExecute(e.getValue());
          } catch (LitException ex) {
            throw malformed(reply, responses, "signedData." + e.getKey() + ": " + ex.getMessage());
          }
          share.ifPresent(s -> shares.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(s));
        }
      }
      JsonNode claims = b.path("claimData");
      if (!claims.isMissingNode() && !claims.isNull()) {
        if (!claims.isObject()) throw malformed(reply, responses, "claimData is not an object");
        for (var it = claims.fields(); it.hasNext(); ) {
          var e = it.next();
          String derived = unquote(text(e.getValue().get("derivedKeyId")));
          String sig = unquote(text(e.getValue().get("signature")));
          claimKeyIds.putIfAbsent(e.getKey(), derived);
          claimSigs
              .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
              .add(splitSignature(sig, reply, responses, e.getKey()));
        }
      }
    }

    Map<String, EcdsaSignature> signatures = new LinkedHashMap<>();
    for (String name : names) {
      List<EcdsaSignatureShare> forName = shares.getOrDefault(name, List.of());
      signatures.put(
          name,
          NodeErrors.combineEcdsa(
              "executeJs: cannot combine signature '" + name + "'",
              forName,
              minNodeCount,
              responses));
    }
    Map<String, ExecuteJsClaim> claims = new LinkedHashMap<>();
    claimKeyIds.forEach(
        (keyId, derived) -> claims.put(keyId, new ExecuteJsClaim(derived, claimSigs.get(keyId))));

    return new ExecuteJsResponse(
        Consensus.mostCommon(responseTexts).orElse(""),
        Consensus.mostCommon(logs).orElse(""),
        signatures,
        claims,
        responses);
  }

  private static ExecuteJsClaim.Signature splitSignature(
      String hex, NodeReply reply, NodeResponses responses, String keyId) {
    byte[] sig;
    try {
      sig = Hex.decode(hex, 65, "claimData." + keyId + ".signature");
    } catch (LitException e) {
      throw malformed(reply, responses, e.getMessage());
    }
    int v = sig[64] & 0xff;
    if (v < 27) v += 27;
    if (v != 27 && v != 28)
      throw malformed(
          reply,
          responses,
          "claimData." + keyId + ".signature has recovery byte " + (sig[64] & 0xff));
    String h = Hex.encode(sig);
    return new ExecuteJsClaim.Signature("0x" + h.substring(0, 64), "0x" + h.substring(64, 128), v);
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return "";
    return n.isTextual() ? n.textValue() : n.toString();
  }

  private static String unquote(String s) {
    return s.replace("\"", "");
  }

  private static LitException malformed(NodeReply reply, NodeResponses responses, String why) {
    return LitException.builder()
        .message("Lit node " + reply.nodeUrl() + " sent an unusable execute answer: " + why)
        .nodeUrl(reply.nodeUrl())
        .requestId(responses.requestId())
        .errorCode(LitErrorCode.INVALID_NODE_RESPONSE)
        .buildNode();
  }

  /**
   * Runs {@code request} on every connected node and combines the answers.
   *
   * @param calls the client's node calls
   * @param request the action, its parameters and auth
   * @return a future of the combined response
   */
  public static CompletableFuture<ExecuteJsResponse> run(
      NodeCalls calls, ExecuteJsRequest request) {
    if (request == null)
      return CompletableFuture.failedFuture(
          new LitValidationException("executeJs request is missing"));
    CompletableFuture<ExecuteJsResponse> sent;
    if (!request.idempotent()) {
      sent =
          calls.sendToAll(
              "executeJs",
              PATH,
              url -> body(request, url),
              (responses, state) -> checkSigners(request, read(responses, state.minNodeCount())));
    } else {
      // an idempotent action may run again under a new request id: its signing subsets then change
      // (steered by the first signature's bytes once an answer showed them)
      sent =
          calls.signWithSubset(
              "executeJs",
              PATH,
              url -> body(request, url),
              null,
              ExecuteJsProtocol::countsTowardThreshold,
              ExecuteJsProtocol::firstSignedBytes,
              (responses, state) -> checkSigners(request, read(responses, state.minNodeCount())));
    }
    CompletableFuture<ExecuteJsResponse> answer =
        AuthMethodFailures.translate(sent, request.authMethods().orElse(java.util.List.of()));
    return AuthMethodFailures.translateActionScope(
        answer, request.ipfsId().orElse("(inline code)"));
  }

  /**
   * An answer with a share, or one of an action that signs nothing; a non-signer's empty shares do
   * not count.
   */
  private static boolean countsTowardThreshold(NodeReply reply) {
    JsonNode signed = reply.body().path("signedData");
    if (!signed.isObject() || signed.isEmpty()) return true;
    for (var it = signed.fields(); it.hasNext(); ) {
      if (EcdsaShareJson.parseExecute(it.next().getValue()).isPresent()) return true;
    }
    return false;
  }

  private static Optional<byte[]> firstSignedBytes(NodeReply reply) {
    JsonNode signed = reply.body().path("signedData");
    if (!signed.isObject()) return Optional.empty();
    for (var it = signed.fields(); it.hasNext(); ) {
      try {
        Optional<EcdsaSignatureShare> s = EcdsaShareJson.parseExecute(it.next().getValue());
        if (s.isPresent()) return Optional.of(s.get().dataSigned());
      } catch (LitException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The caller's expected signer per sigName, checked before the response is returned. */
  static ExecuteJsResponse checkSigners(ExecuteJsRequest request, ExecuteJsResponse response) {
    request
        .expectedSigners()
        .forEach(
            (name, key) -> {
              EcdsaSignature sig = response.signatures().get(name);
              String rid = response.nodeResponses().requestId();
              if (sig == null) {
                throw LitException.builder()
                    .message(
                        "executeJs: the action made no signature named '"
                            + name
                            + "', expected one by PKP "
                            + key.hex()
                            + " (request "
                            + rid
                            + ")")
                    .requestId(rid)
                    .errorCode("UnexpectedSigner")
                    .errorKind("Validation")
                    .buildCrypto();
              }
              if (!sig.publicKey().equals(key)) {
                throw LitException.builder()
                    .message(
                        "executeJs: signature '"
                            + name
                            + "' was made by "
                            + sig.publicKeyHex()
                            + ", not by the expected PKP "
                            + key.hex()
                            + " (request "
                            + rid
                            + ")")
                    .requestId(rid)
                    .errorCode("UnexpectedSigner")
                    .errorKind("Validation")
                    .buildCrypto();
              }
            });
    return response;
  }
}
