package io.lit4j.localnet;

import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.localnet.chain.Anvil;
import io.lit4j.localnet.chain.LitDeployment;
import io.lit4j.localnet.node.SimulatedNode;
import java.time.Duration;
import java.util.List;
import org.web3j.crypto.Credentials;

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

  /**
   * Default RateLimitNFT capacity cap of a local network, requests per kilosecond (Lit's is
   * 10,000).
   */
  public static final long DEFAULT_MAX_REQUESTS_PER_KILOSECOND = 1_000_000_000L;

  /** Version of the ethers bundle the Lit Actions runtime loads. */
  public static final String ETHERS_VERSION = "5.7.2";

  private final Anvil anvil;
  private final LitDeployment deployment;
  private final ValidatorSet validators;
  private final BlsPublicKey blsPublicKey;
  private final List<String> hdRootPubkeys;
  private final Duration startupTime;
  private final boolean ethersLoaded;
  private final long maxRequestsPerKilosecond;
  private volatile boolean rateLimiting;
  private volatile boolean strictAuthOnly;
  private volatile boolean closed;

  LocalLitNetwork(
      LitDeployment deployment,
      ValidatorSet validators,
      BlsPublicKey blsPublicKey,
      List<String> hdRootPubkeys,
      Duration startupTime,
      boolean ethersLoaded,
      boolean rateLimiting,
      boolean strictAuthOnly,
      long maxRequestsPerKilosecond) {
    this.anvil = validators.environment().anvil();
    this.deployment = deployment;
    this.validators = validators;
    this.blsPublicKey = blsPublicKey;
    this.hdRootPubkeys = List.copyOf(hdRootPubkeys);
    this.startupTime = startupTime;
    this.ethersLoaded = ethersLoaded;
    this.rateLimiting = rateLimiting;
    this.strictAuthOnly = strictAuthOnly;
    this.maxRequestsPerKilosecond = maxRequestsPerKilosecond;
  }

  /**
   * @return a builder (3 nodes, random seed, chain id 31337, 3 root keys, rate limiting off)
   */
  public static LocalLitNetworkBuilder builder() {
    return new LocalLitNetworkBuilder();
  }

  /**
   * @return the node URLs, exactly {@code http://127.0.0.1:<port>} as the SDK builds them from
   *     Staking, in share-index order
   */
  public List<String> nodeUrls() {
    return validators.nodes().stream().map(SimulatedNode::url).toList();
  }

  /**
   * @return the simulated nodes of the current epoch, in share-index order (the order of Staking's
   *     current validators; fault switches, auth and rate-limit switches)
   */
  public List<SimulatedNode> nodes() {
    return validators.nodes();
  }

  /**
   * @param shareIndex 0-based node index in the current epoch
   * @return that node
   * @throws LitValidationException for an unknown index
   */
  public SimulatedNode node(int shareIndex) {
    return validators.node(shareIndex);
  }

  /**
   * @return the current epoch number, as Staking's {@code epoch().number} (1 after start-up)
   */
  public long epoch() {
    return validators.epoch();
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
    return validators.addNode();
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
    validators.removeNode(shareIndex);
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
    return validators.advanceEpoch(rateLimiting, strictAuthOnly);
  }

  private void ensureOpen() {
    if (closed) throw new LitException("the local network is closed");
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
    return validators.minNodeCount();
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
   * @return how long {@link LocalLitNetworkBuilder#start()} took
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
    return validators.environment().pins().pin(code);
  }

  /**
   * The node route that pins Lit Action code for the whole network, for clients outside this JVM
   * (e.g. the JS SDK): POST {@code {"code": "<JavaScript>"}} as JSON, answer {@code {"ipfsId":
   * "Qm…"}} (the code's CIDv0, as {@code ipfs add} computes it).
   */
  public static final String PIN_PATH = "/lit4j/ipfs/pin";

  /**
   * Switches every node's lenient v4 session-sig fallback off ({@code true}) or back on.
   *
   * @param strictOnly {@code true} to accept only strictly valid session sigs
   */
  public synchronized void setStrictAuthOnly(boolean strictOnly) {
    this.strictAuthOnly = strictOnly;
    validators.nodes().forEach(n -> n.setStrictAuthOnly(strictOnly));
  }

  /**
   * Switches capacity-credit rate limiting on every node.
   *
   * @param on whether the nodes enforce capacity-credit rate limits
   */
  public synchronized void setRateLimiting(boolean on) {
    this.rateLimiting = on;
    validators.nodes().forEach(n -> n.setRateLimiting(on));
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
    return ConnectionInfo.json(this);
  }

  /** Stops the nodes, the Lit Actions runtime and anvil; idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    ValidatorSet.NodeEnvironment env = validators.environment();
    synchronized (this) {
      validators.closeAll();
    }
    env.latestBlocks().close();
    env.runtime().close();
    env.anvil().close();
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
}
