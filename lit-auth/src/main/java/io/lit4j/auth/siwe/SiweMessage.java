package io.lit4j.auth.siwe;

import io.lit4j.core.util.Args;
import io.lit4j.crypto.eth.EthAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    this.nonce = b.nonce != null ? b.nonce : SiweFields.generateNonce();
    this.issuedAt = b.issuedAt != null ? b.issuedAt : IsoTime.toIsoString(b.clock.instant());
    this.expirationTime = b.expirationTime;
    this.notBefore = b.notBefore;
    this.requestId = b.requestId;
    this.resources = b.resources == null ? null : Args.listCopy(b.resources, "resources");
    SiweFields.validate(this);
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
    sb.append(domain).append(SiweFields.HEADER_SUFFIX).append('\n').append(address).append("\n\n");
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
    return SiweParser.parse(text, true);
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
    return SiweParser.parse(text, false);
  }

  /**
   * Checks the time window at {@code now}: not expired ({@code now < expirationTime}) and already
   * valid ({@code now >= notBefore}), like siwe's verify.
   *
   * @param now the time to check against
   * @throws SiweVerificationException when outside the window
   */
  public void validateTime(Instant now) {
    SiweChecks.validateTime(this, now);
  }

  /**
   * Checks everything {@link #verify} checks except the signature: the scheme, domain and nonce
   * bindings given in {@code options} and the time window at {@code options.time()}.
   *
   * @param options the bindings to check and the time
   * @throws SiweVerificationException naming the failed check
   */
  public void validate(SiweVerifyOptions options) {
    SiweChecks.validate(this, options);
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
    SiweChecks.verify(this, signature, options);
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
     * The RFC 3986 authority asking for the signature.
     *
     * @param domain the authority, e.g. {@code localhost}
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
     * The URI the signature is for.
     *
     * @param uri the URI, e.g. {@code lit:session:<pubkey>}
     * @return this builder
     */
    public Builder uri(String uri) {
      this.uri = uri;
      return this;
    }

    /**
     * The EIP-4361 version; only {@code "1"} is valid.
     *
     * @param version the version
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * The EIP-155 chain id.
     *
     * @param chainId the chain id (default 1)
     * @return this builder
     */
    public Builder chainId(long chainId) {
      this.chainId = chainId;
      return this;
    }

    /**
     * The nonce; when not set, {@link #build()} picks a random one.
     *
     * @param nonce the nonce (for Lit: the latest block hash)
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
     * @param issuedAt the Issued At text
     * @return this builder
     */
    public Builder issuedAt(String issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    /**
     * Issued At as an instant, printed as JS {@code toISOString()} does.
     *
     * @param issuedAt the instant
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
     * Expiration Time as an instant, printed as JS {@code toISOString()} does.
     *
     * @param expirationTime the instant
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
     * The Request ID; {@code null} removes it.
     *
     * @param requestId the Request ID
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
     * @param resources the resource URIs, or {@code null}
     * @return this builder
     */
    public Builder resources(List<String> resources) {
      this.resources = resources == null ? null : new ArrayList<>(resources);
      return this;
    }

    /**
     * The clock that fills Issued At when it is not set (default: system UTC).
     *
     * @param clock the clock
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
