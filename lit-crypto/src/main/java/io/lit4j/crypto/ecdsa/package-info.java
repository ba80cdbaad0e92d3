/**
 * Threshold ECDSA (cait-sith, K256) on the client: node shares parsed from each route's spelling
 * ({@link io.lit4j.crypto.ecdsa.EcdsaShareJson}), combined and verified ({@link
 * io.lit4j.crypto.ecdsa.EcdsaShareCombiner}) into an {@link io.lit4j.crypto.ecdsa.EcdsaSignature}
 * shaped like the SDK's result. The node side of the local test network is in {@code
 * io.lit4j.localnet.keys}.
 */
package io.lit4j.crypto.ecdsa;
