package io.lit4j.auth.signer;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthHash;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.Sign;

/**
 * EIP-191 personal-message digests and signer recovery (what ethers' {@code verifyMessage} does),
 * in the shapes lit-auth's SIWE and auth-sig code use. The hashing, recovery and EIP-55 spelling
 * are lit-crypto's ({@link EthHash}, {@link io.lit4j.crypto.eth.EthSignatures}, {@link EthAddress});
 * this class only adds the lenient rules of ethers: a high-s signature is accepted, and a
 * signature that recovers no key is "no signer" rather than an error.
 */
public final class EthSignatures {
  private EthSignatures() {}

  /**
   * {@code keccak256("\x19Ethereum Signed Message:\n" + len + message)} of the UTF-8 bytes of
   * {@code message} (ethers {@code hashMessage}).
   *
   * @param message the text that is signed
   * @return the 32-byte digest
   * @throws LitValidationException when {@code message} is null
   */
  public static byte[] eip191Digest(String message) {
    return EthHash.personalMessageHash(message);
  }

  /**
   * Parses a 65-byte signature {@code r ‖ s ‖ v} from hex (optional {@code 0x}); {@code v} may be
   * 0/1 or 27/28.
   *
   * @param sigHex the signature, hex
   * @param field names the value in error messages
   * @return the signature parts
   * @throws LitValidationException naming {@code field} when it is not 65 bytes of hex or v is bad
   */
  public static Sign.SignatureData parseSignature(String sigHex, String field) {
    byte[] sig = Hex.decode(sigHex, field);
    if (sig.length != 65) throw new LitValidationException(field + " must be a 65-byte signature r‖s‖v, got " + sig.length + " bytes");
    int v = sig[64] & 0xff;
    if (v < 27) v += 27;
    if (v != 27 && v != 28) throw new LitValidationException(field + " has recovery byte v=" + (sig[64] & 0xff) + ", expected 0, 1, 27 or 28");
    return new Sign.SignatureData((byte) v, Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
  }

  /**
   * The EIP-55 address that signed {@code message} as an EIP-191 personal message, or empty when
   * no address can be recovered (r or s out of range, r not on the curve).
   *
   * @param message the text that was signed
   * @param sigHex the 65-byte signature, hex
   * @return the signer's EIP-55 address, or empty
   * @throws LitValidationException when the message is missing or the signature is not 65 bytes of hex
   */
  public static Optional<String> recoverPersonalMessageSigner(String message, String sigHex) {
    byte[] digest = EthHash.personalMessageHash(message);
    Sign.SignatureData sd = parseSignature(sigHex, "sig");
    byte[] sig = new byte[65];
    System.arraycopy(sd.getR(), 0, sig, 0, 32);
    System.arraycopy(sd.getS(), 0, sig, 32, 32);
    sig[64] = sd.getV()[0];
    try {
      return Optional.of(io.lit4j.crypto.eth.EthSignatures.recoverPublicKeyAcceptingHighS(digest, sig).ethAddress().checksummed());
    } catch (LitCryptoException e) {
      return Optional.empty();
    }
  }

  /**
   * {@return the EIP-55 checksummed spelling of a 20-byte hex address (optional {@code 0x}, any
   * case)}
   *
   * @param address the address, hex
   * @throws LitValidationException when it is not 20 bytes of hex
   */
  public static String toChecksumAddress(String address) {
    return new EthAddress(Hex.decode(address, 20, "address")).checksummed();
  }

  /**
   * {@return true when {@code address} is {@code 0x} + 40 hex in exactly its EIP-55 spelling}
   *
   * @param address the address to check
   */
  public static boolean isEip55(String address) {
    if (address == null || address.length() != 42 || !address.startsWith("0x") || !Hex.isHex(address)) return false;
    return toChecksumAddress(address).equals(address);
  }
}
