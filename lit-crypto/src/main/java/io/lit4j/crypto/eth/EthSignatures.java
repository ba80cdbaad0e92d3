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
 * Recovery and verification of Ethereum-style secp256k1 signatures: 65 bytes
 * {@code r(32) ‖ s(32) ‖ v(1)} with {@code v} ∈ {27, 28} (or {0, 1}) over a 32-byte digest.
 *
 * <p>Only low-s signatures ({@code s ≤ n/2}, EIP-2) are accepted; every mainstream signer, and
 * the Lit combiner, produces them.
 */
public final class EthSignatures {
  private EthSignatures() {}

  /**
   * Recovers the public key that made a 65-byte signature over a 32-byte digest.
   *
   * @param digest the 32-byte digest
   * @param signature 65 bytes {@code r ‖ s ‖ v}
   * @return the public key
   * @throws LitValidationException for a wrong length or a bad {@code v}
   * @throws LitCryptoException when r or s is out of range, s is high, or no key recovers
   */
  public static Secp256k1PublicKey recoverPublicKey(byte[] digest, byte[] signature) {
    return recoverPublicKey(digest, signature, false);
  }

  /**
   * Recovers the public key as {@link #recoverPublicKey(byte[], byte[])} does, but also accepts a
   * high-s signature, as ethers v5 {@code recoverAddress} / {@code verifyMessage} and web3j do
   * (EIP-2 binds transactions, not personal messages): {@code (r, n − s)} with the other recovery
   * id gives the same key.
   *
   * @param digest the 32-byte digest
   * @param signature 65 bytes {@code r ‖ s ‖ v}
   * @return the public key
   * @throws LitValidationException for a wrong length or a bad {@code v}
   * @throws LitCryptoException when r or s is out of range or no key recovers
   */
  public static Secp256k1PublicKey recoverPublicKeyAcceptingHighS(byte[] digest, byte[] signature) {
    return recoverPublicKey(digest, signature, true);
  }

  private static Secp256k1PublicKey recoverPublicKey(byte[] digest, byte[] signature, boolean acceptHighS) {
    if (digest == null || digest.length != 32) {
      throw new LitValidationException(
          "digest must be 32 bytes, got " + (digest == null ? "none" : digest.length));
    }
    if (signature == null || signature.length != 65) {
      throw new LitValidationException(
          "signature must be 65 bytes (r ‖ s ‖ v), got " + (signature == null ? "none" : signature.length));
    }
    int v = signature[64] & 0xff;
    int recid;
    if (v == 27 || v == 28) recid = v - 27;
    else if (v == 0 || v == 1) recid = v;
    else throw new LitValidationException("signature v must be 27 or 28 (or 0 or 1), got " + v);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    if (acceptHighS && s.compareTo(K256.HALF_N) > 0 && s.compareTo(K256.N) < 0) {
      s = K256.N.subtract(s);
      recid ^= 1;
    }
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
   * @throws LitCryptoException when r or s is out of range, s is high, or no key recovers
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
    if (s.compareTo(K256.HALF_N) > 0) {
      throw new LitCryptoException("signature s is high (s > n/2): only low-s signatures (EIP-2) are accepted");
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
   * @throws LitCryptoException when the signature is out of range or high-s
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
   * @throws LitCryptoException when the signature is out of range or high-s
   */
  public static EthAddress recoverPersonalSignAddress(String message, String signatureHex) {
    return recoverAddress(EthHash.personalMessageHash(message), Hex.decode(signatureHex, 65, "signature"));
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
  public static boolean verify(byte[] digest, BigInteger r, BigInteger s, Secp256k1PublicKey publicKey) {
    if (digest == null || digest.length != 32) {
      throw new LitValidationException(
          "digest must be 32 bytes, got " + (digest == null ? "none" : digest.length));
    }
    if (publicKey == null) throw new LitValidationException("publicKey is missing");
    if (r == null || s == null || !K256.isNonZeroScalar(r) || !K256.isNonZeroScalar(s)) return false;
    BigInteger e = new BigInteger(1, digest).mod(K256.N);
    BigInteger w = s.modInverse(K256.N);
    ECPoint q = K256.decodePoint(publicKey.uncompressed(), "publicKey");
    ECPoint x = ECAlgorithms.sumOfTwoMultiplies(K256.G, e.multiply(w).mod(K256.N), q, r.multiply(w).mod(K256.N)).normalize();
    if (x.isInfinity()) return false;
    return x.getAffineXCoord().toBigInteger().mod(K256.N).equals(r);
  }
}
