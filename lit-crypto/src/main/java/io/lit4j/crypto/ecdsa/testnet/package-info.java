/**
 * Test-network material: the node side of threshold ECDSA for lit-localnet, pure cryptography.
 *
 * <p>Real v4 nodes run the cait-sith protocol among themselves. The local network instead follows
 * a recipe that needs no inter-node messages yet gives clients exactly what real nodes give them
 * (node-behavior.md §6.5):
 *
 * <ul>
 *   <li>{@link io.lit4j.crypto.ecdsa.testnet.K256KeyDealer} deals t-of-n Shamir shares of the
 *       ordered K256 root keys (seedable, so a network can be rebuilt); a node's share of an HD
 *       key is the HD polynomial over its root shares;
 *   <li>{@link io.lit4j.crypto.ecdsa.SigningSubset} picks the t signing nodes (the real nodes' rule) from the
 *       message and request id, the same on every node;
 *   <li>{@link io.lit4j.crypto.ecdsa.testnet.SimulatedEcdsaSigner} derives the nonce every node
 *       agrees on from a network secret, the request id, the digest and the key, and returns each
 *       node's Lagrange-weighted share {@code sᵢ = λᵢ·k·(h + r·xᵢ)}, so clients only sum.
 * </ul>
 *
 * <p><b>Not for production.</b> Every node knows the nonce, so anyone holding the network secret
 * and one node's share can compute that node's key share. This is fine for a local test network
 * and nothing else.
 */
package io.lit4j.crypto.ecdsa.testnet;
