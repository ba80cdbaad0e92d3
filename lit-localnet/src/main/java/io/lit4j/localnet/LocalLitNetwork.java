package io.lit4j.localnet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.localnet.keys.BlsDealer;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.localnet.keys.K256KeyDealer;
import io.lit4j.localnet.keys.K256RootKeyShares;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.actions.LitActionRuntime;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.chain.Anvil;
import io.lit4j.localnet.chain.LitDeployer;
import io.lit4j.localnet.chain.LitDeployment;
import io.lit4j.localnet.chain.LitDeploymentSpec;
import io.lit4j.localnet.chain.LitValidator;
import io.lit4j.localnet.node.NodeHttpServer;
import io.lit4j.localnet.node.SimulatedNode;
import io.lit4j.localnet.node.SimulatedNodeConfig;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * A local Lit network of the habanero/manzano era: an anvil chain with lit-localnet's Lit
 * contracts and N simulated nodes speaking the v4 wire protocol with real threshold cryptography.
 *
 * <pre>{@code
 * try (LocalLitNetwork net = LocalLitNetwork.builder().nodes(3).seed("my-test").start()) {
 *   List<String> urls = net.nodeUrls();           // http://127.0.0.1:<port>, as Staking lists them
 *   String staking = net.contracts().staking();   // for the SDK's custom network
 * }
 * }</pre>
 *
 * <p>Start-up: anvil starts; a dealer (seeded, or random) deals the BLS root key (t-of-n Shamir,
 * identifiers 1..n) and the K256 HD root keys (t-of-n per root); every node binds its port and
 * gets an EVM wallet; the contracts are deployed with the root public keys and the nodes
 * registered as validators ({@code 127.0.0.1} and the port each really listens on); then the nodes
 * serve. The threshold is Staking's {@code currentValidatorCountForConsensus()}: 1 for 2 nodes,
 * else ⌊2n/3⌋.
 *
 * <p><b>A test network, not secure:</b> key shares and the ECDSA nonce secret live in this JVM;
 * anyone holding the seed can rebuild every key.
 */
