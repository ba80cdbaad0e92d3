package io.lit4j.auth.siwe;

import static io.lit4j.auth.siwe.SiweFields.AUTHORITY;
import static io.lit4j.auth.siwe.SiweFields.DIGITS;
import static io.lit4j.auth.siwe.SiweFields.HEADER_SUFFIX;
import static io.lit4j.auth.siwe.SiweFields.NONCE;
import static io.lit4j.auth.siwe.SiweFields.PCHARS;
import static io.lit4j.auth.siwe.SiweFields.SCHEME;
import static io.lit4j.auth.siwe.SiweFields.STATEMENT;
import static io.lit4j.auth.siwe.SiweFields.isUri;
import static io.lit4j.auth.siwe.SiweFields.pctOk;

import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import java.util.ArrayList;
import java.util.List;

/** Reads EIP-4361 text with siwe 2.3.2's grammar; errors name the line and field. */
final class SiweParser {
  private SiweParser() {}

  static SiweMessage parse(String text, boolean strictStatement) {
    if (text == null) throw new SiweParseException(0, "message", "is missing");
    Cursor c = new Cursor(text.split("\n", -1));
    SiweMessage.Builder b = SiweMessage.builder();

    String header = c.next("header");
    if (!header.endsWith(HEADER_SUFFIX)) {
      throw c.error("header", "must end with '" + HEADER_SUFFIX.substring(1) + "'");
    }
    String authority = header.substring(0, header.length() - HEADER_SUFFIX.length());
    int sep = authority.indexOf("://");
    if (sep >= 0) {
      String s = authority.substring(0, sep);
      if (!SCHEME.matcher(s).matches())
        throw c.error("scheme", "'" + s + "' is not a valid URI scheme");
      b.scheme(s);
      authority = authority.substring(sep + 3);
    }
    if (authority.isEmpty()) throw c.error("domain", "is empty");
    if (!AUTHORITY.matcher(authority).matches())
      throw c.error("domain", "'" + authority + "' is not a valid RFC 3986 authority");
    b.domain(authority);

    String addr = c.next("address");
    if (!(addr.length() == 42 && addr.startsWith("0x") && Hex.isHex(addr))) {
      throw c.error("address", "must be 0x followed by 40 hex digits");
    }
    if (!EthAddress.isChecksummed(addr))
      throw c.error("address", "'" + addr + "' is not conformant to EIP-55");
    b.address(addr);

    if (!c.next("empty line").isEmpty())
      throw c.error("empty line", "must be empty (after the address)");
    String l = c.next("statement");
    if (!l.isEmpty()) {
      if (strictStatement && !STATEMENT.matcher(l).matches()) {
        throw c.error(
            "statement",
            "contains characters EIP-4361 does not allow (only RFC 3986 reserved/unreserved characters and spaces)");
      }
      b.statement(l);
      if (!c.next("empty line").isEmpty())
        throw c.error("empty line", "must be empty (after the statement)");
    }
    String uri = c.field("URI", "URI: ");
    if (!isUri(uri)) throw c.error("URI", "'" + uri + "' is not a valid URI");
    b.uri(uri);
    String v = c.field("Version", "Version: ");
    if (!"1".equals(v)) throw c.error("Version", "must be 1, got '" + v + "'");
    b.version(v);
    String chain = c.field("Chain ID", "Chain ID: ");
    if (!DIGITS.matcher(chain).matches())
      throw c.error("Chain ID", "must be decimal digits, got '" + chain + "'");
    try {
      b.chainId(Long.parseLong(chain));
    } catch (NumberFormatException e) {
      throw c.error("Chain ID", "is too large");
    }
    String nonce = c.field("Nonce", "Nonce: ");
    if (!NONCE.matcher(nonce).matches())
      throw c.error("Nonce", "must be at least 8 alphanumeric characters");
    b.nonce(nonce);
    b.issuedAt(c.time("Issued At"));
    if (c.peekStartsWith("Expiration Time: ")) b.expirationTime(c.time("Expiration Time"));
    if (c.peekStartsWith("Not Before: ")) b.notBefore(c.time("Not Before"));
    if (c.peekStartsWith("Request ID: ")) {
      String requestId = c.field("Request ID", "Request ID: ");
      if (!PCHARS.matcher(requestId).matches() || !pctOk(requestId)) {
        throw c.error("Request ID", "contains characters EIP-4361 does not allow");
      }
      b.requestId(requestId.isEmpty() ? null : requestId);
    }
    if (c.hasNext() && c.peek().equals("Resources:")) {
      c.next("Resources");
      List<String> res = new ArrayList<>();
      while (c.hasNext()) {
        String r = c.next("resource");
        if (!r.startsWith("- ")) throw c.error("resource", "must start with '- '");
        String u = r.substring(2);
        if (!isUri(u)) throw c.error("resource", "'" + u + "' is not a valid URI");
        res.add(u);
      }
      if (res.isEmpty()) res.add(""); // siwe's parser reads a bare "Resources:" as [""]
      b.resources(res);
    }
    if (c.hasNext()) {
      throw c.error(
          "line",
          "unexpected '"
              + abbreviate(c.peek())
              + "' (expected Expiration Time, Not Before, Request ID or Resources, in that order, or the end)");
    }
    return b.build();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** The lines of the text, read in order; errors carry the 1-based line just read. */
  private static final class Cursor {
    private final String[] lines;
    private int i;

    Cursor(String[] lines) {
      this.lines = lines;
    }

    boolean hasNext() {
      return i < lines.length;
    }

    String peek() {
      return lines[i];
    }

    boolean peekStartsWith(String prefix) {
      return hasNext() && lines[i].startsWith(prefix);
    }

    String next(String field) {
      if (!hasNext()) throw new SiweParseException(i + 1, field, "missing: the message ends early");
      return lines[i++];
    }

    String field(String field, String prefix) {
      String l = next(field);
      if (!l.startsWith(prefix))
        throw new SiweParseException(
            i, field, "expected '" + prefix + "…', got '" + abbreviate(l) + "'");
      return l.substring(prefix.length());
    }

    String time(String field) {
      String t = field(field, field + ": ");
      if (!IsoTime.isValid(t))
        throw new SiweParseException(i, field, "'" + t + "' is not an RFC 3339 date-time");
      return t;
    }

    SiweParseException error(String field, String problem) {
      return new SiweParseException(Math.max(i, 1), field, problem);
    }
  }
}
