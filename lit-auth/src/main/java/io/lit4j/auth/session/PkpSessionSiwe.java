package io.lit4j.auth.session;

import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIWE {@code signSessionKey} sends to the nodes for a PKP to sign (JS SDK 4.2.0): address =
 * the PKP's address (or the placeholder {@code 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2} when no
 * key is given; the nodes put the real one), statement {@code Lit Protocol PKP session signature}
 * (+ {@code " " + statement}), {@code uri = lit:session:<pubkey>}, domain default {@code
 * litprotocol.com}, expiration default now + 24 h, and, when resource-ability requests are given, a
 * recap built from them.
 */
public final class PkpSessionSiwe {
  /** The address 4.2.0 writes when no PKP public key is given. */
  public static final String PLACEHOLDER_ADDRESS = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";

  /** The fixed start of the statement. */
  public static final String STATEMENT = "Lit Protocol PKP session signature";

  /** Default domain outside a browser. */
  public static final String DEFAULT_DOMAIN = "litprotocol.com";

  private PkpSessionSiwe() {}

  /** {@return a builder with the 4.2.0 defaults} */
  public static Builder builder() {
    return new Builder();
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
  public static String computeAddress(String publicKeyHex) {
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

  /** Builder of the PKP session SIWE. */
  public static final class Builder {
    private String pkpPublicKey;
    private String uri;
    private String nonce;
    private String domain = DEFAULT_DOMAIN;
    private String statement;
    private long chainId = 1;
    private String expiration;
    private List<String> resources;
    private List<ResourceAbilityRequest> requests;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets {@code pkpPublicKey} (hex, any SEC1 form); returns this builder.
     *
     * @param pkpPublicKey {@code pkpPublicKey} (hex, any SEC1 form); returns this builder
     * @return this builder
     */
    public Builder pkpPublicKey(String pkpPublicKey) {
      this.pkpPublicKey = pkpPublicKey;
      return this;
    }

    /**
     * Sets the URI to the session key's {@code lit:session:<pubkey>}; returns this builder.
     *
     * @param sessionKey the URI to the session key's {@code lit:session:<pubkey>}; returns this
     *     builder
     * @return this builder
     */
    public Builder sessionKey(SessionKeyPair sessionKey) {
      this.uri = Args.required(sessionKey, "sessionKey").uri();
      return this;
    }

    /**
     * Sets {@code nonce} (the latest block hash); returns this builder.
     *
     * @param nonce {@code nonce} (the latest block hash); returns this builder
     * @return this builder
     */
    public Builder nonce(String nonce) {
      this.nonce = nonce;
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
     * Sets the user statement appended after {@value PkpSessionSiwe#STATEMENT}; returns this
     * builder.
     *
     * @param statement the user statement appended after {@value PkpSessionSiwe#STATEMENT}; returns
     *     this builder
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
     * Sets {@code expiration} verbatim; returns this builder.
     *
     * @param expiration {@code expiration} verbatim; returns this builder
     * @return this builder
     */
    public Builder expiration(String expiration) {
      this.expiration = expiration;
      return this;
    }

    /**
     * Sets the SIWE {@code resources}; returns this builder.
     *
     * @param resources the SIWE {@code resources}; returns this builder
     * @return this builder
     */
    public Builder resources(List<String> resources) {
      this.resources = resources == null ? null : new ArrayList<>(resources);
      return this;
    }

    /**
     * Sets the requests to build the recap from (an empty list still adds an empty recap); returns
     * this builder.
     *
     * @param requests the requests to build the recap from (an empty list still adds an empty
     *     recap); returns this builder
     * @return this builder
     */
    public Builder resourceAbilityRequests(List<ResourceAbilityRequest> requests) {
      this.requests = requests == null ? null : Args.listCopy(requests, "requests");
      return this;
    }

    /**
     * Sets the clock for Issued At and the default expiration; returns this builder.
     *
     * @param clock the clock for Issued At and the default expiration; returns this builder
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Args.required(clock, "clock");
      return this;
    }

    /**
     * Builds the SIWE.
     *
     * @return the SIWE message
     * @throws LitValidationException when the nonce or session key is missing, a request's ability
     *     does not apply to its resource, or a request is not covered by the recap just built
     *     (4.2.0: "Failed to verify capabilities for resource")
     */
    public SiweMessage build() {
      if (nonce == null)
        throw new LitValidationException("nonce is missing: use the network's latest block hash");
      if (uri == null) throw new LitValidationException("session key is missing");
      Instant now = clock.instant();
      SiweMessage siwe =
          SiweMessage.builder()
              .domain(domain)
              .address(pkpPublicKey == null ? PLACEHOLDER_ADDRESS : computeAddress(pkpPublicKey))
              .statement(
                  statement == null || statement.isEmpty()
                      ? STATEMENT
                      : STATEMENT + " " + statement)
              .uri(uri)
              .chainId(chainId)
              .nonce(nonce)
              .issuedAt(IsoTime.toIsoString(now))
              .expirationTime(
                  expiration != null
                      ? expiration
                      : IsoTime.toIsoString(now.plus(SessionSiwe.DEFAULT_TTL)))
              .resources(resources)
              .build();
      if (requests == null) return siwe;
      RecapObject recap = RecapObject.empty();
      for (ResourceAbilityRequest r : requests) {
        recap = recap.withCapabilityForResource(r.resource(), r.ability());
        if (!recap.verifyCapabilitiesForResource(r.resource(), r.ability())) {
          throw new LitValidationException("Failed to verify capabilities for resource: " + r);
        }
      }
      return recap.addToSiweMessage(siwe);
    }
  }
}
