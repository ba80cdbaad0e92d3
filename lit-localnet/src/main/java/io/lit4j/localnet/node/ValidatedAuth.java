package io.lit4j.localnet.node;

import io.lit4j.auth.authsig.AuthSig;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a request's auth material: the wallet sig (the session's capability, or
 * the top-level EOA sig), the user address (or why it could not be established) and, for a session
 * sig, its capabilities (rate limiting re-checks them).
 */
record ValidatedAuth(
    boolean session,
    AuthSig authSig,
    AuthSig walletSig,
    Optional<String> userAddress,
    NodeError userAddressError,
    List<AuthSig> capabilities,
    List<String> resources) {

  ValidatedAuth {
    capabilities = List.copyOf(capabilities);
    resources = List.copyOf(resources);
  }

  /** The user address; throws the node error that prevented establishing it. */
  String requireUserAddress() {
    if (userAddress.isPresent()) return userAddress.get();
    throw userAddressError;
  }
}
