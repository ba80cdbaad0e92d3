package io.lit4j.auth.signer;

/**
 * An Ethereum account that can sign: a local key, a KMS, a hardware wallet. lit4j only needs its
 * address and secp256k1 signatures; implementations keep the key wherever they like.
 *
 * <p>Signatures are 65 bytes {@code r ‖ s ‖ v} with {@code v} = 27 or 28 (what {@code
 * personal_sign} and ethers' {@code signMessage} return).
 */
public interface EthSigner {

  /** {@return the account address, {@code 0x} + 40 hex, EIP-55 checksummed} */
  String address();

  /**
   * Signs {@code message} as an EIP-191 personal message: the signature covers {@code
   * keccak256("\x19Ethereum Signed Message:\n" + len(message) + message)}.
   *
   * @param message the message bytes (not hashed)
   * @return 65 bytes {@code r ‖ s ‖ v}, {@code v} ∈ {27, 28}
   */
  byte[] signPersonalMessage(byte[] message);

  /**
   * Signs a 32-byte digest as it is (no prefix, no hashing).
   *
   * @param digest the 32-byte digest
   * @return 65 bytes {@code r ‖ s ‖ v}, {@code v} ∈ {27, 28}
   */
  byte[] signDigest(byte[] digest);
}
