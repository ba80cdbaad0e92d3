package io.lit4j.auth.authsig;

import io.lit4j.auth.signer.EthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.constants.LitConstants;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

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
   * Builds a Sign-In with Ethereum (EIP-4361) message for the signer and signs it ({@link
   * #generate(EthSigner, String)}): the login auth sig of an EthWallet auth method. The message
   * starts with the fields JS SDK 4.2.0's {@code EthWalletProvider.authenticate} fills when run
   * outside a browser: {@code address} = the signer's, {@code domain} {@code localhost}, {@code
   * uri} {@code http://localhost}, {@code chainId} 1, {@code issuedAt} now and {@code
   * expirationTime} now + 24 h; {@code message} then sets or overrides any field. Set {@code nonce}
   * to the network's latest block hash (as the SDK does) when nodes will check the sig; otherwise
   * it is random.
   *
   * <pre>{@code
   * AuthSig authSig = AuthSigs.signInWithEthereum(signer, siwe -> siwe
   *     .statement("Sign in to my app").nonce(client.getLatestBlockhash()));
   * }</pre>
   *
   * @param signer the wallet that signs
   * @param message sets the message fields beyond the defaults
   * @return the auth sig over the message's EIP-4361 text
   * @throws LitValidationException when {@code signer} or {@code message} is null
   * @throws io.lit4j.auth.siwe.SiweParseException naming the field when the message is invalid
   */
  public static AuthSig signInWithEthereum(
      EthSigner signer, Consumer<SiweMessage.Builder> message) {
    Args.required(signer, "signer");
    Args.required(message, "message");
    Instant now = Instant.now();
    SiweMessage.Builder b =
        SiweMessage.builder()
            .address(signer.address())
            .domain("localhost")
            .uri("http://localhost")
            .issuedAt(now)
            .expirationTime(now.plus(LitConstants.WALLET_SIG_DEFAULT_TTL));
    message.accept(b);
    return generate(signer, b.build().prepareMessage());
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
