/**
 * A PKP as an Ethereum wallet for web3j: {@link io.lit4j.node.wallet.PkpEthSigner} signs EIP-191
 * messages, EIP-712 typed data and transactions through {@code pkpSign}; {@link
 * io.lit4j.node.wallet.PkpTransactionManager} lets web3j contract wrappers and {@code Transfer}
 * send from the PKP. {@link io.lit4j.node.wallet.DigestEthSigner} is the same signing over any
 * {@link io.lit4j.node.wallet.DigestSigner} (a local key, a KMS).
 */
package io.lit4j.node.wallet;
