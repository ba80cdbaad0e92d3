package io.lit4j.auth.siwe;

import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The EIP-4361 field grammar siwe 2.3.2 applies, shared by the builder's checks ({@link #validate})
 * and the text parser ({@link SiweParser}).
 */
final class SiweFields {
  static final String HEADER_SUFFIX = " wants you to sign in with your Ethereum account:";

  static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");
  static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9\\-._~%!$&'()*+,;=:@\\[\\]]+");
  static final Pattern PCHARS = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%]*");
  static final Pattern STATEMENT = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;= ]+");
  static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");
  static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private static final Pattern URI_REST =
      Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*");
  private static final char[] ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private SiweFields() {}

  /**
   * siwe {@code validateMessage()}, plus: no line breaks in single-line fields (they would corrupt
   * the text).
   */
  static void validate(SiweMessage m) {
    String domain = m.domain();
    if (domain == null || domain.isEmpty()) throw new SiweParseException(0, "domain", "is missing");
    if (!AUTHORITY.matcher(domain).matches())
      throw new SiweParseException(
          0, "domain", "'" + domain + "' is not a valid RFC 3986 authority");
    String scheme = m.scheme().orElse(null);
    if (scheme != null && !SCHEME.matcher(scheme).matches())
      throw new SiweParseException(0, "scheme", "'" + scheme + "' is not a valid URI scheme");
    String address = m.address();
    if (address == null) throw new SiweParseException(0, "address", "is missing");
    if (!EthAddress.isChecksummed(address)) {
      throw new SiweParseException(
          0,
          "address",
          "'"
              + address
              + "' is not an EIP-55 checksummed address"
              + (Hex.isHex(address) && address.length() == 42
                  ? " (expected "
                      + new EthAddress(Hex.decode(address, 20, "address")).checksummed()
                      + ")"
                  : ""));
    }
    String statement = m.statement().orElse(null);
    if (statement != null && (statement.indexOf('\n') >= 0 || statement.indexOf('\r') >= 0)) {
      throw new SiweParseException(0, "statement", "must not contain line breaks");
    }
    String uri = m.uri();
    if (uri == null) throw new SiweParseException(0, "uri", "is missing");
    if (!isUri(uri)) throw new SiweParseException(0, "uri", "'" + uri + "' is not a valid URI");
    if (!"1".equals(m.version()))
      throw new SiweParseException(0, "version", "must be \"1\", got '" + m.version() + "'");
    if (m.chainId() < 0) throw new SiweParseException(0, "chainId", "must not be negative");
    if (!NONCE.matcher(m.nonce()).matches())
      throw new SiweParseException(0, "nonce", "must be at least 8 alphanumeric characters");
    checkTime(m.issuedAt(), "issuedAt");
    m.expirationTime().ifPresent(t -> checkTime(t, "expirationTime"));
    m.notBefore().ifPresent(t -> checkTime(t, "notBefore"));
    if (m.requestId().filter(r -> r.indexOf('\n') >= 0).isPresent())
      throw new SiweParseException(0, "requestId", "must not contain line breaks");
    if (m.resources().isPresent()) {
      List<String> resources = m.resources().get();
      for (int i = 0; i < resources.size(); i++) {
        String r = resources.get(i);
        if (r == null) throw new SiweParseException(0, "resources[" + i + "]", "is missing");
        if (r.indexOf('\n') >= 0)
          throw new SiweParseException(0, "resources[" + i + "]", "must not contain line breaks");
      }
    }
  }

  private static void checkTime(String t, String field) {
    if (!IsoTime.isValid(t))
      throw new SiweParseException(0, field, "'" + t + "' is not an ISO-8601 date-time");
  }

  /** Whether {@code s} is an RFC 3986 URI as siwe's grammar reads one. */
  static boolean isUri(String s) {
    int colon = s.indexOf(':');
    if (colon <= 0 || !SCHEME.matcher(s.substring(0, colon)).matches()) return false;
    String rest = s.substring(colon + 1);
    if (!URI_REST.matcher(rest).matches()) return false;
    if (rest.indexOf('#') != rest.lastIndexOf('#')) return false;
    return pctOk(rest);
  }

  /** Whether every {@code %} in {@code s} starts a two-hex-digit escape. */
  static boolean pctOk(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%') {
        if (i + 2 >= s.length()
            || Character.digit(s.charAt(i + 1), 16) < 0
            || Character.digit(s.charAt(i + 2), 16) < 0) return false;
      }
    }
    return true;
  }

  /** siwe's nonce: 96 bits of entropy over an alphanumeric alphabet (17 characters). */
  static String generateNonce() {
    StringBuilder sb = new StringBuilder(17);
    for (int i = 0; i < 17; i++) sb.append(ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)]);
    return sb.toString();
  }
}
