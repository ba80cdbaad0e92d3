package io.lit4j.node;

import io.lit4j.core.constants.LitConstants;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.node.handshake.AttestationVerifier;
import io.lit4j.node.transport.NodeTransport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immutable settings of a {@link LitNodeClient}. Defaults follow the JS SDK 4.2.0
 * (client-protocol.md §1.1) where it has one.
 *
 * <pre>{@code
 * LitNodeClientConfig config = LitNodeClientConfig.builder()
 *     .bootstrapUrls(List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471", "http://127.0.0.1:7472"))
 *     .minNodeCount(2)
 *     .build();
 * }</pre>
 */
public final class LitNodeClientConfig {
  /** Time allowed for the whole handshake phase of a connect (SDK: 20 s). */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = LitConstants.CONNECT_TIMEOUT;

  /** Time allowed for one request to one node. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Interval of the background refresh (SDK: 30 s). */
  public static final Duration DEFAULT_REFRESH_INTERVAL = LitConstants.NETWORK_SYNC_INTERVAL;

  /** Threshold for a static list of nodes when none is given (SDK: 2). */
  public static final int DEFAULT_MIN_NODE_COUNT = LitConstants.DEFAULT_MIN_NODE_COUNT;

  private final LitNetwork network;
  private final ValidatorSource validatorSource;
  private final boolean checkNodeAttestation;
  private final AttestationVerifier attestationVerifier;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration refreshInterval;
  private final RetryPolicy retryPolicy;
  private final SessionKeyStore sessionKeyStore;
  private final Logger logger;
  private final OkHttpClient httpClient;
  private final NodeTransport transport;
  private final Builder source;

  private LitNodeClientConfig(Builder b) {
    NodeSelection nodes =
        NodeSelection.resolve(
            b.network, b.bootstrapUrls, b.validatorSource, b.minNodeCount, b.checkNodeAttestation);
    this.network = nodes.network();
    this.validatorSource = nodes.validatorSource();
    this.checkNodeAttestation = nodes.checkNodeAttestation();
    this.attestationVerifier = b.attestationVerifier;
    this.connectTimeout = positive("connectTimeout", b.connectTimeout);
    this.requestTimeout = positive("requestTimeout", b.requestTimeout);
    this.refreshInterval =
        b.refreshInterval.isZero() ? Duration.ZERO : positive("refreshInterval", b.refreshInterval);
    this.retryPolicy = nonNull("retryPolicy", b.retryPolicy);
    this.sessionKeyStore = nonNull("sessionKeyStore", b.sessionKeyStore);
    this.logger = nonNull("logger", b.logger);
    if (b.httpClient != null && b.transport != null) {
      throw new LitValidationException("give either an httpClient or a transport, not both");
    }
    this.httpClient = b.httpClient;
    this.transport = b.transport;
    this.source = b.copy();
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A config for a lit-localnet network from the JSON its launcher prints (or {@code
   * LocalLitNetwork.connectionInfoJson()}): nodes read from its Staking contract over its RPC, as
   * {@link Builder#localNetwork} does. Derive changes with {@link #toBuilder()}.
   *
   * @param connectionJson the network's connection JSON
   * @return the config
   * @throws LitValidationException when the JSON is malformed
   */
  public static LitNodeClientConfig fromLocalNetwork(String connectionJson) {
    return fromLocalNetwork(io.lit4j.contracts.LocalNetworkConnection.parse(connectionJson));
  }

  /**
   * A config for a lit-localnet network from the file its launcher wrote ({@code --out conn.json}).
   *
   * @param connectionFile the network's connection JSON file
   * @return the config
   * @throws LitValidationException when the file is unreadable or malformed
   */
  public static LitNodeClientConfig fromLocalNetwork(java.nio.file.Path connectionFile) {
    return fromLocalNetwork(io.lit4j.contracts.LocalNetworkConnection.read(connectionFile));
  }

  private static LitNodeClientConfig fromLocalNetwork(
      io.lit4j.contracts.LocalNetworkConnection connection) {
    return builder().localNetwork(connection.rpcUrl(), connection.contracts()).build();
  }

  /** {@return a builder holding this config's settings, to derive a changed copy} */
  public Builder toBuilder() {
    return source.copy();
  }

  /**
   * {@return the network; {@code CUSTOM} when nodes were given and no network was named, else
   * {@code CAYENNE}}
   */
  public LitNetwork network() {
    return network;
  }

  /** {@return where connect and refresh read the validator set} */
  public ValidatorSource validatorSource() {
    return validatorSource;
  }

  /**
   * {@return whether handshakes must carry a valid SEV-SNP attestation (always for manzano,
   * habanero)}
   */
  public boolean checkNodeAttestation() {
    return checkNodeAttestation;
  }

  /**
   * The verifier set for attestations, if any; without one the client uses {@link
   * io.lit4j.node.handshake.SevSnpAttestationVerifier} with VCEK certificates fetched from AMD (and
   * cached in memory) through its HTTP client.
   *
   * @return the attestation verifier, or empty
   */
  public Optional<AttestationVerifier> attestationVerifier() {
    return Optional.ofNullable(attestationVerifier);
  }

  /**
   * Time allowed for the handshake phase of a connect.
   *
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Time allowed for each attempt of one request to one node.
   *
   * @return the per-attempt request timeout
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Interval of the background re-connect that refreshes blockhash, epoch and nodes; zero = off.
   *
   * @return the refresh interval, zero when off
   */
  public Duration refreshInterval() {
    return refreshInterval;
  }

  /** {@return how failed node requests are repeated} */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** {@return where session keys and wallet sigs are kept} */
  public SessionKeyStore sessionKeyStore() {
    return sessionKeyStore;
  }

  /** {@return the logger the client writes to} */
  public Logger logger() {
    return logger;
  }

  /** {@return the caller's OkHttp client, if one was given (the client will not shut it down)} */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** {@return the caller's transport, if one was given (the client will not close it)} */
  public Optional<NodeTransport> transport() {
    return Optional.ofNullable(transport);
  }

  @Override
  public String toString() {
    return "LitNodeClientConfig[network="
        + network.wireName()
        + ", validatorSource="
        + validatorSource
        + ", checkNodeAttestation="
        + checkNodeAttestation
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", refreshInterval="
        + refreshInterval
        + ", retryPolicy="
        + retryPolicy
        + "]";
  }

  private static Duration positive(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero())
      throw new LitValidationException(field + " must be positive, got " + d);
    return d;
  }

  private static <T> T nonNull(String field, T v) {
    if (v == null) throw new LitValidationException(field + " is missing");
    return v;
  }

  /** Builds a {@link LitNodeClientConfig}; every setter is optional. */
  public static final class Builder {
    private LitNetwork network;
    private List<String> bootstrapUrls;
    private ValidatorSource validatorSource;
    private int minNodeCount = DEFAULT_MIN_NODE_COUNT;
    private Boolean checkNodeAttestation;
    private AttestationVerifier attestationVerifier;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private SessionKeyStore sessionKeyStore = new InMemorySessionKeyStore();
    private Logger logger = LoggerFactory.getLogger(LitNodeClient.class);
    private OkHttpClient httpClient;
    private NodeTransport transport;

    private Builder() {}

    private Builder copy() {
      Builder c = new Builder();
      c.network = network;
      c.bootstrapUrls = bootstrapUrls;
      c.validatorSource = validatorSource;
      c.minNodeCount = minNodeCount;
      c.checkNodeAttestation = checkNodeAttestation;
      c.attestationVerifier = attestationVerifier;
      c.connectTimeout = connectTimeout;
      c.requestTimeout = requestTimeout;
      c.refreshInterval = refreshInterval;
      c.retryPolicy = retryPolicy;
      c.sessionKeyStore = sessionKeyStore;
      c.logger = logger;
      c.httpClient = httpClient;
      c.transport = transport;
      return c;
    }

    /**
     * The network (default: {@code CUSTOM} when nodes are given, else {@code CAYENNE} as in the
     * SDK).
     *
     * @param network the network (default: {@code CUSTOM} when nodes are given, else {@code
     *     CAYENNE} as in the SDK)
     * @return this builder
     */
    public Builder network(LitNetwork network) {
      this.network = network;
      return this;
    }

    /**
     * A fixed list of node URLs ({@code http://ip:port}); their threshold is {@link
     * #minNodeCount(int)}.
     *
     * @param bootstrapUrls a fixed list of node URLs ({@code http://ip:port}); their threshold is
     *     {@link #minNodeCount(int)}
     * @return this builder
     * @throws LitValidationException at {@link #build()} if a URL is malformed
     */
    public Builder bootstrapUrls(List<String> bootstrapUrls) {
      if (bootstrapUrls == null) throw new LitValidationException("bootstrapUrls is null");
      for (String url : bootstrapUrls)
        if (url == null) throw new LitValidationException("bootstrapUrls holds a null");
      this.bootstrapUrls = List.copyOf(bootstrapUrls);
      return this;
    }

    /**
     * Where to read validators, threshold and epoch at each connect and refresh, instead of
     * bootstrap URLs: {@link io.lit4j.node.StakingValidatorSource} for manzano, habanero and a
     * custom network with contracts (such as lit-localnet).
     *
     * @param validatorSource where to read validators, threshold and epoch at each connect and
     *     refresh, instead of bootstrap URLs: {@link io.lit4j.node.StakingValidatorSource} for
     *     manzano, habanero and a custom network with contracts (such as lit-localnet)
     * @return this builder
     */
    public Builder validatorSource(ValidatorSource validatorSource) {
      this.validatorSource = validatorSource;
      return this;
    }

    /**
     * Settings for a local network such as lit-localnet: validators, threshold and epoch from the
     * Staking contract at {@code addresses} on {@code rpcUrl} ({@link
     * io.lit4j.node.StakingValidatorSource#forRpc}, closed with the client), network {@code
     * CUSTOM}, attestation off.
     *
     * <pre>{@code
     * LitNodeClientConfig.builder().localNetwork(net.rpcUrl(), net.contracts()).build();
     * }</pre>
     *
     * @param rpcUrl the JSON-RPC URL of the local chain
     * @param addresses the Lit contract addresses deployed on it
     * @return this builder
     * @throws LitValidationException if the URL or addresses are missing or malformed
     */
    public Builder localNetwork(String rpcUrl, io.lit4j.contracts.LitContractAddresses addresses) {
      this.validatorSource = io.lit4j.node.StakingValidatorSource.forRpc(rpcUrl, addresses);
      this.network = LitNetwork.CUSTOM;
      this.checkNodeAttestation = false;
      return this;
    }

    /**
     * Threshold used with bootstrap URLs (default 2); a validator source brings its own.
     *
     * @param minNodeCount Threshold used with bootstrap URLs (default 2); a validator source brings
     *     its own
     * @return this builder
     */
    public Builder minNodeCount(int minNodeCount) {
      this.minNodeCount = minNodeCount;
      return this;
    }

    /**
     * Require SEV-SNP attestations (default off; always on for manzano and habanero).
     *
     * @param checkNodeAttestation Require SEV-SNP attestations (default off; always on for manzano
     *     and habanero)
     * @return this builder
     */
    public Builder checkNodeAttestation(boolean checkNodeAttestation) {
      this.checkNodeAttestation = checkNodeAttestation;
      return this;
    }

    /**
     * The attestation verifier used when attestation is checked (default: SEV-SNP with VCEKs from
     * AMD).
     *
     * @param attestationVerifier the attestation verifier used when attestation is checked
     *     (default: SEV-SNP with VCEKs from AMD)
     * @return this builder
     */
    public Builder attestationVerifier(AttestationVerifier attestationVerifier) {
      this.attestationVerifier = attestationVerifier;
      return this;
    }

    /**
     * Time allowed for the handshake phase of a connect (default 20 s).
     *
     * @param connectTimeout Time allowed for the handshake phase of a connect (default 20 s)
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Time allowed for each attempt of a request to one node (default 30 s).
     *
     * @param requestTimeout Time allowed for each attempt of a request to one node (default 30 s)
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * Interval of the background refresh (default 30 s); {@link Duration#ZERO} switches it off.
     *
     * @param refreshInterval Interval of the background refresh (default 30 s); {@link
     *     Duration#ZERO} switches it off
     * @return this builder
     */
    public Builder refreshInterval(Duration refreshInterval) {
      if (refreshInterval == null) throw new LitValidationException("refreshInterval is null");
      this.refreshInterval = refreshInterval;
      return this;
    }

    /**
     * How failed node requests are repeated (default {@link RetryPolicy#defaults()}).
     *
     * @param retryPolicy how failed node requests are repeated (default {@link
     *     RetryPolicy#defaults()})
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * Where session material is kept (default: in memory).
     *
     * @param sessionKeyStore where session material is kept (default: in memory)
     * @return this builder
     */
    public Builder sessionKeyStore(SessionKeyStore sessionKeyStore) {
      this.sessionKeyStore = sessionKeyStore;
      return this;
    }

    /**
     * The SLF4J logger to write to (default: the {@code io.lit4j.node.LitNodeClient} logger).
     *
     * @param logger the SLF4J logger to write to (default: the {@code io.lit4j.node.LitNodeClient}
     *     logger)
     * @return this builder
     */
    public Builder logger(Logger logger) {
      this.logger = logger;
      return this;
    }

    /**
     * An OkHttp client to send requests with; the caller keeps ownership.
     *
     * @param httpClient an OkHttp client to send requests with; the caller keeps ownership
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * A transport to send requests with (instead of OkHttp); the caller keeps ownership.
     *
     * @param transport a transport to send requests with (instead of OkHttp); the caller keeps
     *     ownership
     * @return this builder
     */
    public Builder transport(NodeTransport transport) {
      this.transport = transport;
      return this;
    }

    /**
     * {@return the config}
     *
     * @throws LitValidationException naming the setting that is missing, malformed or contradictory
     */
    public LitNodeClientConfig build() {
      return new LitNodeClientConfig(this);
    }
  }
}
