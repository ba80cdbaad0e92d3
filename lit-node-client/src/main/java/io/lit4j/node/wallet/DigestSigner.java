package io.lit4j.node.wallet;

import io.lit4j.auth.signer.EthSigner;
import io.lit4j.core.errors.LitValidationException;
import java.util.concurrent.CompletableFuture;

/**
 * Signs a 32-byte digest with secp256k1, as it is (no prefix, no hashing). This is the one seam
 * between where a key lives (a PKP behind the Lit nodes, a local key, a KMS) and the Ethereum
 * encodings built on top of it by {@link DigestEthSigner}.
 *
 * <p>The answer is 65 bytes {@code r ‖ s ‖ v} with {@code v} ∈ {27, 28}; {@link DigestEthSigner}
 * checks every answer against the expected address before using it, so an implementation does not
 * have to.
 */
@FunctionalInterface
public interface DigestSigner {

  /**
   * Signs {@code digest}.
   *
   * @param digest 32 bytes
   * @return a future of 65 bytes {@code r ‖ s ‖ v}, {@code v} ∈ {27, 28}; it fails with a {@link
   *     io.lit4j.core.errors.LitException} when the key cannot sign
   */
  CompletableFuture<byte[]> signDigestAsync(byte[] digest);

  /**
   * A digest signer over any {@link EthSigner} (for example a {@code Web3jEthSigner} holding a
   * local key), calling its blocking {@link EthSigner#signDigest(byte[])}.
   *
   * @param signer the signer to wrap
   * @return the digest signer
   * @throws LitValidationException if {@code signer} is null
   */
  static DigestSigner of(EthSigner signer) {
    if (signer == null) throw new LitValidationException("signer is missing");
    return digest -> {
      try {
        return CompletableFuture.completedFuture(signer.signDigest(digest));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }
}
