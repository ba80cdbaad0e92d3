package io.lit4j.auth.internal;

import java.math.BigInteger;
import java.util.Optional;

/** Bitcoin-alphabet base58 (base58btc), used for IPFS CIDs. Internal. */
public final class Base58 {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

  private Base58() {}

  public static String encode(byte[] data) {
    BigInteger n = new BigInteger(1, data);
    StringBuilder sb = new StringBuilder();
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(FIFTY_EIGHT);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < data.length && data[i] == 0; i++) sb.append('1');
    return sb.reverse().toString();
  }

  /** Decodes, or empty when a character is outside the alphabet. */
  public static Optional<byte[]> decode(String s) {
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < s.length(); i++) {
      int d = ALPHABET.indexOf(s.charAt(i));
      if (d < 0) return Optional.empty();
      n = n.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(d));
    }
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') zeros++;
    byte[] body = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int off = body.length > 0 && body[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + body.length - off];
    System.arraycopy(body, off, out, zeros, body.length - off);
    return Optional.of(out);
  }
}
