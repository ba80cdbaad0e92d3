package io.lit4j.crypto.eth;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.internal.K256;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Recovery and verification of Ethereum-style secp256k1 signatures: 65 bytes {@code r(32) ‖ s(32) ‖
 * v(1)} with {@code v} ∈ {27, 28} (or {0, 1}) over a 32-byte digest.
 *
 * <p><b>One rule for high s</b>, the one of ethers 5.7 (what JS SDK 4.2.0 verifies with: {@code
 * verifyMessage}, {@code recoverAddress}): recovery and verification accept a high-s signature
 * ({@code s > n/2}) and give the same signer as its low-s twin {@code (r, n − s)} with the other
 * recovery id. EIP-2 binds transactions, not messages. What lit4j itself produces is always low-s
 * (the share combiner normalizes, as the SDK's does), so only the checks are lenient. lit-auth's
 * SIWE and auth-sig checks use this class, so they follow the same rule.
 */
public final class EthSignatures {
  private EthSignatures() {}

  /**
   * Recovers the public key that made a 65-byte signature over a 32-byte digest; a high s is
   * accepted, as ethers does.
   *
   * @param digest the 32-byte digest
   * @param signature 65 bytes {@code r ‖ s ‖ v}
   * @return the public key
   * @throws LitValidationException for a wrong length or a bad {@code v}
   * @throws LitCryptoException when r or s is out of range or no key recovers
   */
  public static Secp256k1PublicKey recoverPublicKey(byte[] digest, byte[] signature) {
    if (digest == null || digest.length != 32) {
      throw new LitValidationException(
          "digest must be 32 bytes, got " + (digest == null ? "none" : digest.length));
    }
    if (signature == null || signature.length != 65) {
      throw new LitValidationException(
          "signature must be 65 bytes (r ‖ s ‖ v), got "
              + (signature == null ? "none" : signature.length));
    }
    int v = signature[64] & 0xff;
    int recid;
    if (v == 27 || v == 28) recid = v - 27;
    else if (v == 0 || v == 1) recid = v;
    else throw new LitValidationException("signature v must be 27 or 28 (or 0 or 1), got " + v);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    return recover(digest, r, s, recid);
  }

  /**
   * Recovers the public key from (r, s, recid) over a 32-byte digest.
   *
   * @param digest the 32-byte digest
   * @param r the signature's r
   * @param s the signature's s
   * @param recid the recovery id, 0 or 1
   * @return the public key
   * @throws LitValidationException for a wrong digest length or recid
   * @throws LitCryptoException when r or s is out of range or no key recovers
   */
  public static Secp256k1PublicKey recover(byte[] digest, BigInteger r, BigInteger s, int recid) {
    if (digest == null || digest.length != 32) {
      throw new LitValidationException(
          "digest must be 32 bytes, got " + (digest == null ? "none" : digest.length));
    }
    if (recid != 0 && recid != 1) {
      throw new LitValidationException("recid must be 0 or 1, got " + recid);
    }
    if (r == null || !K256.isNonZeroScalar(r)) {
      throw new LitCryptoException("signature r is out of range: must be 1 ≤ r < n");
    }
    if (s == null || !K256.isNonZeroScalar(s)) {
      throw new LitCryptoException("signature s is out of range: must be 1 ≤ s < n");
    }
    byte[] rPoint = new byte[33];
    rPoint[0] = (byte) (0x02 + recid);
    System.arraycopy(K256.to32(r), 0, rPoint, 1, 32);
    ECPoint bigR;
    try {
      bigR = K256.decodePoint(rPoint, "signature r");
    } catch (LitCryptoException e) {
      throw new LitCryptoException("signature r is not the x coordinate of a secp256k1 point");
    }
    BigInteger e = new BigInteger(1, digest).mod(K256.N);
    BigInteger rInv = r.modInverse(K256.N);
    BigInteger u1 = e.negate().multiply(rInv).mod(K256.N);
    BigInteger u2 = s.multiply(rInv).mod(K256.N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(K256.G, u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      throw new LitCryptoException("no public key recovers from this signature");
    }
    return new Secp256k1PublicKey(q.getEncoded(false));
  }

  /**
   * {@return the address that made a 65-byte signature over a 32-byte digest}
   *
   * @param digest the 32-byte digest
   * @param signature 65 bytes {@code r ‖ s ‖ v}
   * @throws LitValidationException for a wrong length or a bad {@code v}
   * @throws LitCryptoException when the signature is out of range
   */
  public static EthAddress recoverAddress(byte[] digest, byte[] signature) {
    return recoverPublicKey(digest, signature).ethAddress();
  }

  /**
   * {@return the address that {@code personal_sign}-ed a text message: ethers {@code
   * verifyMessage}}
   *
   * @param signatureHex {@code 0x} + 130 hex digits
   * @param message the signed text
   * @throws LitValidationException for malformed input
   * @throws LitCryptoException when the signature is out of range
   */
  public static EthAddress recoverPersonalSignAddress(String message, String signatureHex) {
    return recoverAddress(
        EthHash.personalMessageHash(message), Hex.decode(signatureHex, 65, "signature"));
  }

  /**
   * The address that {@code personal_sign}-ed a text message, or empty when the signature recovers
   * no key (r or s out of range, r not on the curve): the "no signer" answer SIWE and auth-sig
   * checks want, where {@link #recoverPersonalSignAddress} throws.
   *
   * @param message the signed text
   * @param signatureHex 65 bytes {@code r ‖ s ‖ v} in hex ({@code 0x} optional), v 0/1 or 27/28
   * @return the signer, or empty
   * @throws LitValidationException when the message is missing, or the signature is not 65 bytes of
   *     hex or has a bad {@code v}
   */
  public static java.util.Optional<EthAddress> findPersonalSignAddress(
      String message, String signatureHex) {
    byte[] digest = EthHash.personalMessageHash(message);
    byte[] signature = Hex.decode(signatureHex, "signature");
    if (signature.length != 65) {
      throw new LitValidationException(
          "signature must be 65 bytes (r ‖ s ‖ v), got " + signature.length + " bytes");
    }
    try {
      return java.util.Optional.of(recoverAddress(digest, signature));
    } catch (LitCryptoException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Plain ECDSA verification of (r, s) over a 32-byte digest (either s accepted).
   *
   * @param digest the 32-byte digest
   * @param r the signature's r
   * @param s the signature's s
   * @param publicKey the key to verify under
   * @return whether the signature is valid
   * @throws LitValidationException for a wrong digest length or missing values
   */
  public static boolean verify(
      byte[] digest, BigInteger r, BigInteger s, Secp256k1PublicKey publicKey) {
    if (digest == null || digest.length != 32) {
      throw new LitValidationException(
          "digest must be 32 bytes, got " + (digest == null ? "none" : digest.length));
    }
    if (publicKey == null) throw new LitValidationException("publicKey is missing");
    if (r == null || s == null || !K256.isNonZeroScalar(r) || !K256.isNonZeroScalar(s))
      return false;
    BigInteger e = new BigInteger(1, digest).mod(K256.N);
    BigInteger w = s.modInverse(K256.N);
    ECPoint q = K256.decodePoint(publicKey.uncompressed(), "publicKey");
    ECPoint x =
        ECAlgorithms.sumOfTwoMultiplies(
                K256.G, e.multiply(w).mod(K256.N), q, r.multiply(w).mod(K256.N))
            .normalize();
    if (x.isInfinity()) return false;
    return x.getAffineXCoord().toBigInteger().mod(K256.N).equals(r);
  }
}
