package io.lit4j.node.handshake;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.attestation.SevSnpAttestation;
import io.lit4j.crypto.attestation.SevSnpVerificationException;
import io.lit4j.crypto.attestation.SevSnpVerifier;
import io.lit4j.crypto.attestation.VcekProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@link AttestationVerifier} of the JS SDK 4.2.0: {@link SevSnpVerifier#verify} from
 * lit-crypto (nonce, node address, report data, AMD certificate chain, report signature), with the
 * VCEK from a {@link VcekProvider}. Runs on the given executor because the provider may fetch from
 * AMD.
 */
public final class SevSnpAttestationVerifier implements AttestationVerifier {
  private final VcekProvider vcekProvider;
  private final Executor executor;

  /**
   * @param vcekProvider where VCEK certificates come from (e.g. an {@link
   *     io.lit4j.crypto.attestation.InMemoryVcekCache} over an {@link AmdKdsVcekFetcher})
   * @param executor where checks run (they may block on a fetch)
   * @throws LitValidationException if a part is missing
   */
  public SevSnpAttestationVerifier(VcekProvider vcekProvider, Executor executor) {
    if (vcekProvider == null) throw new LitValidationException("vcekProvider is missing");
    if (executor == null) throw new LitValidationException("executor is missing");
    this.vcekProvider = vcekProvider;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<Void> verify(String nodeUrl, String challenge, JsonNode attestation) {
    return CompletableFuture.runAsync(() -> check(nodeUrl, challenge, attestation), executor);
  }

  /**
   * The check, on the calling thread.
   *
   * @param nodeUrl the node's URL
   * @param challenge the challenge sent to the node, hex
   * @param attestation the node's attestation JSON
   * @throws LitException with error code {@code InvalidNodeAttestation} saying which check failed
   */
  public void check(String nodeUrl, String challenge, JsonNode attestation) {
    try {
      SevSnpVerifier.verify(
          SevSnpAttestation.fromJson(attestation), challenge, nodeUrl, vcekProvider);
    } catch (SevSnpVerificationException e) {
      throw e;
    } catch (LitException e) {
      throw LitException.builder()
          .message("attestation of Lit node " + nodeUrl + " is invalid: " + e.getMessage())
          .nodeUrl(nodeUrl)
          .cause(e)
          .errorCode(LitErrorCode.INVALID_NODE_ATTESTATION)
          .errorKind("Unexpected")
          .buildNode();
    }
  }
}
