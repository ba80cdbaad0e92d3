package io.lit4j.contracts.internal;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;

/** Bitcoin-alphabet base58 decoding, as bs58 does it for IPFS CIDv0 strings. */
public final class Base58 {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58() {}

  /**
   * Decodes {@code text}; leading {@code '1'}s become leading zero bytes.
   *
   * @throws LitValidationException naming {@code field} on an empty string or a non-base58 character
   */
  public static byte[] decode(String text, String field) {
    if (text == null || text.isEmpty()) throw new LitValidationException(field + " is empty: expected a base58 string");
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new LitValidationException(
            field + " has a non-base58 character '" + text.charAt(i) + "' at position " + i
                + " (only CIDv0 strings such as Qm... are accepted)");
      }
      n = n.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    int leadingZeros = 0;
    while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') leadingZeros++;
    byte[] body = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int skip = body.length > 0 && body[0] == 0 ? 1 : 0;
    byte[] out = new byte[leadingZeros + body.length - skip];
    System.arraycopy(body, skip, out, leadingZeros, body.length - skip);
    return out;
  }

  /** Encodes bytes in base58 (used to print CIDs back). */
  public static String encode(byte[] bytes) {
    BigInteger n = new BigInteger(1, bytes);
    StringBuilder sb = new StringBuilder();
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) sb.append('1');
    return sb.reverse().toString();
  }
}
