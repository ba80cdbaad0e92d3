package io.lit4j.node.handshake;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitException;
import java.util.concurrent.CompletableFuture;

/**
 * Checks a node's SEV-SNP attestation from its handshake (crypto.md §6): the nonce equals the
 * challenge, {@code EXTERNAL_ADDR} names the node called, the report's {@code report_data} covers
 * the nonce and data, and the AMD certificate chain signs the report.
 *
 * <p>The client calls it for every node whose handshake carried an attestation when attestation
 * checking is on; a failing check drops that node. The default is {@link SevSnpAttestationVerifier}
 * fetching VCEK certificates from AMD.
 */
@FunctionalInterface
public interface AttestationVerifier {

  /**
   * Verifies one node's attestation.
   *
   * @param nodeUrl the URL the client called (its host and port must match {@code EXTERNAL_ADDR})
   * @param challenge the 64-hex challenge sent to that node
   * @param attestation the handshake's {@code attestation} object
   * @return a future completing normally when the attestation is valid, or exceptionally with a
   *     {@link LitException} (error code {@code InvalidNodeAttestation}) saying what is wrong
   */
  CompletableFuture<Void> verify(String nodeUrl, String challenge, JsonNode attestation);
}