public final class LocalLitNetwork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalLitNetwork.class);

  /** Version of the ethers bundle the Lit Actions runtime loads. */
  public static final String ETHERS_VERSION = "5.7.2";

  private final Anvil anvil;
  private final LitDeployment deployment;
  private final List<SimulatedNode> nodes;
  private final LitActionRuntime runtime;
  private final BlsPublicKey blsPublicKey;
  private final List<String> hdRootPubkeys;
  private final int minNodeCount;
  private final Duration startupTime;
  private final boolean ethersLoaded;
  private final java.util.Map<String, String> pinnedActions;
  private volatile boolean closed;

  private LocalLitNetwork(Anvil anvil, LitDeployment deployment, List<SimulatedNode> nodes, LitActionRuntime runtime,
      BlsPublicKey blsPublicKey, List<String> hdRootPubkeys, int minNodeCount, Duration startupTime, boolean ethersLoaded,
      java.util.Map<String, String> pinnedActions) {
    this.pinnedActions = pinnedActions;
    this.anvil = anvil;
    this.deployment = deployment;
    this.nodes = List.copyOf(nodes);
    this.runtime = runtime;
    this.blsPublicKey = blsPublicKey;
    this.hdRootPubkeys = List.copyOf(hdRootPubkeys);
    this.minNodeCount = minNodeCount;
    this.startupTime = startupTime;
    this.ethersLoaded = ethersLoaded;
  }

  /** @return a builder (3 nodes, random seed, chain id 31337, 3 root keys, rate limiting off) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the node URLs, exactly {@code http://127.0.0.1:<port>} as the SDK builds them from Staking, in share-index order */
  public List<String> nodeUrls() {
    return nodes.stream().map(SimulatedNode::url).toList();
  }

  /** @return the simulated nodes, in share-index order (fault switches, auth and rate-limit switches) */
  public List<SimulatedNode> nodes() {
    return nodes;
  }

  /**
   * @param shareIndex 0-based node index
   * @return that node
   * @throws LitValidationException for an unknown index
   */
  public SimulatedNode node(int shareIndex) {
    if (shareIndex < 0 || shareIndex >= nodes.size()) {
      throw new LitValidationException("shareIndex must be in [0, " + nodes.size() + "), got " + shareIndex);
    }
    return nodes.get(shareIndex);
  }

  /** @return the chain's JSON-RPC URL, {@code http://127.0.0.1:<port>} */
  public String rpcUrl() {
    return anvil.rpcUrl();
  }

  /** @return the chain id */
  public long chainId() {
    return anvil.chainId();
  }

  /** @return the deployed Lit contracts the SDK uses */
  public LitContractAddresses contracts() {
    return deployment.addresses();
  }

  /** @return the key deriver contract (replaces Chronicle's 0xF5 HD precompile) */
  public String keyDeriverAddress() {
    return deployment.keyDeriver();
  }

  /** @return the BLS network public key (handshake {@code networkPublicKey}) */
  public BlsPublicKey blsPublicKey() {
    return blsPublicKey;
  }

  /** @return the BLS network public key as 96 lowercase hex characters */
  public String networkPublicKey() {
    return blsPublicKey.toHex();
  }

  /** @return the K256 HD root public keys (handshake {@code hdRootPubkeys}): compressed, lowercase hex, in derivation order */
  public List<String> hdRootPubkeys() {
    return hdRootPubkeys;
  }

  /** @return {@code minNodeCount}: the threshold Staking reports */
  public int minNodeCount() {
    return minNodeCount;
  }

  /** @return anvil's funded dev accounts (index 0 deployed and owns the contracts); never the node wallets */
  public List<Credentials> devAccounts() {
    return anvil.devAccounts();
  }

  /**
   * @param index dev account index
   * @return that funded dev account
   * @throws LitValidationException for an unknown index
   */
  public Credentials devAccount(int index) {
    return anvil.devAccount(index);
  }

  /** @return the anvil chain (time travel, mining) */
  public Anvil anvil() {
    return anvil;
  }

  /** @return how long {@link Builder#start()} took */
  public Duration startupTime() {
    return startupTime;
  }

  /** @return whether Lit Actions get the {@code ethers} v5 global */
  public boolean ethersLoaded() {
    return ethersLoaded;
  }

  /**
   * Pins Lit Action code so that {@code /web/execute} with {@code ipfsId} finds it (the nodes have
   * no IPFS gateway); the nodes still check that the code hashes to the CID.
   *
   * @param code the action's JavaScript
   * @return its IPFS CIDv0 ({@code Qm…}), e.g. to permit it on a PKP
   * @throws LitValidationException when code is null
   */
  public String pinAction(String code) {
    if (code == null) throw new LitValidationException("code must not be null");
    String cid = io.lit4j.core.ipfs.IpfsCid.of(code.getBytes(StandardCharsets.UTF_8));
    pinnedActions.put(cid, code);
    return cid;
  }

  /**
   * Switches every node's lenient v4 session-sig fallback off ({@code true}) or back on.
   *
   * @param strictOnly {@code true} to accept only strictly valid session sigs
   */
  public void setStrictAuthOnly(boolean strictOnly) {
    nodes.forEach(n -> n.setStrictAuthOnly(strictOnly));
  }

  /**
   * Switches capacity-credit rate limiting on every node.
   *
   * @param on whether the nodes enforce capacity-credit rate limits
   */
  public void setRateLimiting(boolean on) {
    nodes.forEach(n -> n.setRateLimiting(on));
  }

  /**
   * The connection details as JSON: {@code rpcUrl, chainId, nodeUrls, minNodeCount,
   * networkPublicKey, hdRootPubkeys, contracts{…}, nodeWallets, devAccounts{mnemonic, path,
   * addresses}}. Private keys are not included (the dev accounts are anvil's well-known mnemonic).
   *
   * @return the connection details, JSON
   */
  public String connectionInfoJson() {
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("network", "custom");
    o.put("rpcUrl", rpcUrl());
    o.put("chainId", chainId());
    ArrayNode urls = o.putArray("nodeUrls");
    nodeUrls().forEach(urls::add);
    o.put("minNodeCount", minNodeCount);
    o.put("networkPublicKey", networkPublicKey());
    ArrayNode roots = o.putArray("hdRootPubkeys");
    hdRootPubkeys.forEach(roots::add);
    ObjectNode c = o.putObject("contracts");
    LitContractAddresses a = contracts();
    c.put("Staking", a.staking());
    c.put("PKPNFT", a.pkpNft());
    c.put("PubkeyRouter", a.pubkeyRouter());
    c.put("PKPPermissions", a.pkpPermissions());
    c.put("PKPHelper", a.pkpHelper());
    c.put("RateLimitNFT", a.rateLimitNft());
    c.put("KeyDeriver", keyDeriverAddress());
    ArrayNode wallets = o.putArray("nodeWallets");
    nodes.forEach(n -> wallets.add(n.nodeWalletAddress()));
    ObjectNode dev = o.putObject("devAccounts");
    dev.put("mnemonic", Anvil.DEV_MNEMONIC);
    dev.put("derivationPath", "m/44'/60'/0'/0/<index>");
    ArrayNode addrs = dev.putArray("addresses");
    devAccounts().forEach(d -> addrs.add(Keys.toChecksumAddress(d.getAddress())));
    o.put("startupMillis", startupTime.toMillis());
    return LitJson.write(o);
  }

  /** Stops the nodes, the Lit Actions runtime and anvil; idempotent. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    for (SimulatedNode n : nodes) {
      try {
        n.close();
      } catch (RuntimeException e) {
        LOG.warn("closing node {} failed", n.url(), e);
      }
    }
    runtime.close();
    anvil.close();
  }

  @Override
  public String toString() {
    return "LocalLitNetwork[nodes=" + nodeUrls() + ", rpc=" + rpcUrl() + ", chainId=" + chainId() + "]";
  }

  /** The default location of the ethers bundle the build installs. */
  static Optional<Path> defaultEthersBundle() {
    String explicit = System.getProperty("lit4j.ethers.bundle");
    if (explicit != null && !explicit.isBlank()) return Optional.of(Path.of(explicit));
    String tools = System.getProperty("lit4j.tools.dir");
    Path dir = tools != null && !tools.isBlank() ? Path.of(tools)
        : Path.of(System.getProperty("user.home"), ".cache", "lit4j", "tools");
    Path p = dir.resolve("ethers-" + ETHERS_VERSION).resolve("node_modules/ethers/dist/ethers.umd.min.js");
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** Builds and starts a {@link LocalLitNetwork}. */
  public static final class Builder {
    private int nodes = 3;
    private byte[] seed;
    private long chainId = Anvil.DEFAULT_CHAIN_ID;
    private int rootKeyCount = 3;
    private boolean rateLimiting;
    private boolean strictAuthOnly;
    private Optional<Path> ethersBundle;
    private Duration actionTimeout = Duration.ofSeconds(30);
    private long actionMemoryBudgetBytes = LitActionRuntime.DEFAULT_MEMORY_BUDGET_BYTES;
    private AuthMethodVerifiers authProviders = AuthMethodVerifiers.live();

    private Builder() {}

    /**
     * Where the nodes verify Google, Stytch and Discord auth methods: the real providers by
     * default, or lit-localnet's loopback ones ({@link io.lit4j.localnet.idp}).
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
    public Builder authProviders(AuthMethodVerifiers providers) {
      if (providers == null) throw new LitValidationException("authProviders must not be null");
      this.authProviders = providers;
      return this;
    }

    /**
     * @param nodes number of nodes, 2 to 20 (use at least 3: with 2 the threshold is 1 and
     *     decryption can get a single BLS share)
     * @return this builder
     */
    public Builder nodes(int nodes) {
      if (nodes < 2 || nodes > 20) throw new LitValidationException("nodes must be in [2, 20], got " + nodes);
      this.nodes = nodes;
      return this;
    }

    /**
     * @param seed makes the dealt keys, node wallets and ECDSA nonces reproducible
     * @return this builder
     */
    public Builder seed(String seed) {
      if (seed == null || seed.isEmpty()) throw new LitValidationException("seed must not be empty");
      this.seed = seed.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * @param seed makes the dealt keys, node wallets and ECDSA nonces reproducible
     * @return this builder
     */
    public Builder seed(byte[] seed) {
      if (seed == null || seed.length == 0) throw new LitValidationException("seed must not be empty");
      this.seed = seed.clone();
      return this;
    }

    /**
     * @param chainId the anvil chain id (31337 by default; 175177 looks like Chronicle)
     * @return this builder
     */
    public Builder chainId(long chainId) {
      if (chainId <= 0) throw new LitValidationException("chainId must be positive, got " + chainId);
      this.chainId = chainId;
      return this;
    }

    /**
     * @param count K256 HD root keys (2 to 10; real networks have 10; each costs mint gas)
     * @return this builder
     */
    public Builder rootKeyCount(int count) {
      if (count < 2 || count > 10) throw new LitValidationException("rootKeyCount must be in [2, 10], got " + count);
      this.rootKeyCount = count;
      return this;
    }

    /**
     * @param on require capacity credits (RateLimitNFT) as habanero and manzano do
     * @return this builder
     */
    public Builder rateLimiting(boolean on) {
      this.rateLimiting = on;
      return this;
    }

    /**
     * The "habanero profile": rate limiting with capacity credits on.
     *
     * @return this builder
     */
    public Builder habaneroProfile() {
      return rateLimiting(true);
    }

    /**
     * @param strictOnly turn off the lenient v4 session-sig fallback (negative tests)
     * @return this builder
     */
    public Builder strictAuthOnly(boolean strictOnly) {
      this.strictAuthOnly = strictOnly;
      return this;
    }

    /**
     * @param bundle path of {@code ethers@5.7.2/dist/ethers.umd.min.js} for Lit Actions (by
     *     default the one the build installs under {@code ${lit4j.tools.dir}})
     * @return this builder
     */
    public Builder ethersBundle(Path bundle) {
      if (bundle == null || !Files.isRegularFile(bundle)) throw new LitValidationException("ethers bundle not found: " + bundle);
      this.ethersBundle = Optional.of(bundle);
      return this;
    }

    /**
     * @param timeout Lit Action wall-time limit (30 s on real nodes)
     * @return this builder
     */
    /**
     * Bytes one Lit Action execution may allocate before it fails with {@code NodeJsMemoryLimitError}
     * (default 256 MiB; see {@link LitActionRuntime} for why this approximates the nodes' heap limit).
     *
     * @param bytes Bytes one Lit Action execution may allocate before it fails with {@code NodeJsMemoryLimitError} (default 256 MiB; see {@link LitActionRuntime} for why this approximates the nodes' heap limit)
     * @return this builder
     */
    public Builder actionMemoryBudget(long bytes) {
      if (bytes <= 0) throw new LitValidationException("actionMemoryBudget must be positive, got " + bytes);
      this.actionMemoryBudgetBytes = bytes;
      return this;
    }

    /**
     * How long one Lit Action execution may run before it fails with {@code NodeJsTimeoutError}.
     *
     * @param timeout the wall-time limit, positive
     * @return this builder
     */
    public Builder actionTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new LitValidationException("actionTimeout must be positive");
      this.actionTimeout = timeout;
      return this;
    }

    /**
     * Starts anvil, deals the keys, deploys the contracts and starts the nodes.
     *
     * @return the running network (close it)
     * @throws LitException when anvil, the deployment or a node fails to start
     */
    public LocalLitNetwork start() {
      long t0 = System.nanoTime();
      byte[] s = seed;
      if (s == null) {
        s = new byte[32];
        new SecureRandom().nextBytes(s);
      }
      int threshold = nodes == 2 ? 1 : (2 * nodes) / 3;
      Optional<Path> ethers = ethersBundle != null ? ethersBundle : defaultEthersBundle();
      if (ethers.isEmpty()) {
        LOG.warn("ethers {} bundle not found (set -Dlit4j.ethers.bundle or build lit-localnet once): Lit Actions run without `ethers`", ETHERS_VERSION);
      }
      Anvil anvil = Anvil.builder().chainId(chainId).start();
      List<NodeHttpServer> servers = new ArrayList<>();
      LitActionRuntime runtime = null;
      List<SimulatedNode> started = new ArrayList<>();
      java.util.Map<String, String> pinned = new java.util.concurrent.ConcurrentHashMap<>();
      try {
        runtime = new LitActionRuntime(ethers, actionTimeout, nodes, actionMemoryBudgetBytes);
        BlsKeySet bls = BlsDealer.deal(Math.max(2, threshold), nodes, derive(s, "bls"));
        K256RootKeyShares k256 = K256KeyDealer.seeded(derive(s, "k256")).deal(rootKeyCount, threshold, nodes);
        byte[] ecdsaSecret = derive(s, "ecdsa-nonce");
        List<Credentials> wallets = new ArrayList<>();
        LitDeploymentSpec.Builder spec = LitDeploymentSpec.builder();
        for (int i = 0; i < nodes; i++) {
          NodeHttpServer server = new NodeHttpServer("127.0.0.1", 0, 8);
          servers.add(server);
          Credentials wallet = Credentials.create(ECKeyPair.create(walletKey(s, i)));
          wallets.add(wallet);
          spec.validator(LitValidator.of(Keys.toChecksumAddress(wallet.getAddress()), "127.0.0.1", server.port()));
        }
        for (Secp256k1PublicKey root : k256.rootPublicKeys()) spec.rootKey(root.compressed());
        LitDeployment deployment = new LitDeployer(anvil.web3j(), anvil.devAccount(0), anvil.chainId()).deploy(spec.build());
        for (int i = 0; i < nodes; i++) {
          SimulatedNodeConfig cfg = new SimulatedNodeConfig(i, nodes, threshold, wallets.get(i),
              bls.shareForIndex(i).orElseThrow(), bls.publicKey(), k256.nodeShare(i), ecdsaSecret, anvil.web3j(),
              anvil.rpcUrl(), deployment.addresses(), rateLimiting, strictAuthOnly, Clock.systemUTC());
          started.add(new SimulatedNode(servers.get(i), cfg, runtime, cid -> Optional.ofNullable(pinned.get(cid)), authProviders));
        }
        List<String> roots = k256.rootPublicKeys().stream().map(Secp256k1PublicKey::compressedHex).toList();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("lit-localnet: {} nodes up in {} ms (rpc {})", nodes, took.toMillis(), anvil.rpcUrl());
        return new LocalLitNetwork(anvil, deployment, started, runtime, bls.publicKey(), roots, threshold, took, ethers.isPresent(), pinned);
      } catch (RuntimeException e) {
        servers.forEach(NodeHttpServer::close);
        if (runtime != null) runtime.close();
        anvil.close();
        throw e;
      }
    }

    private static byte[] derive(byte[] seed, String label) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("lit4j-localnet-v1:".getBytes(StandardCharsets.US_ASCII));
        sha.update(label.getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        sha.update(seed);
        return sha.digest();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
      }
    }

    private static BigInteger walletKey(byte[] seed, int index) {
      for (int attempt = 0; ; attempt++) {
        BigInteger k = new BigInteger(1, derive(seed, "node-wallet-" + index + "-" + attempt));
        if (Secp256k1.isNonZeroScalar(k)) return k;
      }
    }
  }
}
