/**
 * The chain side of lit-localnet: a local anvil chain ({@link io.lit4j.localnet.chain.Anvil}) and
 * lit4j's own minimal Lit contracts ({@link io.lit4j.localnet.chain.LitDeployer}).
 *
 * <p>The contracts (Solidity under {@code lit-localnet/src/main/solidity}, compiled by the build
 * with npm {@code solc@0.8.28}) keep the ABI of the Lit contracts the JS SDK v4 uses: Staking,
 * PubkeyRouter, PKPNFT, PKPPermissions, PKPHelper and RateLimitNFT, plus a KeyDeriver that derives
 * PKP keys with Lit's HD rule in pure Solidity (Chronicle's key-derivation precompile does not
 * exist on anvil). A PKP key is {@code Σ kⁱ·rootᵢ} over the deployment's root keys, with {@code k =
 * hash_to_field(derivedKeyId)}, so whoever knows the root secrets (the simulated nodes) can sign
 * for every PKP.
 *
 * <pre>{@code
 * try (Anvil anvil = Anvil.start()) {
 *   LitDeploymentSpec spec = LitDeploymentSpec.builder()
 *       .validator(LitValidator.of(nodeWallet.getAddress(), "127.0.0.1", 7470))
 *       .rootKey(root0).rootKey(root1).rootKey(root2)
 *       .build();
 *   LitContractAddresses addresses = new LitDeployer(anvil).deploy(spec).addresses();
 * }
 * }</pre>
 */
package io.lit4j.localnet.chain;
