package io.lit4j.node;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.EthSigner;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.LitChains;

/**
 * Produces the wallet auth sig that delegates to a session key ({@code authNeededCallback} in the
 * JS SDK): it signs a SIWE whose {@code uri}, {@code nonce} and {@code expiration} come from the
 * {@link AuthCallbackParams}. {@code getSessionSigs} calls it only when no stored wallet sig is
 * still valid for the request.
 *
 * <p>It runs on a client worker thread and may block (a wallet prompt, a KMS call, a {@code
 * signSessionKey} round trip).
 */
@FunctionalInterface
public interface AuthNeededCallback {

  /**
   * {@return the auth sig for these parameters}
   *
   * @param params what the SIWE must say
   * @throws io.lit4j.core.errors.LitException to abort {@code getSessionSigs} with that error
   */
  AuthSig authNeeded(AuthCallbackParams params);

  /**
   * A callback for an EOA: builds the SIWE with its ReCap from the parameters (domain {@code
   * localhost}) and signs it (EIP-191) with {@code signer}.
   *
   * @param signer the wallet that signs
   * @return the callback
   * @throws LitValidationException if {@code signer} is null
   */
  static AuthNeededCallback ethWallet(EthSigner signer) {
    return ethWallet(signer, "localhost");
  }

  /**
   * As {@link #ethWallet(EthSigner)} with the SIWE {@code domain} given.
   *
   * @param signer the wallet that signs
   * @param domain the SIWE domain
   * @return the callback
   * @throws LitValidationException if {@code signer} or {@code domain} is null or empty
   */
  static AuthNeededCallback ethWallet(EthSigner signer, String domain) {
    if (signer == null) throw new LitValidationException("signer is missing");
    if (domain == null || domain.isEmpty()) throw new LitValidationException("domain is missing");
    return p ->
        SessionSiwe.builder()
            .domain(domain)
            .address(signer.address())
            .uri(p.uri())
            .nonce(p.nonce())
            .expiration(p.expiration())
            .chainId(LitChains.find(p.chain()).map(c -> c.evmChainId().orElse(1L)).orElse(1L))
            .resourceAbilityRequests(p.resourceAbilityRequests())
            .buildAndSign(signer);
  }
}
