package io.lit4j.crypto.eth.internal;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 constants and point decoding shared by the eth, ecdsa and hd packages. Not public API:
 * it exposes BouncyCastle types.
 */
public final class K256 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  /** The curve. */
  public static final ECCurve CURVE = PARAMS.getCurve();

  /** The generator. */
  public static final ECPoint G = PARAMS.getG().normalize();

  /** The group order n. */
  public static final BigInteger N = PARAMS.getN();

  /** floor(n / 2): the largest low-s value. */
  public static final BigInteger HALF_N = N.shiftRight(1);

  /** The field prime p. */
  public static final BigInteger P = CURVE.getField().getCharacteristic();

  /**
   * Points decoded lately (a client decodes the same PKP key and the same R of a signature several
   * times per call, and the same keys on every call; a compressed point costs a square root), least
   * recently used first out. Only valid points get in; BouncyCastle points are immutable.
   */
  private static final Map<ByteBuffer, ECPoint> DECODED =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, ECPoint> eldest) {
              return size() > 128;
            }
          });

  private K256() {}

  /**
   * Decodes a SEC1 point: 33 bytes compressed ({@code 02}/{@code 03}) or 65 bytes uncompressed
   * ({@code 04}); the point must lie on secp256k1 and not be the identity.
   *
   * @param sec1 the SEC1 bytes
   * @param field names the value in error messages
   * @return the point
   * @throws LitValidationException for a wrong length or prefix
   * @throws LitCryptoException for a point that is not on the curve
   */
  public static ECPoint decodePoint(byte[] sec1, String field) {
    if (sec1 == null) {
      throw new LitValidationException(field + " is missing: expected a secp256k1 point");
    }
    if (sec1.length == 33) {
      if (sec1[0] != 0x02 && sec1[0] != 0x03) {
        throw new LitValidationException(
            field
                + " is not a compressed secp256k1 point: 33 bytes must start with 02 or 03, got "
                + String.format("%02x", sec1[0] & 0xff));
      }
    } else if (sec1.length == 65) {
      if (sec1[0] != 0x04) {
        throw new LitValidationException(
            field
                + " is not an uncompressed secp256k1 point: 65 bytes must start with 04, got "
                + String.format("%02x", sec1[0] & 0xff));
      }
    } else {
      throw new LitValidationException(
          field
              + " must be a 33-byte compressed or 65-byte uncompressed secp256k1 point, got "
              + sec1.length
              + " bytes");
    }
    ByteBuffer key = ByteBuffer.wrap(sec1.clone()); // compared by content
    ECPoint cached = DECODED.get(key);
    if (cached != null) return cached;
    ECPoint p;
    try {
      p = CURVE.decodePoint(sec1);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new LitCryptoException(field + " is not a point on secp256k1", e);
    }
    if (p.isInfinity() || !p.isValid()) {
      throw new LitCryptoException(field + " is not a point on secp256k1");
    }
    p = p.normalize();
    DECODED.put(key, p);
    return p;
  }

  /**
   * 32-byte big-endian encoding of a scalar or field element.
   *
   * @param v a value below 2²⁵⁶
   * @return 32 bytes
   */
  public static byte[] to32(BigInteger v) {
    return BigIntegers.asUnsignedByteArray(32, v);
  }

  /**
   * {@return true for 1 ≤ v &lt; n}
   *
   * @param v the value to check
   */
  public static boolean isNonZeroScalar(BigInteger v) {
    return v.signum() > 0 && v.compareTo(N) < 0;
  }
}
