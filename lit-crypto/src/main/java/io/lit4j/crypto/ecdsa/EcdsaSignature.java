package io.lit4j.crypto.ecdsa;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.eth.internal.K256;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * A combined ECDSA (K256) signature, as the SDK's {@code getSignatures} returns it: {@code {r, s,
 * recid, signature, publicKey, dataSigned}}. Always low-s.
 *
 * @param r the signature's r, {@code x(R) mod n}
 * @param s the signature's s, low ({@code ≤ n/2})
 * @param recid the recovery id, 0 or 1 ({@code v = 27 + recid})
 * @param publicKey the key it verifies against
 * @param dataSigned the 32-byte digest that was signed
 * @param publicKeyHex the public key as the nodes wrote it, quotes removed (the SDK's {@code
 *     publicKey}: uppercase for pkpSign and execute, lowercase for sessions)
 * @param dataSignedHex the digest as the nodes wrote it, quotes removed (the SDK's {@code
 *     dataSigned})
 */
public record EcdsaSignature(
    BigInteger r,
    BigInteger s,
    int recid,
    Secp256k1PublicKey publicKey,
    byte[] dataSigned,
    String publicKeyHex,
    String dataSignedHex) {

  /**
   * Checks ranges and forms; it does not verify (the combiner does, and {@link #verify()} can).
   *
   * @param r the signature's r, {@code x(R) mod n}
   * @param s the signature's s, low ({@code ≤ n/2})
   * @param recid the recovery id, 0 or 1 ({@code v = 27 + recid})
   * @param publicKey the key it verifies against
   * @param dataSigned the 32-byte digest that was signed
   * @param publicKeyHex the public key as the nodes wrote it, quotes removed (the SDK's {@code
   *     publicKey}: uppercase for pkpSign and execute, lowercase for sessions)
   * @param dataSignedHex the digest as the nodes wrote it, quotes removed (the SDK's {@code
   *     dataSigned})
   * @throws LitValidationException for missing parts, a wrong digest length or recid
   * @throws LitCryptoException for r or s out of range or a high s
   */
  public EcdsaSignature {
    if (r == null || !K256.isNonZeroScalar(r)) throw new LitCryptoException("r must be 1 ≤ r < n");
    if (s == null || !K256.isNonZeroScalar(s)) throw new LitCryptoException("s must be 1 ≤ s < n");
    if (s.compareTo(K256.HALF_N) > 0)
      throw new LitCryptoException("s is high (s > n/2): a combined signature is always low-s");
    if (recid != 0 && recid != 1)
      throw new LitValidationException("recid must be 0 or 1, got " + recid);
    if (publicKey == null) throw new LitValidationException("publicKey is missing");
    if (dataSigned == null || dataSigned.length != 32) {
      throw new LitValidationException(
          "dataSigned must be 32 bytes, got " + (dataSigned == null ? "none" : dataSigned.length));
    }
    dataSigned = dataSigned.clone();
    if (publicKeyHex == null) throw new LitValidationException("publicKeyHex is missing");
    if (!Secp256k1PublicKey.fromHex(publicKeyHex, "publicKeyHex").equals(publicKey)) {
      throw new LitValidationException("publicKeyHex does not spell publicKey");
    }
    if (dataSignedHex == null) throw new LitValidationException("dataSignedHex is missing");
    if (!Arrays.equals(Hex.decode(dataSignedHex, "dataSignedHex"), dataSigned)) {
      throw new LitValidationException("dataSignedHex does not spell dataSigned");
    }
  }

  /**
   * {@return a signature with lowercase hex forms (uncompressed key, no {@code 0x})}
   *
   * @param r the signature's r
   * @param s the signature's s
   * @param recid the recovery id, 0 or 1
   * @param publicKey the key the signature verifies under
   * @param dataSigned the 32-byte signed digest
   * @throws LitValidationException for missing parts
   * @throws LitCryptoException for r or s out of range or a high s
   */
  public static EcdsaSignature of(
      BigInteger r, BigInteger s, int recid, Secp256k1PublicKey publicKey, byte[] dataSigned) {
    if (publicKey == null) throw new LitValidationException("publicKey is missing");
    if (dataSigned == null) throw new LitValidationException("dataSigned is missing");
    return new EcdsaSignature(
        r, s, recid, publicKey, dataSigned, publicKey.hex(), Hex.encode(dataSigned));
  }

  /**
   * The 32-byte signed digest (a fresh copy).
   *
   * @return the digest
   */
  @Override
  public byte[] dataSigned() {
    return dataSigned.clone();
  }

  /** {@return {@code 27 + recid}} */
  public int v() {
    return 27 + recid;
  }

  /**
   * r as 64 lowercase hex digits (the SDK's {@code r}).
   *
   * @return r, hex
   */
  public String rHex() {
    return Hex.encode(K256.to32(r));
  }

  /**
   * s as 64 lowercase hex digits (the SDK's {@code s}).
   *
   * @return s, hex
   */
  public String sHex() {
    return Hex.encode(K256.to32(s));
  }

  /**
   * {@return the 65 bytes {@code r ‖ s ‖ v} with {@code v = 27 + recid} (ethers {@code
   * joinSignature})}
   */
  public byte[] signature() {
    byte[] out = new byte[65];
    System.arraycopy(K256.to32(r), 0, out, 0, 32);
    System.arraycopy(K256.to32(s), 0, out, 32, 32);
    out[64] = (byte) v();
    return out;
  }

  /**
   * {@return {@code 0x} + 130 lowercase hex digits of {@link #signature()} (the SDK's {@code
   * signature})}
   */
  public String signatureHex() {
    return Hex.encode0x(signature());
  }

  /**
   * The address recovered from {@link #signature()} over {@code dataSigned}; equals {@code
   * publicKey().ethAddress()} for a valid signature.
   *
   * @return the recovered address
   * @throws LitCryptoException when no key recovers
   */
  public EthAddress recoverAddress() {
    return EthSignatures.recoverAddress(dataSigned, signature());
  }

  /**
   * {@return true when (r, s) verifies over {@code dataSigned} against {@code publicKey} and recid
   * recovers it}
   */
  public boolean verify() {
    if (!EthSignatures.verify(dataSigned, r, s, publicKey)) return false;
    try {
      return EthSignatures.recover(dataSigned, r, s, recid).equals(publicKey);
    } catch (LitCryptoException e) {
      return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcdsaSignature x
        && r.equals(x.r)
        && s.equals(x.s)
        && recid == x.recid
        && publicKey.equals(x.publicKey)
        && Arrays.equals(dataSigned, x.dataSigned)
        && publicKeyHex.equals(x.publicKeyHex)
        && dataSignedHex.equals(x.dataSignedHex);
  }

  @Override
  public int hashCode() {
    return 31 * r.hashCode() + s.hashCode();
  }

  @Override
  public String toString() {
    return "EcdsaSignature[signature="
        + signatureHex()
        + ", publicKey="
        + publicKey.hex()
        + ", dataSigned="
        + Hex.encode(dataSigned).toLowerCase(Locale.ROOT)
        + "]";
  }
}
