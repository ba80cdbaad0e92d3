/**
 * BLS12-381 as the Lit network uses it in the v4 (habanero / manzano / cayenne) era.
 *
 * <ul>
 *   <li>{@link io.lit4j.crypto.bls.BlsPublicKey}, {@link io.lit4j.crypto.bls.BlsSignature}, {@link
 *       io.lit4j.crypto.bls.BlsSignatureShare}: checked values (G1 keys, G2 signatures, node shares
 *       in their wire form);
 *   <li>{@link io.lit4j.crypto.bls.Bls}: combine shares, verify (proof-of-possession scheme);
 *   <li>{@link io.lit4j.crypto.bls.TimeCrypt}, {@link io.lit4j.crypto.bls.TimeCryptCiphertext}:
 *       identity-based encryption byte-compatible with the SDK's {@code encrypt} / {@code decrypt};
 *   <li>{@link io.lit4j.crypto.bls.BlsJwt}: the tokens of {@code getSignedToken} / {@code
 *       verifyJwt};
 *   <li>{@link io.lit4j.crypto.bls.BlsKeySet}, {@link io.lit4j.crypto.bls.BlsSecretKeyShare}:
 *       <b>test-network material</b>, the shares the simulated nodes of lit-localnet sign with (the
 *       dealer that splits the secret is lit-localnet's {@code io.lit4j.localnet.keys.BlsDealer}).
 * </ul>
 *
 * <p>Everything is a pure function of its inputs (bytes in, bytes out), without I/O.
 */
package io.lit4j.crypto.bls;
