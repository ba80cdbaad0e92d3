package io.lit4j.localnet;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.localnet.actions.FetchHandler;
import io.lit4j.localnet.actions.LitActionRuntime;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.chain.Anvil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds and starts a {@link LocalLitNetwork}: {@code LocalLitNetwork.builder().nodes(3).start()}.
 * (Was {@code LocalLitNetwork.Builder}.)
 */
public final class LocalLitNetworkBuilder {
  // package access: NetworkStart reads the options
  int nodes = 3;
  byte[] seed;
  long chainId = Anvil.DEFAULT_CHAIN_ID;
  int rootKeyCount = 3;
  boolean rateLimiting;
  boolean strictAuthOnly;
  Optional<Path> ethersBundle;
  Duration actionTimeout = Duration.ofSeconds(30);
  long actionMemoryBudgetBytes = LitActionRuntime.DEFAULT_MEMORY_BUDGET_BYTES;
  final Map<String, FetchHandler> fetchRoutes = new LinkedHashMap<>();
  long maxRequestsPerKilosecond = LocalLitNetwork.DEFAULT_MAX_REQUESTS_PER_KILOSECOND;
  int nodeBasePort;
  AuthMethodVerifiers authProviders = AuthMethodVerifiers.live();

  LocalLitNetworkBuilder() {}

  /**
   * RateLimitNFT's network-wide cap on capacity sold and not yet expired, in requests per
   * kilosecond (minting more fails with "not enough capacity left"). Lit's contract and deployment
   * use 10,000; lit-localnet defaults to {@link
   * LocalLitNetwork#DEFAULT_MAX_REQUESTS_PER_KILOSECOND} so that long test runs on one network
   * never run out. Use a small cap to test the refusal.
   *
   * @param max the cap, positive
   * @return this builder
   */
  public LocalLitNetworkBuilder maxRequestsPerKilosecond(long max) {
    if (max <= 0)
      throw new LitValidationException("maxRequestsPerKilosecond must be positive, got " + max);
    this.maxRequestsPerKilosecond = max;
    return this;
  }

  /**
   * Node {@code i} listens on {@code port + i} instead of a free port the system picks (the
   * default, 0); start fails when a port is taken.
   *
   * @param port the first node's port, 1..65535 so that every node's port fits, or 0 for free ports
   * @return this builder
   */
  public LocalLitNetworkBuilder nodeBasePort(int port) {
    if (port < 0 || port > 65535)
      throw new LitValidationException(
          "nodeBasePort must be in [0, 65535] (0: free ports), got " + port);
    this.nodeBasePort = port;
    return this;
  }

  /**
   * Where the nodes verify Google, Stytch and Discord auth methods: the real providers by default,
   * or lit-localnet's loopback ones ({@link io.lit4j.localnet.idp}).
   *
   * <pre>{@code
   * OidcIssuer google = OidcIssuer.start();
   * LocalLitNetwork.builder()
   *     .authProviders(AuthMethodVerifiers.builder().google(google.issuer(), google.jwksUrl(), "my-client-id").build())
   *     .start();
   * }</pre>
   *
   * @param providers the providers the nodes trust
   * @return this builder
   */
  public LocalLitNetworkBuilder authProviders(AuthMethodVerifiers providers) {
    if (providers == null) throw new LitValidationException("authProviders must not be null");
    this.authProviders = providers;
    return this;
  }

  /**
   * @param nodes number of nodes, 2 to 20 (use at least 3: with 2 the threshold is 1 and decryption
   *     can get a single BLS share)
   * @return this builder
   */
  public LocalLitNetworkBuilder nodes(int nodes) {
    if (nodes < 2 || nodes > 20)
      throw new LitValidationException("nodes must be in [2, 20], got " + nodes);
    this.nodes = nodes;
    return this;
  }

