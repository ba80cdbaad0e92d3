package io.lit4j.node.internal.capacity;

import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.node.internal.NodeCalls;
import java.util.concurrent.CompletableFuture;

/**
 * {@code createCapacityDelegationAuthSig}: the owner signs a SIWE whose nonce is the latest
 * blockhash (connecting first if needed, as the SDK does); no node call of its own.
 */
public final class CapacityDelegationProtocol {
  private CapacityDelegationProtocol() {}

  /**
   * Signs the delegation; the signer runs on a client worker thread.
   *
   * @param calls the client's node calls
   * @param params the owner, delegatees, uses and expiry
   * @return a future of the delegation
   */
  public static CompletableFuture<CapacityDelegation> run(
      NodeCalls calls, CapacityDelegationRequest params) {
    if (params == null)
      return CompletableFuture.failedFuture(
          new LitValidationException("capacity delegation params are missing"));
    if (params.signer().isEmpty())
      return CompletableFuture.failedFuture(
          new LitValidationException(
              "signer is missing: the capacity credit owner signs the delegation"));
    // as 4.2.0: the nonce is the latest blockhash unless the caller gave one
    return calls
        .connected()
        .thenCompose(
            s ->
                calls.onWorker(
                    () ->
                        CapacityDelegation.create(
                            params.nonce().isPresent()
                                ? params
                                : params.withNonce(s.latestBlockhash()))));
  }
}
