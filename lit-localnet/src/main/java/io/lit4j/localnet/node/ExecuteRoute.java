package io.lit4j.localnet.node;

import static io.lit4j.localnet.node.NodeBodies.optionalText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.json.LitJson;
import io.lit4j.localnet.actions.ActionFailure;
import io.lit4j.localnet.actions.ActionResult;
import io.lit4j.localnet.actions.LitActionRuntime;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /web/execute}: runs a Lit Action (given as code or as a pinned IPFS id) on the node's
 * {@link LitActionRuntime}, with an {@link ExecuteHost} for its {@code Lit.Actions} calls.
 */
final class ExecuteRoute implements NodeRoute {
  private final SimulatedNode node;
  private final LitActionRuntime actions;
  private final PkpAuthorizer pkpAuth;
  private final Function<String, Optional<String>> ipfs;

  ExecuteRoute(
      SimulatedNode node,
      LitActionRuntime actions,
      PkpAuthorizer pkpAuth,
      Function<String, Optional<String>> ipfs) {
    this.node = node;
    this.actions = actions;
    this.pkpAuth = pkpAuth;
    this.ipfs = ipfs;
  }

  private ValidatedAuth validateAuth(
      JsonNode body, AuthResource resource, String chainName, boolean litAction) {
    return node.validateAuth(body, resource, chainName, litAction);
  }

  private void rateLimit(ValidatedAuth a, int status) {
    node.rateLimit(a, status);
  }

  @Override
  public JsonNode handle(NodeRequest req) {
    JsonNode body = req.body();
    if (body.get("authSig") == null || body.get("authSig").isNull())
      throw NodeError.of(NodeErrorCode.NodeBadInput, "missing field `authSig`");
    Optional<String> codeB64 = optionalText(body, "code");
    Optional<String> ipfsId = optionalText(body, "ipfsId");
    ValidatedAuth a =
        validateAuth(
            body,
            new AuthResource("lit-litaction", "", LitAbility.LIT_ACTION_EXECUTION),
            "ethereum",
            true);
    rateLimit(a, 402);
    String code;
    String cid;
    if (codeB64.isPresent()) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(codeB64.get());
      } catch (IllegalArgumentException e) {
        throw NodeError.of(
            NodeErrorCode.NodeBadInput, "code is not standard base64: " + e.getMessage());
      }
      code = new String(bytes, StandardCharsets.UTF_8);
      cid = IpfsCid.of(bytes);
    } else if (ipfsId.isPresent()) {
      String pinned =
          ipfs.apply(ipfsId.get())
              .orElseThrow(
                  () ->
                      NodeError.of(
                          NodeErrorCode.NodeInvalidIPFSID,
                          "ipfsId "
                              + ipfsId.get()
                              + " is not pinned on lit-localnet (LocalLitNetwork.pinAction) and there is no IPFS gateway"));
      byte[] bytes = pinned.getBytes(StandardCharsets.UTF_8);
      if (!IpfsCid.of(bytes).equals(ipfsId.get())) {
        throw NodeError.of(
            NodeErrorCode.NodeInvalidIPFSID,
            "the code pinned under " + ipfsId.get() + " does not hash to it");
      }
      code = pinned;
      cid = ipfsId.get();
    } else {
      throw NodeError.of(NodeErrorCode.NodeInvalidIPFSID, "No code or ipfs hash provided");
    }
    List<PkpAuthorizer.VerifiedAuthMethod> methods = pkpAuth.verify(body.get("authMethods"));
    ExecuteHost host = new ExecuteHost(node, req.correlationId(), a, methods, cid);
    JsonNode jsParams = body.get("jsParams");
    ActionResult result;
    try {
      result = actions.run(code, jsParams != null && jsParams.isObject() ? jsParams : null, host);
    } catch (ActionFailure f) {
      switch (f.kind()) {
        case THREW -> throw NodeError.actionFailed(f.getMessage(), f.logs());
        case TIMEOUT ->
            throw withLogs(
                NodeError.of(NodeErrorCode.NodeJsTimeoutError, f.getMessage()), req, f.logs());
        case MEMORY_LIMIT ->
            throw withLogs(
                NodeError.of(NodeErrorCode.NodeJsMemoryLimitError, f.getMessage()), req, f.logs());
        default ->
            throw withLogs(
                NodeError.of(NodeErrorCode.NodeJsExecutionError, f.getMessage()), req, f.logs());
      }
    } catch (NodeError e) {
      throw e;
    } catch (RuntimeException e) {
      // the guard: a node answers a v4 error, never a leaked Java exception
      org.slf4j.LoggerFactory.getLogger(SimulatedNode.class)
          .warn(
              "node {}: Lit Action failed inside the runtime [{}]",
              node.config().shareIndex(),
              req.correlationId(),
              e);
      throw NodeError.of(
          NodeErrorCode.NodeJsExecutionError,
          "internal error of the lit-localnet Lit Action runtime");
    }
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("success", true);
    o.set("signedData", host.signedData());
    o.putObject("decryptedData");
    o.set("claimData", host.claimData());
    o.put("response", result.response());
    o.put("logs", result.logs());
    return o;
  }

  private static NodeError withLogs(NodeError e, NodeRequest req, String logs) {
    ObjectNode b = e.body(req.correlationId());
    b.put("logs", logs);
    return NodeError.adHoc(e.status(), b);
  }
}
