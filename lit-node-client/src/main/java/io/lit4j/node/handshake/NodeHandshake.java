package io.lit4j.node.handshake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.lit4j.core.errors.LitValidationException;
import java.util.List;
import java.util.Optional;

/**
 * One node's valid answer to {@code /web/handshake} (client-protocol.md §2), with the challenge the
 * client sent it.
 *
 * @param nodeUrl the node
 * @param challenge the 64-hex challenge sent to this node
 * @param serverPublicKey {@code serverPublicKey} ({@code ""} on current nodes)
 * @param subnetPublicKey BLS root public key, hex
 * @param networkPublicKey BLS root public key, hex
 * @param networkPublicKeySet BLS root public key set, hex
 * @param hdRootPubkeys K256 HD root public keys, hex, in the node's order
 * @param latestBlockhash {@code 0x}-prefixed block hash the node last saw
 * @param attestation the SEV-SNP attestation object, or a JSON null when the node sent none
 */
public record NodeHandshake(
    String nodeUrl,
    String challenge,
    String serverPublicKey,
    String subnetPublicKey,
    String networkPublicKey,
    String networkPublicKeySet,
    List<String> hdRootPubkeys,
    String latestBlockhash,
    JsonNode attestation) {

  /**
   * @param nodeUrl the node
   * @param challenge the 64-hex challenge sent to this node
   * @param serverPublicKey {@code serverPublicKey} ({@code ""} on current nodes)
   * @param subnetPublicKey BLS root public key, hex
   * @param networkPublicKey BLS root public key, hex
   * @param networkPublicKeySet BLS root public key set, hex
   * @param hdRootPubkeys K256 HD root public keys, hex, in the node's order
   * @param latestBlockhash {@code 0x}-prefixed block hash the node last saw
   * @param attestation the SEV-SNP attestation object, or a JSON null when the node sent none
   * @throws LitValidationException if a part is missing
   */
  public NodeHandshake {
    requireText("nodeUrl", nodeUrl);
    requireText("challenge", challenge);
    if (serverPublicKey == null) throw new LitValidationException("serverPublicKey is missing");
    requireText("subnetPublicKey", subnetPublicKey);
    requireText("networkPublicKey", networkPublicKey);
    requireText("networkPublicKeySet", networkPublicKeySet);
    if (hdRootPubkeys == null) throw new LitValidationException("hdRootPubkeys is missing");
    hdRootPubkeys = List.copyOf(hdRootPubkeys);
    requireText("latestBlockhash", latestBlockhash);
    attestation = attestation == null ? NullNode.getInstance() : attestation.deepCopy();
  }

  /** {@return the attestation object, if the node sent one} */
  public Optional<JsonNode> attestationReport() {
    return attestation.isNull() || attestation.isMissingNode()
        ? Optional.empty()
        : Optional.of(attestation.deepCopy());
  }

  private static void requireText(String field, String v) {
    if (v == null || v.isEmpty()) throw new LitValidationException(field + " is missing");
  }
}
