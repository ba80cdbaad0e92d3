package io.lit4j.node;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.Secp256k1PublicKey;

/**
 * What {@code signSessionKey} returns: the SIWE the PKP signed, as an auth sig {@code {sig: 0x
 * r‖s‖v, derivedVia: "web3.eth.personal.sign via Lit PKP", signedMessage, address: <EIP-55 PKP
 * address>}}, verified to recover to the PKP's address.
 *
 * @param authSig the PKP-signed session capability
 * @param pkpPublicKey the PKP that signed
 */
public record SignSessionKeyResponse(AuthSig authSig, Secp256k1PublicKey pkpPublicKey) {
  /**
   * @param authSig the PKP-signed session capability
   * @param pkpPublicKey the PKP that signed
   * @throws LitValidationException if a part is missing
   */
  public SignSessionKeyResponse {
    if (authSig == null) throw new LitValidationException("authSig is missing");
    if (pkpPublicKey == null) throw new LitValidationException("pkpPublicKey is missing");
  }
}
