package io.lit4j.localnet.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An independent Java (BouncyCastle) implementation of Lit's v4 HD key rule (crypto.md §5), used to
 * check the Solidity KeyDeriver: k = hash_to_field(keyId) with expand_message_xmd(SHA-256), DST
 * "LIT_HD_KEY_ID_K256_XMD:SHA-256_SSWU_RO_NUL_", L = 48, mod n; key = Σ kⁱ·rootᵢ.
 */
final class HdReference {
  static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  static final BigInteger N = CURVE.getN();
  private static final byte[] DST =
      "LIT_HD_KEY_ID_K256_XMD:SHA-256_SSWU_RO_NUL_".getBytes(StandardCharsets.US_ASCII);

  private HdReference() {}

  static BigInteger tweak(byte[] keyId) {
    byte[] uniform = expandMessageXmd(keyId, 48);
    return new BigInteger(1, uniform).mod(N);
  }

  static ECPoint derivePublic(byte[] keyId, List<ECPoint> roots) {
    BigInteger k = tweak(keyId);
    ECPoint acc = CURVE.getCurve().getInfinity();
    BigInteger power = BigInteger.ONE;
    for (ECPoint root : roots) {
      acc = acc.add(root.multiply(power));
      power = power.multiply(k).mod(N);
    }
    return acc.normalize();
  }

  static BigInteger derivePrivate(byte[] keyId, List<BigInteger> rootSecrets) {
    BigInteger k = tweak(keyId);
    BigInteger acc = BigInteger.ZERO;
    BigInteger power = BigInteger.ONE;
    for (BigInteger s : rootSecrets) {
      acc = acc.add(s.multiply(power)).mod(N);
      power = power.multiply(k).mod(N);
    }
    return acc;
  }

  static byte[] expandMessageXmd(byte[] msg, int lenInBytes) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] dstPrime = new byte[DST.length + 1];
      System.arraycopy(DST, 0, dstPrime, 0, DST.length);
      dstPrime[DST.length] = (byte) DST.length;
      int ell = (lenInBytes + 31) / 32;
      sha.update(new byte[64]);
      sha.update(msg);
      sha.update(new byte[] {(byte) (lenInBytes >> 8), (byte) lenInBytes, 0});
      sha.update(dstPrime);
      byte[] b0 = sha.digest();
      byte[] out = new byte[ell * 32];
      byte[] prev = new byte[32];
      for (int i = 1; i <= ell; i++) {
        byte[] input = new byte[32];
        for (int j = 0; j < 32; j++) {
          input[j] = (byte) (b0[j] ^ prev[j]);
        }
        if (i == 1) {
          input = b0;
        }
        sha.update(input);
        sha.update((byte) i);
        sha.update(dstPrime);
        prev = sha.digest();
        System.arraycopy(prev, 0, out, (i - 1) * 32, 32);
      }
      byte[] result = new byte[lenInBytes];
      System.arraycopy(out, 0, result, 0, lenInBytes);
      return result;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
