package io.lit4j.auth.signer;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** EIP-191 personal-message digests and signer recovery (what ethers' {@code verifyMessage} does). */
public final class EthSignatures {
  private EthSignatures() {}

  /** {@code keccak256("\x19Ethereum Signed Message:\n" + len + message)} of the UTF-8 bytes of {@code message}. */
  public static byte[] eip191Digest(String message) {
    return Sign.getEthereumMessageHash(message.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses a 65-byte signature {@code r ‖ s ‖ v} from hex (optional {@code 0x}); {@code v} may be
   * 0/1 or 27/28.
   *
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
   * no address can be recovered.
   *
   * @throws LitValidationException when the signature is not 65 bytes of hex
   */
  public static Optional<String> recoverPersonalMessageSigner(String message, String sigHex) {
    Sign.SignatureData sd = parseSignature(sigHex, "sig");
    try {
      BigInteger pub = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), sd);
      return Optional.of(Keys.toChecksumAddress(Keys.getAddress(pub)));
    } catch (SignatureException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The EIP-55 checksummed spelling of a 20-byte hex address (optional {@code 0x}). */
  public static String toChecksumAddress(String address) {
    Hex.decode(address, 20, "address");
    return Keys.toChecksumAddress(Hex.strip0x(address).toLowerCase(java.util.Locale.ROOT));
  }

  /** True when {@code address} is {@code 0x} + 40 hex in exactly its EIP-55 spelling. */
  public static boolean isEip55(String address) {
    if (address == null || address.length() != 42 || !address.startsWith("0x") || !Hex.isHex(address)) return false;
    return Keys.toChecksumAddress(address.substring(2).toLowerCase(java.util.Locale.ROOT)).equals(address);
  }
}
