package io.lit4j.crypto.ecdsa;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.eth.internal.K256;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * One node's share of a threshold ECDSA (cait-sith, K256) signature, as parsed from a node response
 * by {@link EcdsaShareJson} (or made by the test network). The node has already weighted it by its
 * Lagrange coefficient, so the client only adds shares ({@link EcdsaShareCombiner}).
 *
 * @param sigType the signature type
 * @param dataSigned the 32-byte digest that was signed (below the group order n)
 * @param signatureShare this node's sᵢ, a scalar below n
 * @param bigR the presignature point R, held compressed (33 bytes; 65 accepted and compressed)
 * @param publicKey the key the signature must verify against
 * @param shareIndex the node's {@code shareIndex} (0 on every real v4 node)
 * @param sigName the signature's name ({@code "sessionSig"}, an action's name, {@code "sig"})
 * @param dataSignedHex {@code dataSigned} as the node wrote it, quotes removed (the SDK returns it
 *     so)
 * @param publicKeyHex {@code publicKey} as the node wrote it, quotes removed (the SDK returns it
 *     so)
 */
public record EcdsaSignatureShare(
    EcdsaSigType sigType,
    byte[] dataSigned,
    BigInteger signatureShare,
    byte[] bigR,
    Secp256k1PublicKey publicKey,
    int shareIndex,
    String sigName,
    String dataSignedHex,
    String publicKeyHex) {

  /**
   * @param sigType the signature type
   * @param dataSigned the 32-byte digest that was signed (below the group order n)
   * @param signatureShare this node's sᵢ, a scalar below n
   * @param bigR the presignature point R, held compressed (33 bytes; 65 accepted and compressed)
   * @param publicKey the key the signature must verify against
   * @param shareIndex the node's {@code shareIndex} (0 on every real v4 node)
   * @param sigName the signature's name ({@code "sessionSig"}, an action's name, {@code "sig"})
   * @param dataSignedHex {@code dataSigned} as the node wrote it, quotes removed (the SDK returns
   *     it so)
   * @param publicKeyHex {@code publicKey} as the node wrote it, quotes removed (the SDK returns it
   *     so)
   * @throws LitValidationException for a missing or malformed part
   * @throws LitCryptoException for R off the curve, or wire hex that disagrees with the values
   */
  public EcdsaSignatureShare {
    if (sigType == null) throw new LitValidationException("sigType is missing");
    if (dataSigned == null || dataSigned.length != 32) {
      throw new LitValidationException(
          "dataSigned must be 32 bytes, got " + (dataSigned == null ? "none" : dataSigned.length));
    }
    dataSigned = dataSigned.clone();
    if (new BigInteger(1, dataSigned).compareTo(K256.N) >= 0) {
      throw new LitValidationException("dataSigned is not below the secp256k1 group order");
    }
    if (signatureShare == null) throw new LitValidationException("signatureShare is missing");
    if (signatureShare.signum() < 0 || signatureShare.compareTo(K256.N) >= 0) {
      throw new LitValidationException(
          "signatureShare is not a scalar below the secp256k1 group order");
    }
    bigR = K256.decodePoint(bigR, "bigR").getEncoded(true);
    if (publicKey == null) throw new LitValidationException("publicKey is missing");
    if (shareIndex < 0)
      throw new LitValidationException("shareIndex must not be negative, got " + shareIndex);
    if (sigName == null) throw new LitValidationException("sigName is missing");
    if (dataSignedHex == null) throw new LitValidationException("dataSignedHex is missing");
    if (!Arrays.equals(Hex.decode(dataSignedHex, "dataSignedHex"), dataSigned)) {
      throw new LitValidationException("dataSignedHex does not spell dataSigned");
    }
    if (publicKeyHex == null) throw new LitValidationException("publicKeyHex is missing");
    if (!Secp256k1PublicKey.fromHex(publicKeyHex, "publicKeyHex").equals(publicKey)) {
      throw new LitValidationException("publicKeyHex does not spell publicKey");
    }
  }

  /**
   * A share with canonical hex forms: uppercase, as nodes write {@code /web/execute} and {@code
   * /web/pkp/sign} values.
   *
   * @param sigType the signature type
   * @param dataSigned the 32-byte digest that was signed
   * @param signatureShare this node's sᵢ
   * @param bigR the presignature point R
   * @param publicKey the key the signature must verify against
   * @param shareIndex the node's share index
   * @param sigName the signature's name
   * @return the share
   * @throws LitValidationException for a missing or malformed part
   */
  public static EcdsaSignatureShare of(
      EcdsaSigType sigType,
      byte[] dataSigned,
      BigInteger signatureShare,
      byte[] bigR,
      Secp256k1PublicKey publicKey,
      int shareIndex,
      String sigName) {
    if (dataSigned == null) throw new LitValidationException("dataSigned is missing");
    if (publicKey == null) throw new LitValidationException("publicKey is missing");
    return new EcdsaSignatureShare(
        sigType,
        dataSigned,
        signatureShare,
        bigR,
        publicKey,
        shareIndex,
        sigName,
        Hex.encode(dataSigned).toUpperCase(Locale.ROOT),
        publicKey.hex().toUpperCase(Locale.ROOT));
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

  /**
   * The presignature point R, compressed (a fresh copy).
   *
   * @return the 33 bytes of R
   */
  @Override
  public byte[] bigR() {
    return bigR.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcdsaSignatureShare s
        && sigType == s.sigType
        && Arrays.equals(dataSigned, s.dataSigned)
        && signatureShare.equals(s.signatureShare)
        && Arrays.equals(bigR, s.bigR)
        && publicKey.equals(s.publicKey)
        && shareIndex == s.shareIndex
        && sigName.equals(s.sigName)
        && dataSignedHex.equals(s.dataSignedHex)
        && publicKeyHex.equals(s.publicKeyHex);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(dataSigned) + signatureShare.hashCode())
        + Arrays.hashCode(bigR);
  }

  @Override
  public String toString() {
    return "EcdsaSignatureShare[sigName="
        + sigName
        + ", sigType="
        + sigType.wireName()
        + ", shareIndex="
        + shareIndex
        + ", dataSigned="
        + Hex.encode(dataSigned)
        + ", bigR="
        + Hex.encode(bigR)
        + ", publicKey="
        + publicKey.hex()
        + "]";
  }
}
