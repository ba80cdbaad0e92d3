package io.lit4j.core.util;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;

/** Bitcoin-alphabet base58 (base58btc), as IPFS CIDv0 strings use it. */
public final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

  private Base58() {}

  /**
   * Encodes bytes as base58btc; each leading zero byte becomes a leading {@code '1'}.
   *
   * @param data the bytes to encode
   * @return the base58btc text
   * @throws LitValidationException when {@code data} is null
   */
  public static String encode(byte[] data) {
    if (data == null) throw new LitValidationException("data to base58-encode is missing");
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

  /**
   * Decodes base58btc.
   *
   * @param field names the value in the error message
   * @param s the base58btc text
   * @return the decoded bytes
   * @throws LitValidationException when the value is missing or has a character outside the
   *     alphabet
   */
  public static byte[] decode(String s, String field) {
    if (s == null) throw new LitValidationException(field + " is missing: expected base58");
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < s.length(); i++) {
      int d = ALPHABET.indexOf(s.charAt(i));
      if (d < 0) {
        throw new LitValidationException(
            field + " is not base58: bad character '" + s.charAt(i) + "' at position " + i);
      }
      n = n.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(d));
    }
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') zeros++;
    byte[] body = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int off = body.length > 0 && body[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + body.length - off];
    System.arraycopy(body, off, out, zeros, body.length - off);
    return out;
  }

  /**
   * {@return true when every character is in the base58btc alphabet}
   *
   * @param s the string to check
   */
  public static boolean isBase58(String s) {
    if (s == null) return false;
    for (int i = 0; i < s.length(); i++) {
      if (ALPHABET.indexOf(s.charAt(i)) < 0) return false;
    }
    return true;
  }
}
