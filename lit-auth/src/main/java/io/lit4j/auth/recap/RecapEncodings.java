package io.lit4j.auth.recap;

import io.lit4j.core.util.Base58;
import io.lit4j.core.util.Bytes;
import java.util.Base64;

/** The text encodings of a ReCap: its base64url URN body and the CIDs of its proofs. */
final class RecapEncodings {
  private RecapEncodings() {}

  static byte[] base64UrlDecode(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') end--;
    String body = s.substring(0, end);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_')) {
        throw new RecapException(
            "recap urn is not base64url: bad character '"
                + c
                + "' at position "
                + (RecapObject.URN_PREFIX.length() + i));
      }
    }
    int rem = body.length() % 4;
    if (rem == 1)
      throw new RecapException(
          "recap urn is not base64url: Unexpected end of data (length " + body.length() + ")");
    if (rem != 0) {
      int last =
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
              .indexOf(body.charAt(body.length() - 1));
      int mask = rem == 2 ? 0x0f : 0x03;
      if ((last & mask) != 0)
        throw new RecapException(
            "recap urn is not base64url: Unexpected end of data (non-zero trailing bits)");
    }
    return Base64.getUrlDecoder().decode(body);
  }

  /**
   * Parses a CID string (v0 {@code Qm…}, base58btc {@code z…}, base32 {@code b…}) to CIDv1
   * base58btc.
   */
  static String normalizeProof(String cid) {
    if (cid == null || cid.isEmpty()) throw new RecapException("proof CID is missing");
    byte[] bytes;
    if (cid.startsWith("Q")) {
      byte[] mh = decodeBase58(cid, "proof '" + cid + "' is not a base58btc CIDv0");
      if (mh.length != 34 || mh[0] != 0x12 || mh[1] != 0x20)
        throw new RecapException("proof '" + cid + "' is not a sha2-256 CIDv0");
      bytes = Bytes.concat(new byte[] {0x01, 0x70}, mh);
    } else if (cid.startsWith("z")) {
      bytes = decodeBase58(cid.substring(1), "proof '" + cid + "' is not base58btc");
    } else if (cid.startsWith("b")) {
      bytes = base32Decode(cid.substring(1), cid);
    } else {
      throw new RecapException("proof '" + cid + "' is not a CID (expected Qm…, z… or b…)");
    }
    if (bytes.length < 4 || bytes[0] != 0x01)
      throw new RecapException(
          "proof '"
              + cid
              + "' is not a CIDv1 (version byte "
              + (bytes.length == 0 ? "missing" : bytes[0])
              + ")");
    return "z" + Base58.encode(bytes);
  }

  static byte[] base32Decode(String s, String cid) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    int bits = 0;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    for (int i = 0; i < s.length(); i++) {
      int d = alphabet.indexOf(s.charAt(i));
      if (d < 0) throw new RecapException("proof '" + cid + "' is not base32");
      buffer = (buffer << 5) | d;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out.write((buffer >> bits) & 0xff);
      }
    }
    return out.toByteArray();
  }

  static byte[] decodeBase58(String value, String problem) {
    if (!Base58.isBase58(value)) throw new RecapException(problem);
    return Base58.decode(value, "proof");
  }
}
