/**
 * The Lit node client and everything a caller passes to it or gets back: {@link
 * io.lit4j.node.LitNodeClient} (made by {@link io.lit4j.node.LitNodeClient#create} or {@link
 * io.lit4j.node.LitNodeClient#builder()}), its settings ({@link io.lit4j.node.LitNodeClientConfig},
 * {@link io.lit4j.node.RetryPolicy}, where nodes come from: {@link io.lit4j.node.ValidatorSource}),
 * one {@code XxxRequest} per operation (built with a builder, auth given as {@link
 * io.lit4j.node.NodeAuth}) and its {@code XxxResponse}, the session key stores, and {@link
 * io.lit4j.node.LitActionException}. Coded node errors are {@link
 * io.lit4j.core.errors.LitNodeException}s keeping {@code errorKind}, {@code errorCode}, status,
 * request id and details.
 *
 * <p>Other public packages: {@code io.lit4j.node.transport} (the HTTP seam), {@code
 * io.lit4j.node.handshake} (node attestation) and {@code io.lit4j.node.wallet} (a PKP as a web3j
 * signer). Packages under {@code io.lit4j.node.internal} are not API.
 */
package io.lit4j.node;
