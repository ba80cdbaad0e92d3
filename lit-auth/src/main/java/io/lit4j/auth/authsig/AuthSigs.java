package io.lit4j.auth.authsig;

import io.lit4j.auth.signer.EthSigner;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthSignatures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Makes and checks EOA auth sigs. */
public final class AuthSigs {
  private AuthSigs() {}

  /**
   * Signs {@code message} (normally SIWE text) as an EIP-191 personal message: {@code {sig:"0x<130
   * hex>", derivedVia:"web3.eth.personal.sign", signedMessage, address:<EIP-55>}}, the shape the v4
   * auth callbacks and {@code EthWalletProvider.authenticate} produce.
   *
   * @param signer the wallet that signs
   * @param message the text to sign, normally a SIWE message
   * @return the auth sig with the signer's address
   */
  public static AuthSig generate(EthSigner signer, String message) {
    Args.required(signer, "signer");
    if (message == null) throw new LitValidationException("message is missing");
    byte[] sig = signer.signPersonalMessage(message.getBytes(StandardCharsets.UTF_8));
    checkSignatureShape(sig);
    return AuthSig.of(Hex.encode0x(sig), AuthSig.DERIVED_VIA_WALLET, message, signer.address());
  }

  /**
   * {@return the address recovered from the auth sig's EIP-191 signature over its {@code
   * signedMessage}}
   *
   * @param authSig the auth sig to check
   * @throws LitValidationException when {@code sig} is not a 65-byte hex signature
   */
  public static Optional<String> recoverSigner(AuthSig authSig) {
    Args.required(authSig, "authSig");
    return EthSignatures.findPersonalSignAddress(authSig.signedMessage(), authSig.sig())
        .map(EthAddress::checksummed);
  }

  /**
   * Checks that the EIP-191 signature recovers to the auth sig's {@code address} (compared
   * case-insensitively, as the node parses addresses).
   *
   * @param authSig the auth sig to check
   * @throws LitAuthException when it does not
   * @throws LitValidationException when {@code sig} or {@code address} is malformed
   */
  public static void verifyEip191(AuthSig authSig) {
    Args.required(authSig, "authSig");
    Hex.decode(authSig.address(), 20, "authSig.address");
    String recovered =
        recoverSigner(authSig)
            .orElseThrow(() -> new LitAuthException("authSig.sig does not recover to any address"));
    if (!recovered.equalsIgnoreCase("0x" + Hex.strip0x(authSig.address()))) {
      throw new LitAuthException(
          "authSig.sig was made by " + recovered + ", not by authSig.address " + authSig.address());
    }
  }

  static void checkSignatureShape(byte[] sig) {
    if (sig == null || sig.length != 65) {
      throw new LitValidationException(
          "signer returned "
              + (sig == null ? "no signature" : sig.length + " bytes")
              + ", expected 65 (r‖s‖v)");
    }
  }
}
