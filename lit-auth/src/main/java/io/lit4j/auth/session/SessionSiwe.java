package io.lit4j.auth.session;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.signer.EthSigner;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.constants.LitConstants;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIWE that delegates to a session key ({@code uri = lit:session:<pubkey>}, nonce = the
 * network's latest block hash) with a ReCap built from the resource-ability requests and merged
 * into statement and resources ({@code addCapabilityForResource} per request, then {@code
 * addToSiweMessage}). Two flavours, one builder:
 *
 * <ul>
 *   <li>{@link #builder()}: the SIWE a wallet signs (the inner capability of session sigs; the v4
 *       auth-callback pattern, and what later SDKs call {@code createSiweMessageWithRecaps}).
 *       Domain {@code localhost}; the ReCap is always added, empty when there are no requests.
 *   <li>{@link #pkpBuilder()}: the SIWE {@code signSessionKey} sends to the nodes for a PKP to sign
 *       (JS SDK 4.2.0): address = the PKP's address (or {@value #PKP_PLACEHOLDER_ADDRESS} when no
 *       key is given; the nodes put the real one), statement {@value #PKP_STATEMENT} (+ {@code " "
 *       + statement}), domain {@value #PKP_DEFAULT_DOMAIN}, a ReCap only when requests are given,
 *       and each request checked against it.
 * </ul>
 *
 * Both expire 24 h after the issue time unless told otherwise.
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
  /** Default session SIWE lifetime of the v4 SDK (24 h). */
  public static final Duration DEFAULT_TTL = LitConstants.WALLET_SIG_DEFAULT_TTL;

  /** The address 4.2.0 writes in a PKP session SIWE when no PKP public key is given. */
  public static final String PKP_PLACEHOLDER_ADDRESS = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";

  /** The fixed start of a PKP session SIWE's statement. */
  public static final String PKP_STATEMENT = "Lit Protocol PKP session signature";

  /** Default domain of a PKP session SIWE outside a browser. */
  public static final String PKP_DEFAULT_DOMAIN = "litprotocol.com";

  private SessionSiwe() {}

  /**
   * {@return a builder of the SIWE a wallet signs; domain defaults to {@code localhost}, chain id
   * to 1, expiration to now + 24 h}
   */
  public static Builder builder() {
    return new Builder(false);
  }

  /**
   * {@return a builder of the SIWE {@code signSessionKey} sends for a PKP to sign, with the 4.2.0
   * defaults (domain {@value #PKP_DEFAULT_DOMAIN}, chain id 1, expiration now + 24 h)}
   */
  public static Builder pkpBuilder() {
    return new Builder(true);
  }

  /**
   * {@return same as {@code builder.build()}; named after the SDK helper}
   *
   * @param builder the configured builder
   */
  public static SiweMessage createSiweMessageWithRecaps(Builder builder) {
    return Args.required(builder, "builder").build();
  }

  /**
   * The EIP-55 Ethereum address of a secp256k1 public key (ethers {@code computeAddress}):
   * compressed (33 bytes), uncompressed (65 bytes, {@code 04…}) or raw (64 bytes), hex with or
   * without {@code 0x}.
   *
   * @param publicKeyHex the public key, hex with or without {@code 0x}
   * @return the EIP-55 address
   * @throws LitValidationException when it is not a valid public key
   */
  public static String pkpAddress(String publicKeyHex) {
    byte[] key = Hex.decode(publicKeyHex, "pkpPublicKey");
    if (key.length == 64) {
      // raw x ‖ y: the uncompressed form without its 04 prefix
      byte[] unc = new byte[65];
      unc[0] = 0x04;
      System.arraycopy(key, 0, unc, 1, 64);
      key = unc;
    } else if (key.length != 33 && key.length != 65) {
      throw new LitValidationException(
          "pkpPublicKey must be 33, 64 or 65 bytes, got " + key.length);
    }
    try {
      return Secp256k1PublicKey.fromBytes(key).ethAddress().checksummed();
    } catch (LitCryptoException e) {
      throw new LitValidationException("pkpPublicKey is not a point on secp256k1", e);
    }
  }

  /** Builder of a session SIWE (see {@link SessionSiwe} for the two flavours). */
  public static final class Builder {
    private final boolean pkp;
    private String domain;
    private String address;
    private String pkpPublicKey;
    private String uri;
    private String statement;
    private long chainId = 1;
    private String nonce;
    private String expiration;
    private String issuedAt;
    private List<String> resources;
    private List<ResourceAbilityRequest> requests;
    private Clock clock = Clock.systemUTC();

    private Builder(boolean pkp) {
      this.pkp = pkp;
      this.domain = pkp ? PKP_DEFAULT_DOMAIN : "localhost";
      this.requests = pkp ? null : List.of();
    }

    /**
     * The RFC 3986 authority asking for the signature.
     *
     * @param domain the domain
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * EIP-55 address of the wallet that signs.
     *
     * @param address the signing wallet's EIP-55 address
     * @return this builder
     */
    public Builder address(String address) {
      this.address = address;
      return this;
    }

    /**
     * The PKP's public key (hex, any SEC1 form, or raw {@code x ‖ y}); the address becomes its
     * Ethereum address.
     *
     * @param pkpPublicKey the PKP public key, hex
     * @return this builder
     */
    public Builder pkpPublicKey(String pkpPublicKey) {
      this.pkpPublicKey = pkpPublicKey;
      return this;
    }

    /**
     * Sets the URI to {@code lit:session:<publicKeyHex>}.
     *
     * @param sessionKey the session key the SIWE delegates to
     * @return this builder
     */
    public Builder sessionKey(SessionKeyPair sessionKey) {
      this.uri = Args.required(sessionKey, "sessionKey").uri();
      return this;
    }

    /**
     * The URI verbatim (normally {@code lit:session:<pubkey>}).
     *
     * @param uri the URI
     * @return this builder
     */
    public Builder uri(String uri) {
      this.uri = uri;
      return this;
    }

    /**
     * The user statement; the ReCap statement is appended after a space (for a PKP SIWE it follows
     * {@value SessionSiwe#PKP_STATEMENT} and a space).
     *
     * @param statement the user statement
     * @return this builder
     */
    public Builder statement(String statement) {
      this.statement = statement;
      return this;
    }

    /**
     * The EIP-155 chain id (default 1).
     *
     * @param chainId the chain id
     * @return this builder
     */
    public Builder chainId(long chainId) {
      this.chainId = chainId;
      return this;
    }

    /**
     * The latest Ethereum block hash ({@code 0x…}).
     *
     * @param nonce the nonce
     * @return this builder
     */
    public Builder nonce(String nonce) {
      this.nonce = nonce;
      return this;
    }

    /**
     * Expiration verbatim; default the clock's now + 24 h.
     *
     * @param expiration the Expiration Time text
     * @return this builder
     */
    public Builder expiration(String expiration) {
      this.expiration = expiration;
      return this;
    }

    /**
     * Expiration as an instant, printed as JS {@code toISOString()} does.
     *
     * @param expiration the expiry instant
     * @return this builder
     */
    public Builder expiration(Instant expiration) {
      this.expiration = IsoTime.toIsoString(expiration);
      return this;
    }

    /**
     * Issued At verbatim; default the clock's now.
     *
     * @param issuedAt the Issued At text
     * @return this builder
     */
    public Builder issuedAt(String issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    /**
     * Resources placed before the ReCap URN.
     *
     * @param resources the resource URIs, or {@code null}
     * @return this builder
     */
    public Builder resources(List<String> resources) {
      this.resources = resources == null ? null : new ArrayList<>(resources);
      return this;
    }

    /**
     * What the session will ask for; each becomes a ReCap capability. An empty list still adds an
     * empty ReCap; {@code null} adds none.
     *
     * @param requests the resource-ability requests
     * @return this builder
     */
    public Builder resourceAbilityRequests(List<ResourceAbilityRequest> requests) {
      this.requests = requests == null ? null : Args.listCopy(requests, "requests");
      return this;
    }

    /**
     * The clock for Issued At and the default expiration (default: system UTC).
     *
     * @param clock the clock
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
     * @throws LitValidationException when the nonce or session key is missing, a request pairs an
     *     ability with a resource it does not apply to, a PKP request is not covered by the ReCap
     *     just built (4.2.0: "Failed to verify capabilities for resource"), or a SIWE field is
     *     invalid
     */
    public SiweMessage build() {
      if (nonce == null)
        throw new LitValidationException("nonce is missing: use the network's latest block hash");
      if (uri == null) throw new LitValidationException("uri is missing: give the session key");
      Instant now = clock.instant();
      SiweMessage base =
          SiweMessage.builder()
              .domain(domain)
              .address(signerAddress())
              .statement(pkp ? pkpStatement() : statement)
              .uri(uri)
              .chainId(chainId)
              .nonce(nonce)
              .issuedAt(issuedAt != null ? issuedAt : IsoTime.toIsoString(now))
              .expirationTime(
                  expiration != null ? expiration : IsoTime.toIsoString(now.plus(DEFAULT_TTL)))
              .resources(resources)
              .build();
      if (requests == null) return base;
      RecapObject recap = RecapObject.empty();
      for (ResourceAbilityRequest r : requests) {
        recap = recap.withCapabilityForResource(r.resource(), r.ability());
        if (pkp && !recap.verifyCapabilitiesForResource(r.resource(), r.ability())) {
          throw new LitValidationException("Failed to verify capabilities for resource: " + r);
        }
      }
      return recap.addToSiweMessage(base);
    }

    private String signerAddress() {
      if (pkpPublicKey != null) return pkpAddress(pkpPublicKey);
      if (pkp && address == null) return PKP_PLACEHOLDER_ADDRESS;
      return address;
    }

    private String pkpStatement() {
      return statement == null || statement.isEmpty()
          ? PKP_STATEMENT
          : PKP_STATEMENT + " " + statement;
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
