package io.lit4j.localnet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.actions.LitActionRuntime;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.chain.Anvil;
import io.lit4j.localnet.chain.LitDeployer;
import io.lit4j.localnet.chain.LitDeployment;
import io.lit4j.localnet.chain.LitDeploymentSpec;
import io.lit4j.localnet.chain.LitValidator;
import io.lit4j.localnet.chain.internal.Transactor;
import io.lit4j.localnet.keys.BlsDealer;
import io.lit4j.localnet.keys.K256KeyDealer;
import io.lit4j.localnet.keys.K256RootKeyShares;
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
import org.web3j.utils.Numeric;

/**
 * A local Lit network of the habanero/manzano era: an anvil chain with lit-localnet's Lit contracts
 * and N simulated nodes speaking the v4 wire protocol with real threshold cryptography.
 *
 * <pre>{@code
 * try (LocalLitNetwork net = LocalLitNetwork.builder().nodes(3).seed("my-test").start()) {
 *   List<String> urls = net.nodeUrls();           // http://127.0.0.1:<port>, as Staking lists them
 *   String staking = net.contracts().staking();   // for the SDK's custom network
 * }
 * }</pre>
 *
 * <p>Start-up: anvil starts; a dealer (seeded, or random) deals the BLS root key (t-of-n Shamir,
 * identifiers 1..n) and the K256 HD root keys (t-of-n per root); every node binds its port and gets
 * an EVM wallet; the contracts are deployed with the root public keys and the nodes registered as
 * validators ({@code 127.0.0.1} and the port each really listens on); then the nodes serve. The
 * threshold is Staking's {@code currentValidatorCountForConsensus()}: 1 for 2 nodes, else ⌊2n/3⌋.
 *
 * <p>Epochs: {@link #addNode()} and {@link #removeNode(int)} change Staking's next validator set
 * and {@link #advanceEpoch()} makes it current, resharing the same network keys to it.
 *
 * <p><b>A test network, not secure:</b> key shares and the ECDSA nonce secret live in this JVM;
 * anyone holding the seed can rebuild every key.
 */
