package io.lit4j.crypto.hd;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Lit's HD key derivation for one curve and domain separation tag ({@code hd-keys-curves}): tweak
 * {@code τ = hash_to_field(id, DST)} (expand_message_xmd SHA-256, L = 48, mod the group order);
 * derived key {@code Σᵢ τⁱ · rootᵢ} over the ordered root keys, and the same polynomial over root
 * secrets (or over Shamir shares of them, which yields shares of the derived secret).
 *
 * <p>{@link #litV4()} is the v4 SDK's setting; {@link HdKeys} wraps it with typed keys.
 */
public final class HdKeyDeriver {
  /** The DST of the v4 SDK and the habanero/manzano nodes for K256 keys. */
  public static final String V4_K256_DST = "LIT_HD_KEY_ID_K256_XMD:SHA-256_SSWU_RO_NUL_";

  private static final HdKeyDeriver LIT_V4 = new HdKeyDeriver(HdCurve.K256, V4_K256_DST);

  private final HdCurve curve;
  private final String dst;

  /**
   * @param curve the curve keys are derived on
   * @param dst the hash-to-field domain separation tag
   * @throws LitValidationException when curve or dst is missing
   */
  public HdKeyDeriver(HdCurve curve, String dst) {
    if (curve == null) throw new LitValidationException("curve is missing");
    if (dst == null || dst.isEmpty()) throw new LitValidationException("dst is missing");
    this.curve = curve;
    this.dst = dst;
  }

  /**
   * K256 with {@link #V4_K256_DST}: what {@code computeHDPubKey} of SDK 4.2.0 does.
   *
   * @return the v4 deriver
   */
  public static HdKeyDeriver litV4() {
    return LIT_V4;
  }

  /** {@return the curve} */
  public HdCurve curve() {
    return curve;
  }

  /** {@return the domain separation tag} */
  public String dst() {
    return dst;
  }

  /**
   * {@return the tweak τ for an id (raw bytes; the SDK hex-decodes its key id string first)}
   *
   * @param id the key id bytes
   * @throws LitValidationException when id is null
   */
  public BigInteger tweak(byte[] id) {
    return HashToField.hashToScalar(id, dst, curve.order());
  }

  /**
   * Derives the public key {@code Σᵢ τⁱ · rootᵢ} and returns it as SEC1 bytes.
   *
   * @param rootPublicKeys SEC1 points (compressed or uncompressed, mixed allowed), in order
   * @param compressed whether to return the 33-byte compressed form (else 65 bytes)
   * @param id the key id bytes
   * @return the derived public key, SEC1
   * @throws LitValidationException when fewer than 2 roots are given or one is malformed
   * @throws LitCryptoException when a root is not on the curve or the result is the identity
   */
  public byte[] derivePublicKey(byte[] id, List<byte[]> rootPublicKeys, boolean compressed) {
    requireRoots(rootPublicKeys == null ? 0 : rootPublicKeys.size());
    BigInteger t = tweak(id);
    BigInteger n = curve.order();
    ECCurve c = curve.params().getCurve();
    ECPoint acc = c.getInfinity();
    BigInteger power = BigInteger.ONE;
    for (int i = 0; i < rootPublicKeys.size(); i++) {
      ECPoint root = decode(c, rootPublicKeys.get(i), "rootPublicKeys[" + i + "]");
      acc = acc.add(root.multiply(power));
      power = power.multiply(t).mod(n);
    }
    acc = acc.normalize();
    if (acc.isInfinity()) throw new LitCryptoException("derived public key is the identity point");
    return acc.getEncoded(compressed);
  }

  /**
   * Derives the secret {@code Σᵢ τⁱ · secretᵢ mod order}. Applied to node i's Shamir shares of the
   * root secrets it gives node i's share of the derived secret (derivation is linear).
   *
   * @param id the key id bytes
   * @param rootSecrets the root secrets (or one node's shares of them), in order
   * @return the derived secret (or that node's share of it)
   * @throws LitValidationException when fewer than 2 values are given or one is out of range
   */
  public BigInteger deriveSecret(byte[] id, List<BigInteger> rootSecrets) {
    requireRoots(rootSecrets == null ? 0 : rootSecrets.size());
    BigInteger t = tweak(id);
    BigInteger n = curve.order();
    BigInteger acc = BigInteger.ZERO;
    BigInteger power = BigInteger.ONE;
    for (int i = 0; i < rootSecrets.size(); i++) {
      BigInteger s = rootSecrets.get(i);
      if (s == null || s.signum() < 0 || s.compareTo(n) >= 0) {
        throw new LitValidationException(
            "rootSecrets[" + i + "] must be a scalar below the group order");
      }
      acc = acc.add(s.multiply(power)).mod(n);
      power = power.multiply(t).mod(n);
    }
    return acc;
  }

  /**
   * Public key of a secret on this curve, as SEC1 bytes.
   *
   * @param secret the secret scalar
   * @param compressed whether to return the 33-byte compressed form
   * @return the public key, SEC1
   */
  public byte[] publicKeyOf(BigInteger secret, boolean compressed) {
    if (secret == null || secret.signum() <= 0 || secret.compareTo(curve.order()) >= 0) {
      throw new LitValidationException("secret must be 1 ≤ secret < group order");
    }
    return curve.params().getG().multiply(secret).normalize().getEncoded(compressed);
  }

  private static void requireRoots(int count) {
    if (count < 2) {
      throw new LitValidationException("HD derivation needs at least 2 root keys, got " + count);
    }
  }

  private ECPoint decode(ECCurve c, byte[] sec1, String field) {
    if (sec1 == null) throw new LitValidationException(field + " is missing");
    boolean ok =
        (sec1.length == 33 && (sec1[0] == 2 || sec1[0] == 3))
            || (sec1.length == 65 && sec1[0] == 4);
    if (!ok) {
      throw new LitValidationException(
          field
              + " must be a 33-byte compressed or 65-byte uncompressed "
              + curve
              + " point, got "
              + sec1.length
              + " bytes");
    }
    try {
      ECPoint p = c.decodePoint(sec1);
      if (p.isInfinity() || !p.isValid())
        throw new LitCryptoException(field + " is not a point on " + curve);
      return p;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new LitCryptoException(field + " is not a point on " + curve, e);
    }
  }
}
