package io.lit4j.core.util;

import io.lit4j.core.errors.LitValidationException;

/**
 * Hex encoding as the Lit wire formats use it: lowercase, no {@code 0x} unless asked for. Decoding
 * accepts upper or lower case and an optional {@code 0x} prefix.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /**
   * {@return lowercase hex without prefix}
   *
   * @param bytes the bytes to encode
   * @throws LitValidationException when {@code bytes} is null
   */
  public static String encode(byte[] bytes) {
    if (bytes == null) throw new LitValidationException("bytes to hex-encode are missing");
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * {@return lowercase hex with a {@code 0x} prefix}
   *
   * @param bytes the bytes to encode
   * @throws LitValidationException when {@code bytes} is null
   */
  public static String encode0x(byte[] bytes) {
    return "0x" + encode(bytes);
  }

  /**
   * Removes a leading {@code 0x} or {@code 0X} if present; null stays null.
   *
   * @param hex hex text, possibly with a prefix, or null
   * @return the text without its prefix
   */
  public static String strip0x(String hex) {
    if (hex != null
        && hex.length() >= 2
        && hex.charAt(0) == '0'
        && (hex.charAt(1) == 'x' || hex.charAt(1) == 'X')) {
      return hex.substring(2);
    }
    return hex;
  }

  /**
   * Decodes hex (optional {@code 0x}, either case).
   *
   * @param field names the value in the error message, e.g. {@code "publicKey"}
   * @param hex the hex text
   * @return the decoded bytes
   * @throws LitValidationException when the input is null, of odd length or not hex
   */
  public static byte[] decode(String hex, String field) {
    if (hex == null) {
      throw new LitValidationException(field + " is missing: expected a hex string");
    }
    String s = strip0x(hex);
    if ((s.length() & 1) != 0) {
      throw new LitValidationException(field + " is not valid hex: odd length " + s.length());
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(s.charAt(2 * i));
      int lo = digit(s.charAt(2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new LitValidationException(
            field + " is not valid hex: bad character at position " + (2 * i + (hi < 0 ? 0 : 1)));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /**
   * Decodes hex, as {@link #decode(String, String)}, and requires exactly {@code length} bytes.
   *
   * @param hex the hex text
   * @param length the number of bytes required
   * @param field names the value in the error message
   * @return the decoded bytes, exactly {@code length} of them
   */
  public static byte[] decode(String hex, int length, String field) {
    byte[] out = decode(hex, field);
    if (out.length != length) {
      throw new LitValidationException(field + " must be " + length + " bytes, got " + out.length);
    }
    return out;
  }

  /**
   * Decodes hex, as {@link #decode(String)} with field name {@code "hex"}.
   *
   * @param hex the hex text
   * @return the decoded bytes
   */
  public static byte[] decode(String hex) {
    return decode(hex, "hex");
  }

  /**
   * {@return true when the string is non-empty hex (optional {@code 0x}) of even length}
   *
   * @param hex the string to check
   */
  public static boolean isHex(String hex) {
    if (hex == null) return false;
    String s = strip0x(hex);
    if (s.isEmpty() || (s.length() & 1) != 0) return false;
    for (int i = 0; i < s.length(); i++) {
      if (digit(s.charAt(i)) < 0) return false;
    }
    return true;
  }

  // ASCII only: Character.digit would also take Unicode digits such as '٣' or fullwidth 'Ａ'.
  private static int digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
}