public final class LocalLitNetwork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalLitNetwork.class);

  /**
   * Default RateLimitNFT capacity cap of a local network, requests per kilosecond (Lit's is
   * 10,000).
   */
  public static final long DEFAULT_MAX_REQUESTS_PER_KILOSECOND = 1_000_000_000L;

  /** Version of the ethers bundle the Lit Actions runtime loads. */
  public static final String ETHERS_VERSION = "5.7.2";

  private final Anvil anvil;
  private final LitDeployment deployment;
  private volatile List<SimulatedNode> nodes;
  private final LitActionRuntime runtime;
  private final BlsPublicKey blsPublicKey;
  private final List<String> hdRootPubkeys;
  private volatile int minNodeCount;
  private final Duration startupTime;
  private final boolean ethersLoaded;
  private final java.util.Map<String, String> pinnedActions;
  private final long maxRequestsPerKilosecond;
  private final Secrets keys;
  private final AuthMethodVerifiers authProviders;
  private volatile boolean rateLimiting;
  private volatile boolean strictAuthOnly;
  private volatile long epoch = 1;
  private final List<Joining> joining = new ArrayList<>();
  private final List<SimulatedNode> leaving = new ArrayList<>();
  private volatile boolean closed;

  /** What the network needs to deal keys and wallets to validators after start-up (secret). */
  private record Secrets(
      byte[] seed,
      EpochDealer dealer,
      byte[] ecdsaSecret,
      java.util.Map<String, Credentials> wallets,
      java.util.concurrent.atomic.AtomicInteger nextWallet) {
    @Override
    public String toString() {
      return "Secrets[<hidden>]";
    }
  }

  /** A node that asked to join the next epoch: bound, registered in Staking, not serving yet. */
  private record Joining(NodeHttpServer server, Credentials wallet) {}

  private LocalLitNetwork(
      Anvil anvil,
      LitDeployment deployment,
      List<SimulatedNode> nodes,
      LitActionRuntime runtime,
      BlsPublicKey blsPublicKey,
      List<String> hdRootPubkeys,
      int minNodeCount,
      Duration startupTime,
      boolean ethersLoaded,
      java.util.Map<String, String> pinnedActions,
      Secrets keys,
      boolean rateLimiting,
      boolean strictAuthOnly,
      AuthMethodVerifiers authProviders,
      long maxRequestsPerKilosecond) {
    this.authProviders = authProviders;
    this.pinnedActions = pinnedActions;
    this.maxRequestsPerKilosecond = maxRequestsPerKilosecond;
    this.anvil = anvil;
    this.deployment = deployment;
    this.nodes = List.copyOf(nodes);
    this.runtime = runtime;
    this.blsPublicKey = blsPublicKey;
    this.hdRootPubkeys = List.copyOf(hdRootPubkeys);
    this.minNodeCount = minNodeCount;
    this.startupTime = startupTime;
    this.ethersLoaded = ethersLoaded;
    this.keys = keys;
    this.rateLimiting = rateLimiting;
    this.strictAuthOnly = strictAuthOnly;
  }

  /**
   * @return a builder (3 nodes, random seed, chain id 31337, 3 root keys, rate limiting off)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the node URLs, exactly {@code http://127.0.0.1:<port>} as the SDK builds them from
   *     Staking, in share-index order
   */
  public List<String> nodeUrls() {
    return nodes.stream().map(SimulatedNode::url).toList();
  }

  /**
   * @return the simulated nodes of the current epoch, in share-index order (the order of Staking's
   *     current validators; fault switches, auth and rate-limit switches)
   */
  public List<SimulatedNode> nodes() {
    return nodes;
  }

  /**
   * @param shareIndex 0-based node index in the current epoch
   * @return that node
   * @throws LitValidationException for an unknown index
   */
  public SimulatedNode node(int shareIndex) {
    List<SimulatedNode> current = nodes;
    if (shareIndex < 0 || shareIndex >= current.size()) {
      throw new LitValidationException(
          "shareIndex must be in [0, " + current.size() + "), got " + shareIndex);
    }
    return current.get(shareIndex);
  }

  /**
   * @return the current epoch number, as Staking's {@code epoch().number} (1 after start-up)
   */
  public long epoch() {
    return epoch;
  }

  /**
   * A new validator asks to join the next epoch, as a real one does: a new node binds a port, gets
   * a funded wallet and calls Staking's {@code requestToJoin} with its address. It serves (with its
   * share of the network's keys) from the next {@link #advanceEpoch()} on.
   *
   * @return the new node's URL, {@code http://127.0.0.1:<port>}
   * @throws LitException when the network is closed, or Staking refuses the join
   */
  public synchronized String addNode() {
    ensureOpen();
    int walletIndex = keys.nextWallet().getAndIncrement();
    Credentials wallet =
        Credentials.create(ECKeyPair.create(Builder.walletKey(keys.seed(), walletIndex)));
    NodeHttpServer server = new NodeHttpServer("127.0.0.1", 0, 8);
    boolean registered = false;
    try {
      anvil.setBalance(wallet.getAddress(), java.math.BigInteger.TEN.pow(20));
      LitValidator v =
          LitValidator.of(
              org.web3j.crypto.Keys.toChecksumAddress(wallet.getAddress()),
              "127.0.0.1",
              server.port());
      new Transactor(anvil.web3j(), wallet, anvil.chainId())
          .send(
              contracts().staking(),
              new org.web3j.abi.datatypes.Function(
                  "requestToJoin",
                  List.of(
                      new org.web3j.abi.datatypes.generated.Uint32(v.ipAsUint32()),
                      new org.web3j.abi.datatypes.generated.Uint128(java.math.BigInteger.ZERO),
                      new org.web3j.abi.datatypes.generated.Uint32(v.port()),
                      new org.web3j.abi.datatypes.Address(v.nodeAddress()),
                      new org.web3j.abi.datatypes.generated.Uint256(java.math.BigInteger.ZERO),
                      new org.web3j.abi.datatypes.generated.Uint256(java.math.BigInteger.ZERO)),
                  List.of()),
              java.math.BigInteger.ZERO);
      keys.wallets().put(wallet.getAddress().toLowerCase(java.util.Locale.ROOT), wallet);
      joining.add(new Joining(server, wallet));
      registered = true;
      LOG.info("lit-localnet: node {} asked to join epoch {}", server.url(), epoch + 1);
      return server.url();
    } finally {
      if (!registered) server.close();
    }
  }

  /**
   * Kicks a validator from the next epoch (Staking's {@code adminKickValidatorInNextEpoch}, by the
   * contracts' owner); it serves until the next {@link #advanceEpoch()}, then stops.
   *
   * @param shareIndex the node's 0-based index in the current epoch
   * @throws LitValidationException for an unknown index, a node already leaving, or when fewer than
   *     2 validators would remain
   * @throws LitException when the network is closed or Staking refuses
   */
  public synchronized void removeNode(int shareIndex) {
    ensureOpen();
    SimulatedNode n = node(shareIndex);
    if (leaving.contains(n))
      throw new LitValidationException("node " + shareIndex + " already leaves at the next epoch");
    if (nodes.size() - leaving.size() - 1 + joining.size() < 2) {
      throw new LitValidationException(
          "a network needs at least 2 validators; add one before removing another");
    }
    ownerTransactor()
        .send(
            contracts().staking(),
            new org.web3j.abi.datatypes.Function(
                "adminKickValidatorInNextEpoch",
                List.of(new org.web3j.abi.datatypes.Address(n.nodeWalletAddress())),
                List.of()),
            java.math.BigInteger.ZERO);
    leaving.add(n);
    LOG.info("lit-localnet: node {} leaves at epoch {}", n.url(), epoch + 1);
  }

  /**
   * Advances the epoch on the chain (Staking's {@code advanceEpoch}: the next validator set becomes
   * current, {@code StateChanged(1)} then {@code StateChanged(0)}), then reshares the network's
   * keys to the new set as the real network's DKG does: the BLS network key, the HD root keys and
   * so every PKP stay the same; each node gets a new share for its place in Staking's current
   * validator list and the threshold Staking reports. Joining nodes start serving, kicked ones
   * stop. Clients follow when they next read Staking; requests in flight during the change finish
   * or fail with an error.
   *
   * @return the new epoch number
   * @throws LitException when the network is closed, or the chain's validator set is not this
   *     network's
   */
  public synchronized long advanceEpoch() {
    ensureOpen();
    Transactor owner = ownerTransactor();
    String staking = contracts().staking();
    owner.send(
        staking,
        new org.web3j.abi.datatypes.Function("advanceEpoch", List.of(), List.of()),
        java.math.BigInteger.ZERO);
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<org.web3j.abi.datatypes.Address> current =
        (List<org.web3j.abi.datatypes.Address>)
            owner
                .call(
                    staking,
                    new org.web3j.abi.datatypes.Function(
                        "getValidatorsInCurrentEpoch",
                        List.of(),
                        List.of(
                            new org.web3j.abi.TypeReference<
                                org.web3j.abi.datatypes.DynamicArray<
                                    org.web3j.abi.datatypes.Address>>() {})))
                .get(0)
                .getValue();
    int threshold =
        ((java.math.BigInteger)
                owner
                    .call(
                        staking,
                        new org.web3j.abi.datatypes.Function(
                            "currentValidatorCountForConsensus",
                            List.of(),
                            List.of(
                                new org.web3j.abi.TypeReference<
                                    org.web3j.abi.datatypes.generated.Uint256>() {})))
                    .get(0)
                    .getValue())
            .intValueExact();
    long next = epoch + 1;
    // real nodes number themselves by sorting the epoch's validators by staker address, as at
    // start-up; Staking lists joiners in the order they joined
    current = new ArrayList<>(current);
    current.sort(
        java.util.Comparator.comparing(a -> a.getValue().toLowerCase(java.util.Locale.ROOT)));
    int n = current.size();
    EpochDealer.EpochKeys dealt = keys.dealer().deal(next, n, threshold);
    java.util.Map<String, SimulatedNode> serving = new java.util.HashMap<>();
    for (SimulatedNode node : nodes)
      serving.put(node.nodeWalletAddress().toLowerCase(java.util.Locale.ROOT), node);
    java.util.Map<String, Joining> joiners = new java.util.HashMap<>();
    for (Joining j : joining)
      joiners.put(j.wallet().getAddress().toLowerCase(java.util.Locale.ROOT), j);
    List<SimulatedNode> nextNodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String address = current.get(i).getValue().toLowerCase(java.util.Locale.ROOT);
      Credentials wallet = keys.wallets().get(address);
      if (wallet == null)
        throw new LitException(
            "validator " + address + " of epoch " + next + " is not a node of this network");
      SimulatedNodeConfig cfg =
          new SimulatedNodeConfig(
              i,
              n,
              threshold,
              wallet,
              dealt.bls().shareForIndex(i).orElseThrow(),
              blsPublicKey,
              dealt.k256().get(i),
              keys.ecdsaSecret(),
              anvil.web3j(),
              anvil.rpcUrl(),
              contracts(),
              rateLimiting,
              strictAuthOnly,
              Clock.systemUTC());
      SimulatedNode node = serving.remove(address);
      if (node != null) {
        node.enterEpoch(cfg);
      } else {
        Joining j = joiners.get(address);
        if (j == null)
          throw new LitException("validator " + address + " of epoch " + next + " has no node");
        node =
            new SimulatedNode(
                j.server(),
                cfg,
                runtime,
                cid -> Optional.ofNullable(pinnedActions.get(cid)),
                authProviders);
        node.setStrictAuthOnly(strictAuthOnly);
        node.setRateLimiting(rateLimiting);
      }
      nextNodes.add(node);
    }
    this.nodes = List.copyOf(nextNodes);
    this.minNodeCount = threshold;
    this.epoch = next;
    joining.clear();
    leaving.clear();
    for (SimulatedNode gone : serving.values()) closeQuietly(gone);
    LOG.info("lit-localnet: epoch {}: {} nodes, threshold {}", next, n, threshold);
    return next;
  }

  private Transactor ownerTransactor() {
    return new Transactor(anvil.web3j(), anvil.devAccount(0), anvil.chainId());
  }

  private void ensureOpen() {
    if (closed) throw new LitException("the local network is closed");
  }

  private static void closeQuietly(SimulatedNode n) {
    try {
      n.close();
    } catch (RuntimeException e) {
      LOG.warn("closing node {} failed", n.url(), e);
    }
  }

  /**
   * @return the chain's JSON-RPC URL, {@code http://127.0.0.1:<port>}
   */
  public String rpcUrl() {
    return anvil.rpcUrl();
  }

  /**
   * @return the chain id
   */
  public long chainId() {
    return anvil.chainId();
  }

  /**
   * @return the deployed Lit contracts the SDK uses
   */
  public LitContractAddresses contracts() {
    return deployment.addresses();
  }

  /**
   * @return the key deriver contract (replaces Chronicle's 0xF5 HD precompile)
   */
  public String keyDeriverAddress() {
    return deployment.keyDeriver();
  }

  /**
   * @return the BLS network public key (handshake {@code networkPublicKey})
   */
  public BlsPublicKey blsPublicKey() {
    return blsPublicKey;
  }

  /**
   * @return the BLS network public key as 96 lowercase hex characters
   */
  public String networkPublicKey() {
    return blsPublicKey.toHex();
  }

  /**
   * @return the K256 HD root public keys (handshake {@code hdRootPubkeys}): compressed, lowercase
   *     hex, in derivation order
   */
  public List<String> hdRootPubkeys() {
    return hdRootPubkeys;
  }

  /**
   * @return {@code minNodeCount}: the threshold Staking reports
   */
  public int minNodeCount() {
    return minNodeCount;
  }

  /**
   * @return anvil's funded dev accounts (index 0 deployed and owns the contracts); never the node
   *     wallets
   */
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

  /**
   * @return the anvil chain (time travel, mining)
   */
  public Anvil anvil() {
    return anvil;
  }

  /**
   * @return RateLimitNFT's cap on sold, unexpired capacity (requests per kilosecond), as set at
   *     start
   */
  public long maxRequestsPerKilosecond() {
    return maxRequestsPerKilosecond;
  }

  /**
   * @return how long {@link Builder#start()} took
   */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * @return whether Lit Actions get the {@code ethers} v5 global
   */
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
    return pin(pinnedActions, code);
  }

  /**
   * The node route that pins Lit Action code for the whole network, for clients outside this JVM
   * (e.g. the JS SDK): POST {@code {"code": "<JavaScript>"}} as JSON, answer {@code {"ipfsId":
   * "Qm…"}} (the code's CIDv0, as {@code ipfs add} computes it).
   */
  public static final String PIN_PATH = "/lit4j/ipfs/pin";

  private static String pin(java.util.Map<String, String> pinned, String code) {
    String cid = io.lit4j.core.ipfs.IpfsCid.of(code.getBytes(StandardCharsets.UTF_8));
    pinned.put(cid, code);
    return cid;
  }

  private static com.fasterxml.jackson.databind.JsonNode pinRoute(
      java.util.Map<String, String> pinned, com.fasterxml.jackson.databind.JsonNode body) {
    com.fasterxml.jackson.databind.JsonNode code = body.get("code");
    if (code == null || !code.isTextual()) {
      throw io.lit4j.localnet.node.NodeError.of(
          io.lit4j.localnet.node.NodeErrorCode.NodeBadInput,
          "missing field `code` (the action's JavaScript, a string)");
    }
    com.fasterxml.jackson.databind.node.ObjectNode o =
        io.lit4j.core.json.LitJson.mapper().createObjectNode();
    o.put("ipfsId", pin(pinned, code.textValue()));
    return o;
  }

  /**
   * Switches every node's lenient v4 session-sig fallback off ({@code true}) or back on.
   *
   * @param strictOnly {@code true} to accept only strictly valid session sigs
   */
  public synchronized void setStrictAuthOnly(boolean strictOnly) {
    this.strictAuthOnly = strictOnly;
    nodes.forEach(n -> n.setStrictAuthOnly(strictOnly));
  }

  /**
   * Switches capacity-credit rate limiting on every node.
   *
   * @param on whether the nodes enforce capacity-credit rate limits
   */
  public synchronized void setRateLimiting(boolean on) {
    this.rateLimiting = on;
    nodes.forEach(n -> n.setRateLimiting(on));
  }

  /**
   * The connection details as JSON: {@code rpcUrl, chainId, nodeUrls, minNodeCount,
   * networkPublicKey, hdRootPubkeys, contracts{…}, nodeWallets, devAccounts{mnemonic, path,
   * addresses, privateKeys}, maxRequestsPerKilosecond, startupMillis}: what {@code
   * LitContracts.fromLocalNetwork} and {@code LitNodeClientConfig.fromLocalNetwork} read ({@link
   * io.lit4j.contracts.LocalNetworkConnection}). The private keys are anvil's public test keys of
   * its well-known mnemonic; the node wallets' keys are never included.
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
    // anvil's public test keys, so that clients need no mnemonic derivation
    ArrayNode keys = dev.putArray("privateKeys");
    devAccounts()
        .forEach(
            d ->
                keys.add(
                    Numeric.toHexStringWithPrefixZeroPadded(d.getEcKeyPair().getPrivateKey(), 64)));
    o.put("maxRequestsPerKilosecond", maxRequestsPerKilosecond);
    o.put("startupMillis", startupTime.toMillis());
    return LitJson.write(o);
  }

  /** Stops the nodes, the Lit Actions runtime and anvil; idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    for (SimulatedNode n : nodes) closeQuietly(n);
    synchronized (this) {
      joining.forEach(j -> j.server().close());
    }
    runtime.close();
    anvil.close();
  }

  @Override
  public String toString() {
    return "LocalLitNetwork[nodes="
        + nodeUrls()
        + ", rpc="
        + rpcUrl()
        + ", chainId="
        + chainId()
        + "]";
  }

  /** The default location of the ethers bundle the build installs. */
  static Optional<Path> defaultEthersBundle() {
    String explicit = System.getProperty("lit4j.ethers.bundle");
    if (explicit != null && !explicit.isBlank()) return Optional.of(Path.of(explicit));
    String tools = System.getProperty("lit4j.tools.dir");
    Path dir =
        tools != null && !tools.isBlank()
            ? Path.of(tools)
            : Path.of(System.getProperty("user.home"), ".cache", "lit4j", "tools");
    Path p =
        dir.resolve("ethers-" + ETHERS_VERSION)
            .resolve("node_modules/ethers/dist/ethers.umd.min.js");
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
    private final java.util.Map<String, io.lit4j.localnet.actions.FetchHandler> fetchRoutes =
        new java.util.LinkedHashMap<>();
    private long maxRequestsPerKilosecond = DEFAULT_MAX_REQUESTS_PER_KILOSECOND;
    private int nodeBasePort;
    private AuthMethodVerifiers authProviders = AuthMethodVerifiers.live();

    private Builder() {}

    /**
     * RateLimitNFT's network-wide cap on capacity sold and not yet expired, in requests per
     * kilosecond (minting more fails with "not enough capacity left"). Lit's contract and
     * deployment use 10,000; lit-localnet defaults to {@link #DEFAULT_MAX_REQUESTS_PER_KILOSECOND}
     * so that long test runs on one network never run out. Use a small cap to test the refusal.
     *
     * @param max the cap, positive
     * @return this builder
     */
    public Builder maxRequestsPerKilosecond(long max) {
      if (max <= 0)
        throw new LitValidationException("maxRequestsPerKilosecond must be positive, got " + max);
      this.maxRequestsPerKilosecond = max;
      return this;
    }

    /**
     * Node {@code i} listens on {@code port + i} instead of a free port the system picks (the
     * default, 0); start fails when a port is taken.
     *
     * @param port the first node's port, 1..65535 so that every node's port fits, or 0 for free
     *     ports
     * @return this builder
     */
    public Builder nodeBasePort(int port) {
      if (port < 0 || port > 65535)
        throw new LitValidationException(
            "nodeBasePort must be in [0, 65535] (0: free ports), got " + port);
      this.nodeBasePort = port;
      return this;
    }

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
      if (nodes < 2 || nodes > 20)
        throw new LitValidationException("nodes must be in [2, 20], got " + nodes);
      this.nodes = nodes;
      return this;
    }

    /**
     * @param seed makes the dealt keys, node wallets and ECDSA nonces reproducible
     * @return this builder
     */
    public Builder seed(String seed) {
      if (seed == null || seed.isEmpty())
        throw new LitValidationException("seed must not be empty");
      this.seed = seed.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * @param seed makes the dealt keys, node wallets and ECDSA nonces reproducible
     * @return this builder
     */
    public Builder seed(byte[] seed) {
      if (seed == null || seed.length == 0)
        throw new LitValidationException("seed must not be empty");
      this.seed = seed.clone();
      return this;
    }

    /**
     * @param chainId the anvil chain id (31337 by default; 175177 looks like Chronicle)
     * @return this builder
     */
    public Builder chainId(long chainId) {
      if (chainId <= 0)
        throw new LitValidationException("chainId must be positive, got " + chainId);
      this.chainId = chainId;
      return this;
    }

    /**
     * @param count K256 HD root keys (2 to 10; real networks have 10; each costs mint gas)
     * @return this builder
     */
    public Builder rootKeyCount(int count) {
      if (count < 2 || count > 10)
        throw new LitValidationException("rootKeyCount must be in [2, 10], got " + count);
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
     * @param bundle path of {@code ethers@5.7.2/dist/ethers.umd.min.js} for Lit Actions (by default
     *     the one the build installs under {@code ${lit4j.tools.dir}})
     * @return this builder
     */
    public Builder ethersBundle(Path bundle) {
      if (bundle == null || !Files.isRegularFile(bundle))
        throw new LitValidationException("ethers bundle not found: " + bundle);
      this.ethersBundle = Optional.of(bundle);
      return this;
    }

    /**
     * @param timeout Lit Action wall-time limit (30 s on real nodes)
     * @return this builder
     */
    /**
     * Bytes one Lit Action execution may allocate before it fails with {@code
     * NodeJsMemoryLimitError} (default 256 MiB; see {@link LitActionRuntime} for why this
     * approximates the nodes' heap limit).
     *
     * @param bytes Bytes one Lit Action execution may allocate before it fails with {@code
     *     NodeJsMemoryLimitError} (default 256 MiB; see {@link LitActionRuntime} for why this
     *     approximates the nodes' heap limit)
     * @return this builder
     */
    public Builder actionMemoryBudget(long bytes) {
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
    public Builder routeFetch(String host, io.lit4j.localnet.actions.FetchHandler handler) {
      if (host == null || host.isBlank() || host.contains("/"))
        throw new LitValidationException(
            "routeFetch host must be a host name or host:port, got " + host);
      if (handler == null) throw new LitValidationException("routeFetch handler must not be null");
      fetchRoutes.put(host.toLowerCase(java.util.Locale.ROOT), handler);
      return this;
    }

    /**
     * How long one Lit Action execution may run before it fails with {@code NodeJsTimeoutError}.
     *
     * @param timeout the wall-time limit, positive
     * @return this builder
     */
    public Builder actionTimeout(Duration timeout) {
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
      long t0 = System.nanoTime();
      byte[] s = seed;
      if (s == null) {
        s = new byte[32];
        new SecureRandom().nextBytes(s);
      }
      checkPorts();
      int threshold = nodes == 2 ? 1 : (2 * nodes) / 3;
      Optional<Path> ethers = ethersBundle != null ? ethersBundle : defaultEthersBundle();
      if (ethers.isEmpty()) {
        LOG.warn(
            "ethers {} bundle not found (set -Dlit4j.ethers.bundle or build lit-localnet once): Lit Actions run without `ethers`",
            ETHERS_VERSION);
      }
      Anvil anvil = Anvil.builder().chainId(chainId).start();
      List<NodeHttpServer> servers = new ArrayList<>();
      LitActionRuntime runtime = null;
      List<SimulatedNode> started = new ArrayList<>();
      java.util.Map<String, String> pinned = new java.util.concurrent.ConcurrentHashMap<>();
      boolean up = false;
      try {
        runtime =
            new LitActionRuntime(
                ethers, actionTimeout, nodes, actionMemoryBudgetBytes, fetchRoutes);
        BlsKeySet bls = BlsDealer.deal(Math.max(2, threshold), nodes, derive(s, "bls"));
        K256RootKeyShares k256 =
            K256KeyDealer.seeded(derive(s, "k256")).deal(rootKeyCount, threshold, nodes);
        byte[] ecdsaSecret = derive(s, "ecdsa-nonce");
        List<Credentials> wallets = new ArrayList<>();
        for (int i = 0; i < nodes; i++)
          wallets.add(Credentials.create(ECKeyPair.create(walletKey(s, i))));
        // real nodes number themselves by sorting the epoch's validators by staker address (here
        // the
        // wallet address): node i is the i-th, so clients predict the signing subset as on a real
        // network
        wallets.sort(
            java.util.Comparator.comparing(c -> c.getAddress().toLowerCase(java.util.Locale.ROOT)));
        LitDeploymentSpec.Builder spec = LitDeploymentSpec.builder();
        for (int i = 0; i < nodes; i++) {
          NodeHttpServer server =
              new NodeHttpServer("127.0.0.1", nodeBasePort == 0 ? 0 : nodeBasePort + i, 8);
          servers.add(server);
          Credentials wallet = wallets.get(i);
          spec.validator(
              LitValidator.of(
                  Keys.toChecksumAddress(wallet.getAddress()), "127.0.0.1", server.port()));
        }
        for (Secp256k1PublicKey root : k256.rootPublicKeys()) spec.rootKey(root.compressed());
        LitDeployer deployer = new LitDeployer(anvil.web3j(), anvil.devAccount(0), anvil.chainId());
        LitDeployment deployment = deployer.deploy(spec.build());
        deployer.setMaxRequestsPerKilosecond(
            deployment.addresses().rateLimitNft(), BigInteger.valueOf(maxRequestsPerKilosecond));
        for (int i = 0; i < nodes; i++) {
          SimulatedNodeConfig cfg =
              new SimulatedNodeConfig(
                  i,
                  nodes,
                  threshold,
                  wallets.get(i),
                  bls.shareForIndex(i).orElseThrow(),
                  bls.publicKey(),
                  k256.nodeShare(i),
                  ecdsaSecret,
                  anvil.web3j(),
                  anvil.rpcUrl(),
                  deployment.addresses(),
                  rateLimiting,
                  strictAuthOnly,
                  Clock.systemUTC());
          started.add(
              new SimulatedNode(
                  servers.get(i),
                  cfg,
                  runtime,
                  cid -> Optional.ofNullable(pinned.get(cid)),
                  authProviders));
          servers.get(i).route(PIN_PATH, req -> pinRoute(pinned, req.body()));
        }
        List<String> roots =
            k256.rootPublicKeys().stream().map(Secp256k1PublicKey::compressedHex).toList();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info(
            "lit-localnet: {} nodes up in {} ms (rpc {})", nodes, took.toMillis(), anvil.rpcUrl());
        java.util.Map<String, Credentials> byAddress =
            new java.util.concurrent.ConcurrentHashMap<>();
        for (Credentials w : wallets)
          byAddress.put(w.getAddress().toLowerCase(java.util.Locale.ROOT), w);
        Secrets keys =
            new Secrets(
                s.clone(),
                new EpochDealer(s, bls, k256),
                ecdsaSecret,
                byAddress,
                new java.util.concurrent.atomic.AtomicInteger(nodes));
        LocalLitNetwork net =
            new LocalLitNetwork(
                anvil,
                deployment,
                started,
                runtime,
                bls.publicKey(),
                roots,
                threshold,
                took,
                ethers.isPresent(),
                pinned,
                keys,
                rateLimiting,
                strictAuthOnly,
                authProviders,
                maxRequestsPerKilosecond);
        up = true;
        return net;
      } finally {
        if (!up) { // whatever failed (an Error too): nothing started here may outlive the failed
          // start
          servers.forEach(NodeHttpServer::close);
          if (runtime != null) runtime.close();
          anvil.close();
        }
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

    static BigInteger walletKey(byte[] seed, int index) {
      for (int attempt = 0; ; attempt++) {
        BigInteger k = new BigInteger(1, derive(seed, "node-wallet-" + index + "-" + attempt));
        if (Secp256k1.isNonZeroScalar(k)) return k;
      }
    }
  }
}
