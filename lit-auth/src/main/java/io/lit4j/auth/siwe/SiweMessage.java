package io.lit4j.auth.siwe;

import io.lit4j.core.util.Args;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthSignatures;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Sign-In with Ethereum (EIP-4361) message, as the {@code siwe@2.3.2} npm library models it.
 *
 * <p>Immutable. {@link #prepareMessage()} gives text byte-identical to siwe's {@code
 * prepareMessage()} for the same fields; {@link #parse(String)} reads text with siwe's grammar
 * (strictly: errors name the line and field). Time fields are kept verbatim as strings, because the
 * signed text must repeat them exactly; {@link #expirationInstant()} and friends parse them.
 *
 * <pre>{@code
 * SiweMessage siwe = SiweMessage.builder()
 *     .domain("localhost").address(signer.address()).uri("lit:session:" + pubKeyHex)
 *     .nonce(latestBlockhash).expirationTime(IsoTime.toIsoString(expiry))
 *     .clock(clock).build();
 * String text = siwe.prepareMessage();
 * }</pre>
 */
public final class SiweMessage {
  static final String HEADER_SUFFIX = " wants you to sign in with your Ethereum account:";

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");
  private static final Pattern AUTHORITY =
      Pattern.compile("[A-Za-z0-9\\-._~%!$&'()*+,;=:@\\[\\]]+");
  private static final Pattern URI_REST =
      Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*");
  private static final Pattern PCHARS = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%]*");
  private static final Pattern STATEMENT =
      Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;= ]+");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final char[] ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String scheme;
  private final String domain;
  private final String address;
  private final String statement;
  private final String uri;
  private final String version;
  private final long chainId;
  private final String nonce;
  private final String issuedAt;
  private final String expirationTime;
  private final String notBefore;
  private final String requestId;
  private final List<String> resources;

  private SiweMessage(Builder b) {
    this.scheme = b.scheme;
    this.domain = b.domain;
    this.address = b.address;
    this.statement = b.statement;
    this.uri = b.uri;
    this.version = b.version;
    this.chainId = b.chainId;
    this.nonce = b.nonce != null ? b.nonce : generateNonce();
    this.issuedAt = b.issuedAt != null ? b.issuedAt : IsoTime.toIsoString(b.clock.instant());
    this.expirationTime = b.expirationTime;
    this.notBefore = b.notBefore;
    this.requestId = b.requestId;
    this.resources = b.resources == null ? null : Args.listCopy(b.resources, "resources");
    validate();
  }

  /**
   * A builder; {@code version} defaults to {@code "1"}, {@code chainId} to 1, {@code issuedAt} to
   * the clock's now, {@code nonce} to a random one.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this message's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.scheme = scheme;
    b.domain = domain;
    b.address = address;
    b.statement = statement;
    b.uri = uri;
    b.version = version;
    b.chainId = chainId;
    b.nonce = nonce;
    b.issuedAt = issuedAt;
    b.expirationTime = expirationTime;
    b.notBefore = notBefore;
    b.requestId = requestId;
    b.resources = resources == null ? null : new ArrayList<>(resources);
    return b;
  }

  // siwe validateMessage(), plus: no line breaks in single-line fields (they would corrupt the
  // text)
  private void validate() {
    if (domain == null || domain.isEmpty()) throw new SiweParseException(0, "domain", "is missing");
    if (!AUTHORITY.matcher(domain).matches())
      throw new SiweParseException(
          0, "domain", "'" + domain + "' is not a valid RFC 3986 authority");
    if (scheme != null && !SCHEME.matcher(scheme).matches())
      throw new SiweParseException(0, "scheme", "'" + scheme + "' is not a valid URI scheme");
    if (address == null) throw new SiweParseException(0, "address", "is missing");
    if (!EthAddress.isChecksummed(address)) {
      throw new SiweParseException(
          0,
          "address",
          "'"
              + address
              + "' is not an EIP-55 checksummed address"
              + (io.lit4j.core.util.Hex.isHex(address) && address.length() == 42
                  ? " (expected "
                      + new EthAddress(io.lit4j.core.util.Hex.decode(address, 20, "address"))
                          .checksummed()
                      + ")"
                  : ""));
    }
    if (statement != null && (statement.indexOf('\n') >= 0 || statement.indexOf('\r') >= 0)) {
      throw new SiweParseException(0, "statement", "must not contain line breaks");
    }
    if (uri == null) throw new SiweParseException(0, "uri", "is missing");
    if (!isUri(uri)) throw new SiweParseException(0, "uri", "'" + uri + "' is not a valid URI");
    if (!"1".equals(version))
      throw new SiweParseException(0, "version", "must be \"1\", got '" + version + "'");
    if (chainId < 0) throw new SiweParseException(0, "chainId", "must not be negative");
    if (!NONCE.matcher(nonce).matches())
      throw new SiweParseException(0, "nonce", "must be at least 8 alphanumeric characters");
    checkTime(issuedAt, "issuedAt");
    if (expirationTime != null) checkTime(expirationTime, "expirationTime");
    if (notBefore != null) checkTime(notBefore, "notBefore");
    if (requestId != null && requestId.indexOf('\n') >= 0)
      throw new SiweParseException(0, "requestId", "must not contain line breaks");
    if (resources != null) {
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

  static boolean isUri(String s) {
    int colon = s.indexOf(':');
    if (colon <= 0 || !SCHEME.matcher(s.substring(0, colon)).matches()) return false;
    String rest = s.substring(colon + 1);
    if (!URI_REST.matcher(rest).matches()) return false;
    if (rest.indexOf('#') != rest.lastIndexOf('#')) return false;
    return pctOk(rest);
  }

  private static boolean pctOk(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%') {
        if (i + 2 >= s.length()
            || Character.digit(s.charAt(i + 1), 16) < 0
            || Character.digit(s.charAt(i + 2), 16) < 0) return false;
      }
    }
    return true;
  }

  private static String generateNonce() {
    // siwe: 96 bits of entropy over an alphanumeric alphabet (17 characters)
    StringBuilder sb = new StringBuilder(17);
    for (int i = 0; i < 17; i++) sb.append(ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)]);
    return sb.toString();
  }

  /**
   * The EIP-4361 text, byte-identical to siwe 2.3.2 {@code prepareMessage()}: a missing or empty
   * statement still leaves its empty line; {@code resources} present but empty gives a bare {@code
   * Resources:} line; absent resources give no line.
   *
   * @return the EIP-4361 text
   */
  public String prepareMessage() {
    StringBuilder sb = new StringBuilder();
    if (scheme != null) sb.append(scheme).append("://");
    sb.append(domain).append(HEADER_SUFFIX).append('\n').append(address).append("\n\n");
    if (statement != null && !statement.isEmpty()) sb.append(statement).append('\n');
    sb.append('\n');
    sb.append("URI: ").append(uri).append('\n');
    sb.append("Version: ").append(version).append('\n');
    sb.append("Chain ID: ").append(chainId).append('\n');
    sb.append("Nonce: ").append(nonce).append('\n');
    sb.append("Issued At: ").append(issuedAt);
    if (expirationTime != null && !expirationTime.isEmpty())
      sb.append("\nExpiration Time: ").append(expirationTime);
    if (notBefore != null && !notBefore.isEmpty()) sb.append("\nNot Before: ").append(notBefore);
    if (requestId != null && !requestId.isEmpty()) sb.append("\nRequest ID: ").append(requestId);
    if (resources != null) {
      sb.append("\nResources:");
      for (String r : resources) sb.append("\n- ").append(r);
    }
    return sb.toString();
  }

  /**
   * Parses EIP-4361 text with siwe 2.3.2's grammar and checks. A bare {@code Resources:} line reads
   * back as one empty resource, as siwe does.
   *
   * @param text the EIP-4361 message text
   * @return the message
   * @throws SiweParseException naming the line and field that do not fit
   */
  public static SiweMessage parse(String text) {
    return parse(text, true);
  }

  /**
   * Parses like {@link #parse(String)} but accepts any characters in the statement except line
   * breaks (siwe's grammar rejects non-ASCII and {@code "}, although JS SDK 4.2.0 sends such
   * messages after a re-sign).
   *
   * @param text the EIP-4361 message text
   * @return the message
   * @throws SiweParseException naming the line and field that do not fit
   */
  public static SiweMessage parseLenient(String text) {
    return parse(text, false);
  }

  private static SiweMessage parse(String text, boolean strictStatement) {
    if (text == null) throw new SiweParseException(0, "message", "is missing");
    String[] lines = text.split("\n", -1);
    Cursor c = new Cursor(lines);
    Builder b = builder();

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
      b.scheme = s;
      authority = authority.substring(sep + 3);
    }
    if (authority.isEmpty()) throw c.error("domain", "is empty");
    if (!AUTHORITY.matcher(authority).matches())
      throw c.error("domain", "'" + authority + "' is not a valid RFC 3986 authority");
    b.domain = authority;

    String addr = c.next("address");
    if (!(addr.length() == 42 && addr.startsWith("0x") && io.lit4j.core.util.Hex.isHex(addr))) {
      throw c.error("address", "must be 0x followed by 40 hex digits");
    }
    if (!EthAddress.isChecksummed(addr))
      throw c.error("address", "'" + addr + "' is not conformant to EIP-55");
    b.address = addr;

    if (!c.next("empty line").isEmpty())
      throw c.error("empty line", "must be empty (after the address)");
    String l = c.next("statement");
    if (!l.isEmpty()) {
      if (strictStatement && !STATEMENT.matcher(l).matches()) {
        throw c.error(
            "statement",
            "contains characters EIP-4361 does not allow (only RFC 3986 reserved/unreserved characters and spaces)");
      }
      b.statement = l;
      if (!c.next("empty line").isEmpty())
        throw c.error("empty line", "must be empty (after the statement)");
    }
    b.uri = c.field("URI", "URI: ");
    if (!isUri(b.uri)) throw c.error("URI", "'" + b.uri + "' is not a valid URI");
    String v = c.field("Version", "Version: ");
    if (!"1".equals(v)) throw c.error("Version", "must be 1, got '" + v + "'");
    b.version = v;
    String chain = c.field("Chain ID", "Chain ID: ");
    if (!DIGITS.matcher(chain).matches())
      throw c.error("Chain ID", "must be decimal digits, got '" + chain + "'");
    try {
      b.chainId = Long.parseLong(chain);
    } catch (NumberFormatException e) {
      throw c.error("Chain ID", "is too large");
    }
    b.nonce = c.field("Nonce", "Nonce: ");
    if (!NONCE.matcher(b.nonce).matches())
      throw c.error("Nonce", "must be at least 8 alphanumeric characters");
    b.issuedAt = c.time("Issued At");
    if (c.peekStartsWith("Expiration Time: ")) b.expirationTime = c.time("Expiration Time");
    if (c.peekStartsWith("Not Before: ")) b.notBefore = c.time("Not Before");
    if (c.peekStartsWith("Request ID: ")) {
      b.requestId = c.field("Request ID", "Request ID: ");
      if (!PCHARS.matcher(b.requestId).matches() || !pctOk(b.requestId)) {
        throw c.error("Request ID", "contains characters EIP-4361 does not allow");
      }
      if (b.requestId.isEmpty()) b.requestId = null;
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
      b.resources = res;
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

  /**
   * Checks the time window at {@code now}: not expired ({@code now < expirationTime}) and already
   * valid ({@code now >= notBefore}), like siwe's verify.
   *
   * @param now the time to check against
   * @throws SiweVerificationException when outside the window
   */
  public void validateTime(Instant now) {
    Args.required(now, "now");
    expirationInstant()
        .ifPresent(
            exp -> {
              if (!now.isBefore(exp)) {
                throw new SiweVerificationException(
                    SiweVerificationException.Reason.EXPIRED_MESSAGE,
                    "SIWE message expired at "
                        + expirationTime
                        + " (now "
                        + IsoTime.toIsoString(now)
                        + ")");
              }
            });
    notBeforeInstant()
        .ifPresent(
            nb -> {
              if (now.isBefore(nb)) {
                throw new SiweVerificationException(
                    SiweVerificationException.Reason.NOT_YET_VALID_MESSAGE,
                    "SIWE message is not valid before "
                        + notBefore
                        + " (now "
                        + IsoTime.toIsoString(now)
                        + ")");
              }
            });
  }

  /**
   * Checks everything {@link #verify} checks except the signature: the scheme, domain and nonce
   * bindings given in {@code options} and the time window at {@code options.time()}.
   *
   * @param options the bindings to check and the time
   * @throws SiweVerificationException naming the failed check
   */
  public void validate(SiweVerifyOptions options) {
    Args.required(options, "options");
    options
        .scheme()
        .ifPresent(
            s -> {
              if (!s.equals(scheme)) {
                throw new SiweVerificationException(
                    SiweVerificationException.Reason.SCHEME_MISMATCH,
                    "SIWE scheme is '" + scheme + "', expected '" + s + "'");
              }
            });
    options
        .domain()
        .ifPresent(
            d -> {
              if (!d.equals(domain)) {
                throw new SiweVerificationException(
                    SiweVerificationException.Reason.DOMAIN_MISMATCH,
                    "SIWE domain is '" + domain + "', expected '" + d + "'");
              }
            });
    options
        .nonce()
        .ifPresent(
            n -> {
              if (!n.equals(nonce)) {
                throw new SiweVerificationException(
                    SiweVerificationException.Reason.NONCE_MISMATCH,
                    "SIWE nonce is '" + nonce + "', expected '" + n + "'");
              }
            });
    validateTime(options.time());
  }

  /**
   * Verifies like siwe's {@code verify}: scheme, domain and nonce bindings if given, the time
   * window at {@code options.time()}, then that the EIP-191 signature of {@link #prepareMessage()}
   * recovers exactly {@link #address()}. (EIP-1271 contract signatures are not checked here.)
   *
   * @param signature 65-byte hex signature (optional {@code 0x})
   * @param options the bindings to check and the time
   * @throws SiweVerificationException naming the failed check
   * @throws io.lit4j.core.errors.LitValidationException when the signature is not 65 bytes of hex
   */
  public void verify(String signature, SiweVerifyOptions options) {
    validate(options);
    Optional<String> signer =
        EthSignatures.findPersonalSignAddress(prepareMessage(), signature)
            .map(EthAddress::checksummed);
    if (signer.isEmpty() || !signer.get().equals(address)) {
      throw new SiweVerificationException(
          SiweVerificationException.Reason.INVALID_SIGNATURE,
          "SIWE signature was made by "
              + signer.orElse("no recoverable address")
              + ", not by "
              + address);
    }
  }

  /** {@return the scheme before the domain ({@code https://example.com wants you…}), if any} */
  public Optional<String> scheme() {
    return Optional.ofNullable(scheme);
  }

  /** {@return the RFC 3986 authority requesting the signature} */
  public String domain() {
    return domain;
  }

  /** {@return the EIP-55 address signing} */
  public String address() {
    return address;
  }

  /** {@return the statement, if one was given (may be the empty string, which prints like none)} */
  public Optional<String> statement() {
    return Optional.ofNullable(statement);
  }

  /** {@return the URI the signature is for, e.g. {@code lit:session:<pubkey>}} */
  public String uri() {
    return uri;
  }

  /**
   * Always {@code "1"}.
   *
   * @return {@code "1"}
   */
  public String version() {
    return version;
  }

  /** {@return the EIP-155 chain id} */
  public long chainId() {
    return chainId;
  }

  /** {@return the nonce (for Lit: the latest Ethereum block hash)} */
  public String nonce() {
    return nonce;
  }

  /**
   * Issued At, verbatim.
   *
   * @return the Issued At text
   */
  public String issuedAt() {
    return issuedAt;
  }

  /**
   * Expiration Time, verbatim, if any.
   *
   * @return the Expiration Time text, or empty
   */
  public Optional<String> expirationTime() {
    return Optional.ofNullable(expirationTime);
  }

  /**
   * Not Before, verbatim, if any.
   *
   * @return the Not Before text, or empty
   */
  public Optional<String> notBefore() {
    return Optional.ofNullable(notBefore);
  }

  /**
   * Request ID, if any.
   *
   * @return the Request ID, or empty
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** {@return the resources, if the field is present (it may be present and empty)} */
  public Optional<List<String>> resources() {
    return Optional.ofNullable(resources);
  }

  /**
   * Issued At as an instant.
   *
   * @return the issue time
   */
  public Instant issuedAtInstant() {
    return IsoTime.parse(issuedAt, "issuedAt");
  }

  /**
   * Expiration Time as an instant, if any.
   *
   * @return the expiration time, or empty
   */
  public Optional<Instant> expirationInstant() {
    return expirationTime().map(t -> IsoTime.parse(t, "expirationTime"));
  }

  /**
   * Not Before as an instant, if any.
   *
   * @return the not-before time, or empty
   */
  public Optional<Instant> notBeforeInstant() {
    return notBefore().map(t -> IsoTime.parse(t, "notBefore"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SiweMessage m
        && m.prepareMessage().equals(prepareMessage())
        && Objects.equals(m.statement, statement)
        && Objects.equals(m.resources, resources);
  }

  @Override
  public int hashCode() {
    return prepareMessage().hashCode();
  }

  @Override
  public String toString() {
    return prepareMessage();
  }

  /** Builder of {@link SiweMessage}; {@link #build()} validates like siwe's constructor. */
  public static final class Builder {
    private String scheme;
    private String domain;
    private String address;
    private String statement;
    private String uri;
    private String version = "1";
    private long chainId = 1;
    private String nonce;
    private String issuedAt;
    private String expirationTime;
    private String notBefore;
    private String requestId;
    private List<String> resources;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Optional scheme printed before the domain.
     *
     * @param scheme optional scheme printed before the domain
     * @return this builder
     */
    public Builder scheme(String scheme) {
      this.scheme = scheme;
      return this;
    }

    /**
     * Sets {@code domain}; returns this builder.
     *
     * @param domain {@code domain}; returns this builder
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * EIP-55 address (use {@link EthAddress#checksummed()} for other spellings).
     *
     * @param address EIP-55 address (use {@link EthAddress#checksummed()} for other spellings)
     * @return this builder
     */
    public Builder address(String address) {
      this.address = address;
      return this;
    }

    /**
     * The statement; {@code null} removes it.
     *
     * @param statement the statement; {@code null} removes it
     * @return this builder
     */
    public Builder statement(String statement) {
      this.statement = statement;
      return this;
    }

    /**
     * Sets {@code uri}; returns this builder.
     *
     * @param uri {@code uri}; returns this builder
     * @return this builder
     */
    public Builder uri(String uri) {
      this.uri = uri;
      return this;
    }

    /**
     * Sets {@code version}; returns this builder.
     *
     * @param version {@code version}; returns this builder
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets {@code chainId}; returns this builder.
     *
     * @param chainId {@code chainId}; returns this builder
     * @return this builder
     */
    public Builder chainId(long chainId) {
      this.chainId = chainId;
      return this;
    }

    /**
     * Sets {@code nonce}; returns this builder.
     *
     * @param nonce {@code nonce}; returns this builder
     * @return this builder
     */
    public Builder nonce(String nonce) {
      this.nonce = nonce;
      return this;
    }

    /**
     * Issued At verbatim; when not set, {@link #build()} uses the clock's now as JS {@code
     * toISOString()}.
     *
     * @param issuedAt Issued At verbatim; when not set, {@link #build()} uses the clock's now as JS
     *     {@code toISOString()}
     * @return this builder
     */
    public Builder issuedAt(String issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    /**
     * Sets {@code issuedAt}; returns this builder.
     *
     * @param issuedAt {@code issuedAt}; returns this builder
     * @return this builder
     */
    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = IsoTime.toIsoString(issuedAt);
      return this;
    }

    /**
     * Expiration Time verbatim; {@code null} removes it.
     *
     * @param expirationTime Expiration Time verbatim; {@code null} removes it
     * @return this builder
     */
    public Builder expirationTime(String expirationTime) {
      this.expirationTime = expirationTime;
      return this;
    }

    /**
     * Sets {@code expirationTime}; returns this builder.
     *
     * @param expirationTime {@code expirationTime}; returns this builder
     * @return this builder
     */
    public Builder expirationTime(Instant expirationTime) {
      this.expirationTime = IsoTime.toIsoString(expirationTime);
      return this;
    }

    /**
     * Not Before verbatim; {@code null} removes it.
     *
     * @param notBefore Not Before verbatim; {@code null} removes it
     * @return this builder
     */
    public Builder notBefore(String notBefore) {
      this.notBefore = notBefore;
      return this;
    }

    /**
     * Sets {@code requestId}; returns this builder.
     *
     * @param requestId {@code requestId}; returns this builder
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * The resources; {@code null} removes the field, an empty list prints a bare {@code Resources:}
     * line.
     *
     * @param resources the resources; {@code null} removes the field, an empty list prints a bare
     *     {@code Resources:} line
     * @return this builder
     */
    public Builder resources(List<String> resources) {
      this.resources = resources == null ? null : new ArrayList<>(resources);
      return this;
    }

    /**
     * The clock that fills Issued At when it is not set (default: system UTC).
     *
     * @param clock the clock that fills Issued At when it is not set (default: system UTC)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Args.required(clock, "clock");
      return this;
    }

    /**
     * Builds and validates.
     *
     * @return the message
     * @throws SiweParseException naming the first invalid field
     */
    public SiweMessage build() {
      return new SiweMessage(this);
    }
  }
}
