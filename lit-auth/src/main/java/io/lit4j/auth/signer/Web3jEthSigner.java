package io.lit4j.auth.signer;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Bytes;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * An {@link EthSigner} over web3j {@link Credentials} (a private key in memory). Signatures are
 * deterministic (RFC 6979), like ethers' {@code Wallet.signMessage}. {@link #toString()} shows the
 * address only.
 */
public final class Web3jEthSigner implements EthSigner {
  private final Credentials credentials;
  private final String address;

  /**
   * Wraps {@code credentials}.
   *
   * @param credentials the web3j credentials holding the private key
   */
  public Web3jEthSigner(Credentials credentials) {
    this.credentials = Args.required(credentials, "credentials");
    this.address = Keys.toChecksumAddress(credentials.getAddress());
  }

  /**
   * {@return a signer of a hex private key (optional {@code 0x})}
   *
   * @param privateKeyHex the 32-byte private key, hex
   * @throws LitValidationException when the key is not 32 bytes of hex or not in [1, n) (the
   *     message never repeats the key)
   */
  public static Web3jEthSigner fromPrivateKey(String privateKeyHex) {
    byte[] key = io.lit4j.core.util.Hex.decode(privateKeyHex, 32, "privateKey");
    java.math.BigInteger d = new java.math.BigInteger(1, key);
    java.util.Arrays.fill(key, (byte) 0);
    // web3j would fail on 0 (NumberFormatException) and derive a key from d mod n for d >= n
    if (d.signum() == 0 || d.compareTo(SECP256K1_N) >= 0) {
      throw new LitValidationException(
          "privateKey is not a secp256k1 private key: it must be in [1, n)");
    }
    return new Web3jEthSigner(Credentials.create(org.web3j.crypto.ECKeyPair.create(d)));
  }

  private static final java.math.BigInteger SECP256K1_N = org.web3j.crypto.Sign.CURVE_PARAMS.getN();

  @Override
  public String address() {
    return address;
  }

  @Override
  public byte[] signPersonalMessage(byte[] message) {
    Args.required(message, "message");
    return join(Sign.signPrefixedMessage(message, credentials.getEcKeyPair()));
  }

  @Override
  public byte[] signDigest(byte[] digest) {
    if (digest == null || digest.length != 32) {
      throw new LitValidationException(
          "digest must be 32 bytes, got " + (digest == null ? "none" : digest.length));
    }
    return join(Sign.signMessage(digest, credentials.getEcKeyPair(), false));
  }

  private static byte[] join(Sign.SignatureData sd) {
    return Bytes.concat(sd.getR(), sd.getS(), sd.getV());
  }

  @Override
  public String toString() {
    return "Web3jEthSigner[address=" + address + ", privateKey=<redacted>]";
  }
}
