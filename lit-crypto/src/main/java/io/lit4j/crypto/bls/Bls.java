package io.lit4j.crypto.bls;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.internal.BlsPoints;
import io.lit4j.crypto.bls.internal.ShareSum;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * BLS12-381 threshold signatures as the Lit network makes them (blsful {@code Bls12381G2Impl},
 * proof-of-possession scheme): public keys in G1, signatures and shares in G2, messages hashed with
 * DST {@value #POP_SIGNATURE_DST}.
 *
 * <p>Pure functions; thread-safe.
 *
 * <pre>{@code
 * List<BlsSignatureShare> shares = responses.stream()
 *     .map(r -> BlsSignatureShare.fromJson(r.get("signatureShare"))).toList();
 * BlsSignature sig = Bls.combineAndVerify(networkKey, identity, shares);
 * }</pre>
 */
public final class Bls {
  /**
   * Hash-to-curve DST of signatures in the proof-of-possession scheme, the one every v4 signature
   * uses.
   */
  public static final String POP_SIGNATURE_DST = BlsPoints.POP_SIGNATURE_DST;

  /** The order r of the BLS12-381 groups: secret keys and shares are scalars below it. */
  public static final java.math.BigInteger SCALAR_ORDER = BlsPoints.R;

  private Bls() {}

  /**
   * Combines signature shares into the network signature: Lagrange interpolation at 0 over the
   * share identifiers, mod r (vsss-rs {@code combine_shares_group}). Order does not matter. Like
   * the official WASM, this does not know the threshold: fewer shares than the threshold combine to
   * a point that then fails {@link #verify}; use {@link #combineAndVerify} to catch that.
   *
   * @param shares at least threshold shares with distinct identifiers
   * @return the combined signature
   * @throws LitValidationException when the list is missing, holds fewer than 2 shares, or holds
   *     two shares with the same identifier
   * @throws LitCryptoException when the shares combine to the identity point
   */
  public static BlsSignature combineSignatureShares(List<BlsSignatureShare> shares) {
    return new BlsSignature(ShareSum.of(shares).signature().compress());
  }

  /**
   * Verifies a signature over {@code message} against a public key (standard POP-scheme
   * verification: {@code e(pk, H(m)) == e(g1, σ)}).
   *
   * @param publicKey the network public key
   * @param message the signed message
   * @param signature the signature to check
   * @return true when the signature is valid for this key and message
   * @throws LitValidationException when an argument is missing
   */
  public static boolean verify(BlsPublicKey publicKey, byte[] message, BlsSignature signature) {
    requireArgs(publicKey, message);
    if (signature == null) throw new LitValidationException("BLS signature is missing");
    return verifyPoint(publicKey, message, new P2_Affine(signature.bytes()));
  }

  /**
   * {@link #verify} of a signature already held as a point (a combiner's sum: no compression round
   * trip). blst checks that key and signature lie in their groups.
   */
  static boolean verifyPoint(BlsPublicKey publicKey, byte[] message, P2_Affine signature) {
    return signature.core_verify(keyPoint(publicKey), true, message, POP_SIGNATURE_DST)
        == BLST_ERROR.BLST_SUCCESS;
  }

  /**
   * Public keys decoded lately: a client verifies against the same network key on every call (a
   * decompression each time otherwise). blst only reads a key point, so sharing one is safe.
   */
  private static final Map<ByteBuffer, P1_Affine> KEY_POINTS = new ConcurrentHashMap<>();

  private static P1_Affine keyPoint(BlsPublicKey publicKey) {
    ByteBuffer key = ByteBuffer.wrap(publicKey.bytes().clone());
    P1_Affine point = KEY_POINTS.get(key);
    if (point == null) {
      point = new P1_Affine(key.array());
      if (KEY_POINTS.size() >= 64) KEY_POINTS.clear();
      KEY_POINTS.put(key, point);
    }
    return point;
  }

  /**
   * Like {@link #verify} but throws when the signature does not verify.
   *
   * @param publicKey the network public key
   * @param message the signed message
   * @param signature the signature to check
   * @throws LitCryptoException when the signature is not valid for this key and message
   * @throws LitValidationException when an argument is missing
   */
  public static void requireValid(BlsPublicKey publicKey, byte[] message, BlsSignature signature) {
    if (!verify(publicKey, message, signature)) {
      throw new LitCryptoException(
          "BLS signature does not verify against the network public key "
              + publicKey.toHex()
              + ": wrong message or key, or bad shares");
    }
  }

  /**
   * Combines the shares and verifies the result against the network key, as the SDK does for
   * decryption shares. This is the way to detect too few shares (below the threshold) or a bad
   * share, which combine without error but do not verify.
   *
   * @param publicKey the network public key
   * @param message the signed message
   * @param shares the nodes' signature shares
   * @return the verified network signature
   * @throws LitValidationException when the list is missing, holds fewer than 2 shares or duplicate
   *     identifiers
   * @throws LitCryptoException when the combined signature does not verify (too few shares, a bad
   *     share, another message or another key)
   */
  public static BlsSignature combineAndVerify(
      BlsPublicKey publicKey, byte[] message, List<BlsSignatureShare> shares) {
    requireArgs(publicKey, message);
    BlsSignature sig = combineSignatureShares(shares);
    if (!verify(publicKey, message, sig)) {
      throw new LitCryptoException(
          "combined BLS signature from "
              + shares.size()
              + " shares does not verify against the network public key "
              + publicKey.toHex()
              + ": fewer shares than the threshold, a bad share, or a different message");
    }
    return sig;
  }

  private static void requireArgs(BlsPublicKey publicKey, byte[] message) {
    if (publicKey == null) throw new LitValidationException("BLS public key is missing");
    if (message == null) throw new LitValidationException("message to verify is missing");
  }
}
