package io.lit4j.crypto.ecdsa;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.eth.internal.K256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Combines cait-sith K256 signature shares into one ECDSA signature, as the v4 SDK's {@code
 * combineEcdsaShares} (ecdsa WASM {@code combine_signature}) does: {@code s = Σ sᵢ mod n} (nodes
 * already applied their Lagrange coefficients), low-s, {@code r = x(R) mod n}, recid from R's y
 * parity flipped when s was negated; the result must verify against the shares' public key.
 *
 * <p>Stricter than the SDK, which silently takes R, digest and key from the first share: here all
 * shares must agree on them, no share may repeat, and failures name the problem.
 */
public final class EcdsaShareCombiner {
  private EcdsaShareCombiner() {}

  /**
   * Combines the non-empty shares of one signature.
   *
   * @param shares the shares of the nodes in the signing subset (empty shares already left out)
   * @param threshold the network's threshold ({@code minNodeCount}); fewer shares is an error
   * @return the verified, low-s signature; hex forms from the first share by {@code shareIndex}
   * @throws LitValidationException for a null list or element, or threshold below 1
   * @throws LitCryptoException with errorCode {@code NoValidShares} for too few shares, {@code
   *     UnknownSignatureType} for P-256 shares, {@code UnknownSignatureError} for shares that
   *     disagree, repeat or do not combine into a valid signature
   */
  public static EcdsaSignature combine(List<EcdsaSignatureShare> shares, int threshold) {
    if (shares == null) throw new LitValidationException("shares are missing");
    if (threshold < 1)
      throw new LitValidationException("threshold must be at least 1, got " + threshold);
    for (int i = 0; i < shares.size(); i++) {
      if (shares.get(i) == null) throw new LitValidationException("shares[" + i + "] is missing");
    }
    if (shares.size() < threshold) {
      throw error(
          LitErrorCode.NO_VALID_SHARES,
          "need at least "
              + threshold
              + " ECDSA signature shares, got "
              + shares.size()
              + " (nodes outside the signing subset send empty shares and do not count)");
    }
    List<EcdsaSignatureShare> sorted = new ArrayList<>(shares);
    sorted.sort(
        Comparator.comparingInt(EcdsaSignatureShare::shareIndex)); // stable, as the SDK's sort
    EcdsaSignatureShare first = sorted.get(0);

    Map<BigInteger, Integer> seen = new HashMap<>();
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < sorted.size(); i++) {
      EcdsaSignatureShare sh = sorted.get(i);
      String where = "share " + i + " (" + sh.sigName() + ")";
      if (!sh.sigType().isK256()) {
        throw error(
            LitErrorCode.UNKNOWN_SIGNATURE_TYPE,
            where
                + " has sigType "
                + sh.sigType().wireName()
                + ": only K256 shares can be combined (P-256 never combines in SDK 4.2.0)");
      }
      if (!Arrays.equals(sh.bigR(), first.bigR())) {
        throw error(
            LitErrorCode.UNKNOWN_SIGNATURE_ERROR,
            where
                + " has big R "
                + Hex.encode(sh.bigR())
                + " but share 0 has "
                + Hex.encode(first.bigR())
                + ": the shares come from different signing sessions");
      }
      if (!Arrays.equals(sh.dataSigned(), first.dataSigned())) {
        throw error(
            LitErrorCode.UNKNOWN_SIGNATURE_ERROR,
            where
                + " signed "
                + Hex.encode(sh.dataSigned())
                + " but share 0 signed "
                + Hex.encode(first.dataSigned())
                + ": mixed digests");
      }
      if (!sh.publicKey().equals(first.publicKey())) {
        throw error(
            LitErrorCode.UNKNOWN_SIGNATURE_ERROR,
            where
                + " is for public key "
                + sh.publicKey().hex()
                + " but share 0 is for "
                + first.publicKey().hex()
                + ": mixed keys");
      }
      Integer dup = seen.putIfAbsent(sh.signatureShare(), i);
      if (dup != null) {
        throw error(
            LitErrorCode.UNKNOWN_SIGNATURE_ERROR,
            where
                + " repeats the signature share of share "
                + dup
                + ": the same node's response was counted twice");
      }
      sum = sum.add(sh.signatureShare());
    }
    BigInteger s = sum.mod(K256.N);
    if (s.signum() == 0)
      throw error(LitErrorCode.UNKNOWN_SIGNATURE_ERROR, "the signature shares sum to zero");

    var bigR = K256.decodePoint(first.bigR(), "bigR");
    BigInteger rx = bigR.getAffineXCoord().toBigInteger();
    if (rx.compareTo(K256.N) >= 0) {
      throw error(
          LitErrorCode.UNKNOWN_SIGNATURE_ERROR,
          "x(R) is not below n: recid cannot be expressed as v = 27 or 28");
    }
    BigInteger r = rx;
    Secp256k1PublicKey pk = first.publicKey();
    byte[] digest = first.dataSigned();
    // s·R = z·G + r·Q, i.e. R = (z/s)·G + (r/s)·Q: one double multiplication checks the signature
    // and
    // the parity of R at once, so recovering the key (a square root and another multiplication) is
    // not needed
    boolean valid = false;
    if (r.signum() > 0) {
      BigInteger w = s.modInverse(K256.N);
      BigInteger z = new BigInteger(1, digest).mod(K256.N);
      ECPoint q = K256.decodePoint(pk.uncompressed(), "publicKey");
      ECPoint expected =
          ECAlgorithms.sumOfTwoMultiplies(
              K256.G, z.multiply(w).mod(K256.N), q, r.multiply(w).mod(K256.N));
      valid = expected.normalize().equals(bigR);
    }
    int recid = bigR.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
    if (s.compareTo(K256.HALF_N) > 0) {
      s = K256.N.subtract(s);
      recid ^= 1;
    }
    if (!valid) {
      throw error(
          LitErrorCode.UNKNOWN_SIGNATURE_ERROR,
          "the "
              + sorted.size()
              + " combined shares (threshold "
              + threshold
              + ") do not give a valid signature by "
              + pk.hex()
              + " over "
              + Hex.encode(digest)
              + ": a share is wrong or missing (every node of the signing subset is needed)");
    }
    return new EcdsaSignature(r, s, recid, pk, digest, first.publicKeyHex(), first.dataSignedHex());
  }

  private static LitCryptoException error(LitErrorCode code, String message) {
    return LitException.builder().message(message).errorCode(code).buildCrypto();
  }
}
