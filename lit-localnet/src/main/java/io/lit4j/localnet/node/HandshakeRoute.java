package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.json.LitJson;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /web/handshake}: the network keys, the HD root keys and the latest block hash. Answers
 * from memory only: the block hash comes from the network's {@link LatestBlockCache}, as a v4
 * node's comes from its blockhash cache, never from a chain read per request.
 */
final class HandshakeRoute implements NodeRoute {
  private static final Pattern SDK_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+.*");

  private final SimulatedNode node;
  private final List<String> hdRootPubkeys;
  private final LatestBlockCache latestBlocks;

  HandshakeRoute(SimulatedNode node, List<String> hdRootPubkeys, LatestBlockCache latestBlocks) {
    this.node = node;
    this.hdRootPubkeys = List.copyOf(hdRootPubkeys);
    this.latestBlocks = latestBlocks;
  }

  @Override
  public JsonNode handle(NodeRequest req) {
    if (!req.clientSentRequestId()) {
      throw NodeError.of(
          NodeErrorCode.CoreApiMissingRequiredXRequestIdHeader,
          "The X-Request-Id header is required");
    }
    String sdkVersion = req.header("x-lit-sdk-version").orElse("1.2.60");
    if (sdkVersion.equals("0.0.0") || !SDK_VERSION.matcher(sdkVersion).matches()) {
      throw NodeError.of(
          NodeErrorCode.CoreApiInvalidXSDKVersionHeader, "Invalid X-Lit-SDK-Version " + sdkVersion);
    }
    NodeBodies.requiredText(req.body(), "clientPublicKey");
    SimulatedNodeConfig config = node.config();
    String key =
        node.server().faults().fault() == NodeFault.DIVERGENT_HANDSHAKE
            ? config.blsShare().publicKeyShare().toHex()
            : config.blsPublicKey().toHex();
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("serverPublicKey", "");
    o.put("subnetPublicKey", key);
    o.put("networkPublicKey", key);
    o.put("networkPublicKeySet", key);
    o.put("clientSdkVersion", sdkVersion);
    ArrayNode roots = o.putArray("hdRootPubkeys");
    hdRootPubkeys.forEach(roots::add);
    o.putNull("attestation");
    o.put("latestBlockhash", latestBlocks.latestBlockhash());
    return o;
  }
}
