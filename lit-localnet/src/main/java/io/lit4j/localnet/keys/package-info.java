/**
 * Test-network key dealing for lit-localnet's simulated nodes, pure cryptography. Real networks
 * never have a dealer and the SDK never needs these classes; they live here so that no production
 * jar ships them.
 *
 * <ul>
 *   <li>{@link io.lit4j.localnet.keys.BlsDealer} splits one BLS network key into t-of-n Shamir
 *       shares (seedable, so a network can restart with the same key);
 *   <li>{@link io.lit4j.localnet.keys.K256KeyDealer} deals t-of-n Shamir shares of the ordered K256
 *       root keys; a node's share of an HD key is the HD polynomial over its root shares;
 *   <li>the t signing nodes come from {@link io.lit4j.crypto.ecdsa.SigningSubset}, the real nodes'
 *       rule in lit-crypto (clients predict it too);
 *   <li>{@link io.lit4j.localnet.keys.SimulatedEcdsaSigner} derives the nonce every node agrees on
 *       from a network secret, the request id, the digest and the key, and returns each node's
 *       Lagrange-weighted share {@code sᵢ = λᵢ·k·(h + r·xᵢ)}, so clients only sum (node-behavior.md
 *       §6.5).
 * </ul>
 *
 * <p><b>Not for production.</b> Every node knows the nonce, so anyone holding the network secret
 * and one node's share can compute that node's key share. This is fine for a local test network and
 * nothing else.
 */
package io.lit4j.localnet.keys;
