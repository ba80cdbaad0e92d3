package io.lit4j.crypto.bls.internal;

import io.lit4j.core.util.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * The steps of blsful 2.3 {@code BlsTimeCrypt} (scheme ProofOfPossession) one by one, so the vector
 * checks can compare every intermediate value. Internal: use {@code io.lit4j.crypto.bls.TimeCrypt}.
 */
public final class TimeCryptMath {
  /** HKDF salt of blsful {@code scalar_from_hkdf_bytes}. */
  public static final byte[] HKDF_SALT =
      "TIMELOCK_BLS12381_XOF:HKDF-SHA2-256_".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] HKDF_INFO = {0x00, 0x30};
  private static final int HKDF_LENGTH = 48;
  private static final int GT_BLOCK = 96;
  // blst writes Fp12 as Fp2 blocks c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2; blstrs (the Rust side)
  // as c0.c0, c0.c1, c0.c2, c1.c0, c1.c1, c1.c2: take blst blocks in this order.
  private static final int[] BLSTRS_BLOCK_ORDER = {0, 2, 4, 1, 3, 5};

  /**
   * Byte that ends a ciphertext: serde_bare index of {@code SignatureSchemes::ProofOfPossession}.
   */
  public static final int SCHEME_PROOF_OF_POSSESSION = 3;

  /** M' is zero-padded to at least this many bytes. */
  public static final int MIN_PADDED_LENGTH = 32;

  private TimeCryptMath() {}

  /**
   * {@return {@code Hs(x)}: HKDF-SHA-256(salt, IKM = x ‖ 0x00, info = 00 30, 48 bytes), read
   * big-endian, mod r}
   *
   * @param x the bytes to hash
   */
  public static BigInteger hashToScalar(byte[] x) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(Bytes.concat(x, new byte[] {0}), HKDF_SALT, HKDF_INFO));
    byte[] okm = new byte[HKDF_LENGTH];
    hkdf.generateBytes(okm, 0, okm.length);
    return new BigInteger(1, okm).mod(BlsPoints.R);
  }

  /**
   * {@return a scalar as 32 little-endian bytes (blstrs {@code Scalar::to_repr})}
   *
   * @param s the scalar
   */
  public static byte[] scalarReprLittleEndian(BigInteger s) {
    return Bytes.reverse(Bytes.toFixed(s, 32));
  }

  /**
   * {@return the 576 bytes of a GT element in blstrs order; {@code pt} must already be
   * final-exponentiated}
   *
   * @param pt the GT element
   */
  public static byte[] gtBytes(PT pt) {
    byte[] blst = pt.to_bendian();
    byte[] out = new byte[blst.length];
    for (int i = 0; i < BLSTRS_BLOCK_ORDER.length; i++) {
      System.arraycopy(blst, BLSTRS_BLOCK_ORDER[i] * GT_BLOCK, out, i * GT_BLOCK, GT_BLOCK);
    }
    return out;
  }

  /**
   * {@return {@code e(g1Point, g2Point)} with the final exponentiation, as blstrs bytes}
   *
   * @param g1Point the G1 point
   * @param g2Point the G2 point
   */
  public static byte[] pairingBytes(P1_Affine g1Point, P2_Affine g2Point) {
    return gtBytes(new PT(g1Point, g2Point).final_exp());
  }

  /**
   * {@return {@code SHAKE128(key)[0 .. length)}}
   *
   * @param key the SHAKE128 input
   * @param length how many bytes to produce
   */
  public static byte[] shake128(byte[] key, int length) {
    SHAKEDigest shake = new SHAKEDigest(128);
    shake.update(key, 0, key.length);
    byte[] out = new byte[length];
    shake.doFinal(out, 0, length);
    return out;
  }

  /**
   * {@return {@code LEB128(len(message)) ‖ message}, zero-padded to at least 32 bytes}
   *
   * @param message the message
   */
  public static byte[] padMessage(byte[] message) {
    byte[] framed = Bytes.concat(Leb128.encode(message.length), message);
    return framed.length >= MIN_PADDED_LENGTH ? framed : Arrays.copyOf(framed, MIN_PADDED_LENGTH);
  }

  /**
   * Byte-wise XOR of {@code a} with the first {@code a.length} bytes of {@code b}.
   *
   * @param a the bytes to mask
   * @param b the mask, at least as long as {@code a}
   * @return a new array of {@code a.length} bytes
   */
  public static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) out[i] = (byte) (a[i] ^ b[i]);
    return out;
  }

  /**
   * SHA-256 of the concatenated parts.
   *
   * @param parts the byte arrays, in order
   * @return the 32-byte digest
   */
  public static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) md.update(p);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Every value {@link #encrypt} computes, in order. */
  public record Encryption(
      BigInteger alpha,
      byte[] alphaReprLittleEndian,
      BigInteger r,
      byte[] gtK,
      byte[] sha256OfGtK,
      byte[] paddedMessage,
      byte[] u,
      byte[] v,
      byte[] w,
      byte[] ciphertext) {}

  /**
   * Encrypts with the given randomness. {@code publicKey} must be a checked G1 point; the identity
   * is hashed to G2 with the POP signature DST.
   *
   * @param publicKey the network public key
   * @param message the plaintext
   * @param identity the identity the ciphertext is bound to
   * @param rand32 32 random bytes
   * @return the ciphertext parts
   */
  public static Encryption encrypt(
      P1_Affine publicKey, byte[] message, byte[] identity, byte[] rand32) {
    BigInteger alpha = hashToScalar(rand32);
    byte[] a = scalarReprLittleEndian(alpha);
    BigInteger r = hashToScalar(Bytes.concat(a, sha256(message)));
    P1_Affine rPk = publicKey.to_jacobian().mult(r).to_affine();
    byte[] gt = pairingBytes(rPk, BlsPoints.hashToG2(identity).to_affine());
    byte[] u = P1.generator().mult(r).compress();
    byte[] gtHash = sha256(gt);
    byte[] v = xor(gtHash, a);
    byte[] padded = padMessage(message);
    byte[] w = xor(padded, shake128(a, padded.length));
    byte[] ciphertext =
        Bytes.concat(u, v, Leb128.encode(w.length), w, new byte[] {SCHEME_PROOF_OF_POSSESSION});
    return new Encryption(alpha, a, r, gt, gtHash, padded, u, v, w, ciphertext);
  }
}