  /**
   * @param seed makes the dealt keys, node wallets and ECDSA nonces reproducible
   * @return this builder
   */
  public LocalLitNetworkBuilder seed(String seed) {
    if (seed == null || seed.isEmpty()) throw new LitValidationException("seed must not be empty");
    this.seed = seed.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /**
   * @param seed makes the dealt keys, node wallets and ECDSA nonces reproducible
   * @return this builder
   */
  public LocalLitNetworkBuilder seed(byte[] seed) {
    if (seed == null || seed.length == 0)
      throw new LitValidationException("seed must not be empty");
    this.seed = seed.clone();
    return this;
  }

  /**
   * @param chainId the anvil chain id (31337 by default; 175177 looks like Chronicle)
   * @return this builder
   */
  public LocalLitNetworkBuilder chainId(long chainId) {
    if (chainId <= 0) throw new LitValidationException("chainId must be positive, got " + chainId);
    this.chainId = chainId;
    return this;
  }

  /**
   * @param count K256 HD root keys (2 to 10; real networks have 10; each costs mint gas)
   * @return this builder
   */
  public LocalLitNetworkBuilder rootKeyCount(int count) {
    if (count < 2 || count > 10)
      throw new LitValidationException("rootKeyCount must be in [2, 10], got " + count);
    this.rootKeyCount = count;
    return this;
  }

  /**
   * @param on require capacity credits (RateLimitNFT) as habanero and manzano do
   * @return this builder
   */
  public LocalLitNetworkBuilder rateLimiting(boolean on) {
    this.rateLimiting = on;
    return this;
  }

  /**
   * The "habanero profile": rate limiting with capacity credits on.
   *
   * @return this builder
   */
  public LocalLitNetworkBuilder habaneroProfile() {
    return rateLimiting(true);
  }

  /**
   * @param strictOnly turn off the lenient v4 session-sig fallback (negative tests)
   * @return this builder
   */
  public LocalLitNetworkBuilder strictAuthOnly(boolean strictOnly) {
    this.strictAuthOnly = strictOnly;
    return this;
  }

  /**
   * @param bundle path of {@code ethers@5.7.2/dist/ethers.umd.min.js} for Lit Actions (by default
   *     the one the build installs under {@code ${lit4j.tools.dir}})
   * @return this builder
   */
  public LocalLitNetworkBuilder ethersBundle(Path bundle) {
    if (bundle == null || !Files.isRegularFile(bundle))
      throw new LitValidationException("ethers bundle not found: " + bundle);
    this.ethersBundle = Optional.of(bundle);
    return this;
  }

  /**
   * Bytes one Lit Action execution may allocate before it fails with {@code NodeJsMemoryLimitError}
   * (default 256 MiB; see {@link LitActionRuntime} for why this approximates the nodes' heap
   * limit).
   *
   * @param bytes Bytes one Lit Action execution may allocate before it fails with {@code
   *     NodeJsMemoryLimitError} (default 256 MiB; see {@link LitActionRuntime} for why this
   *     approximates the nodes' heap limit)
   * @return this builder
   */
  public LocalLitNetworkBuilder actionMemoryBudget(long bytes) {
    if (bytes <= 0)
      throw new LitValidationException("actionMemoryBudget must be positive, got " + bytes);
    this.actionMemoryBudgetBytes = bytes;
    return this;
  }

  /**
   * Answers the Lit Actions' {@code fetch} calls to one host in-process instead of over the
   * network, e.g. to test an oracle action offline. Other hosts are fetched for real.
   *
   * @param host a host name ({@code api.example.com}, every port) or host and port ({@code
   *     api.example.com:8443}); case does not matter
   * @param handler answers each request (on the action's thread, once per node)
   * @return this builder
   */
  public LocalLitNetworkBuilder routeFetch(String host, FetchHandler handler) {
    if (host == null || host.isBlank() || host.contains("/"))
      throw new LitValidationException(
          "routeFetch host must be a host name or host:port, got " + host);
    if (handler == null) throw new LitValidationException("routeFetch handler must not be null");
    fetchRoutes.put(host.toLowerCase(Locale.ROOT), handler);
    return this;
  }

  /**
   * How long one Lit Action execution may run before it fails with {@code NodeJsTimeoutError}.
   *
   * @param timeout the wall-time limit, positive
   * @return this builder
   */
  public LocalLitNetworkBuilder actionTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero())
      throw new LitValidationException("actionTimeout must be positive");
    this.actionTimeout = timeout;
    return this;
  }

  /** Fails when {@link #nodeBasePort} leaves no room for every node's port. */
  void checkPorts() {
    if (nodeBasePort != 0 && nodeBasePort + nodes - 1 > 65535) {
      throw new LitValidationException(
          "nodeBasePort "
              + nodeBasePort
              + " leaves no room for "
              + nodes
              + " nodes (the last port would be "
              + (nodeBasePort + nodes - 1)
              + " > 65535)");
    }
  }

  /**
   * Starts anvil, deals the keys, deploys the contracts and starts the nodes.
   *
   * @return the running network (close it)
   * @throws LitException when anvil, the deployment or a node fails to start
   */
  public LocalLitNetwork start() {
    return NetworkStart.start(this);
  }
}
