/**
 * Ethereum-side secp256k1 helpers: {@link io.lit4j.crypto.eth.Secp256k1PublicKey} (PKP keys, token
 * ids, addresses), {@link io.lit4j.crypto.eth.EthAddress} (EIP-55), {@link
 * io.lit4j.crypto.eth.EthHash} (Keccak-256, EIP-191 {@code personal_sign}) and {@link
 * io.lit4j.crypto.eth.EthSignatures} (recovery and verification of 65-byte signatures).
 */
package io.lit4j.crypto.eth;
