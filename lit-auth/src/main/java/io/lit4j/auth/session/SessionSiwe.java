package io.lit4j.auth.session;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.signer.EthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIWE a wallet signs to delegate to a session key (the inner capability of session sigs):
 * {@code uri = lit:session:<pubkey>}, nonce = the network's latest block hash, and a ReCap built
 * from the resource-ability requests and merged into statement and resources ({@code
 * addCapabilityForResource} per request, then {@code addToSiweMessage}).
 *
 * <p>This is the v4 auth-callback pattern, and what later SDKs call {@code
 * createSiweMessageWithRecaps}.
 *
 * <pre>{@code
 * SiweMessage siwe = SessionSiwe.builder()
 *     .address(signer.address()).sessionKey(sessionKey).nonce(latestBlockhash)
 *     .resourceAbilityRequests(requests).statement("Sign in to my app.")
 *     .clock(clock).build();
 * AuthSig walletSig = AuthSigs.generate(signer, siwe.prepareMessage());
 * }</pre>
 */
public final class SessionSiwe {
  /** Default wallet SIWE lifetime of the v4 SDK (24 h). */
  public static final Duration DEFAULT_TTL =
      io.lit4j.core.constants.LitConstants.WALLET_SIG_DEFAULT_TTL;

  private SessionSiwe() {}

  /**
   * {@return a builder; domain defaults to {@code localhost}, chain id to 1, expiration to now + 24
   * h}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return same as {@code builder.build()}; named after the SDK helper}
   *
   * @param builder the configured builder
   */
  public static SiweMessage createSiweMessageWithRecaps(Builder builder) {
    return Args.required(builder, "builder").build();
  }

  /** Builder of a session SIWE. */
  public static final class Builder {
    private String domain = "localhost";
    private String address;
    private String uri;
    private String statement;
    private long chainId = 1;
    private String nonce;
    private String expiration;
    private String issuedAt;
    private List<String> resources;
    private List<ResourceAbilityRequest> requests = List.of();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

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
     * EIP-55 address of the wallet that signs.
     *
     * @param address EIP-55 address of the wallet that signs
     * @return this builder
     */
    public Builder address(String address) {
      this.address = address;
      return this;
    }

    /**
     * Sets the URI to {@code lit:session:<publicKeyHex>}.
     *
     * @param sessionKey the URI to {@code lit:session:<publicKeyHex>}
     * @return this builder
     */
    public Builder sessionKey(SessionKeyPair sessionKey) {
      this.uri = Args.required(sessionKey, "sessionKey").uri();
      return this;
    }

    /**
     * The URI verbatim (normally {@code lit:session:<pubkey>}).
     *
     * @param uri the URI verbatim (normally {@code lit:session:<pubkey>})
     * @return this builder
     */
    public Builder uri(String uri) {
      this.uri = uri;
      return this;
    }

    /**
     * The user statement; the ReCap statement is appended after a space.
     *
     * @param statement the user statement; the ReCap statement is appended after a space
     * @return this builder
     */
    public Builder statement(String statement) {
      this.statement = statement;
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
     * The latest Ethereum block hash ({@code 0x…}).
     *
     * @param nonce the latest Ethereum block hash ({@code 0x…})
     * @return this builder
     */
    public Builder nonce(String nonce) {
      this.nonce = nonce;
      return this;
    }

    /**
     * Expiration verbatim; default the clock's now + 24 h.
     *
     * @param expiration Expiration verbatim; default the clock's now + 24 h
     * @return this builder
     */
    public Builder expiration(String expiration) {
      this.expiration = expiration;
      return this;
    }

    /**
     * Sets {@code expiration}; returns this builder.
     *
     * @param expiration {@code expiration}; returns this builder
     * @return this builder
     */
    public Builder expiration(Instant expiration) {
      this.expiration = io.lit4j.auth.siwe.IsoTime.toIsoString(expiration);
      return this;
    }

    /**
     * Issued At verbatim; default the clock's now.
     *
     * @param issuedAt Issued At verbatim; default the clock's now
     * @return this builder
     */
    public Builder issuedAt(String issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    /**
     * Resources placed before the ReCap URN.
     *
     * @param resources Resources placed before the ReCap URN
     * @return this builder
     */
    public Builder resources(List<String> resources) {
      this.resources = resources == null ? null : new ArrayList<>(resources);
      return this;
    }

    /**
     * What the session will ask for; each becomes a ReCap capability.
     *
     * @param requests what the session will ask for; each becomes a ReCap capability
     * @return this builder
     */
    public Builder resourceAbilityRequests(List<ResourceAbilityRequest> requests) {
      this.requests = Args.listCopy(requests, "requests");
      return this;
    }

    /**
     * Sets {@code clock}; returns this builder.
     *
     * @param clock {@code clock}; returns this builder
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Args.required(clock, "clock");
      return this;
    }

    /**
     * Builds the SIWE with its ReCap.
     *
     * @return the SIWE message
     * @throws LitValidationException when the nonce or URI is missing, a request pairs an ability
     *     with a resource it does not apply to, or a SIWE field is invalid
     */
    public SiweMessage build() {
      if (nonce == null)
        throw new LitValidationException("nonce is missing: use the network's latest block hash");
      if (uri == null) throw new LitValidationException("uri is missing: give the session key");
      Instant now = clock.instant();
      SiweMessage base =
          SiweMessage.builder()
              .domain(domain)
              .address(address)
              .statement(statement)
              .uri(uri)
              .chainId(chainId)
              .nonce(nonce)
              .issuedAt(issuedAt != null ? issuedAt : io.lit4j.auth.siwe.IsoTime.toIsoString(now))
              .expirationTime(
                  expiration != null
                      ? expiration
                      : io.lit4j.auth.siwe.IsoTime.toIsoString(now.plus(DEFAULT_TTL)))
              .resources(resources)
              .build();
      RecapObject recap = RecapObject.empty();
      for (ResourceAbilityRequest r : requests)
        recap = recap.withCapabilityForResource(r.resource(), r.ability());
      return recap.addToSiweMessage(base);
    }

    /**
     * Builds the SIWE and signs it with {@code signer} (EIP-191), giving the wallet auth sig; the
     * signer's address is used when none was set.
     *
     * @param signer the wallet that signs
     * @return the wallet auth sig
     */
    public AuthSig buildAndSign(EthSigner signer) {
      Args.required(signer, "signer");
      String previous = address;
      if (address == null) address = signer.address();
      try {
        return AuthSigs.generate(signer, build().prepareMessage());
      } finally {
        address = previous;
      }
    }
  }
}
