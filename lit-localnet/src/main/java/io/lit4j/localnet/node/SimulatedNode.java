package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.actions.LitActionRuntime;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.web3j.crypto.Keys;

/**
 * One simulated Lit node of the habanero/manzano era: the {@code /web/...} routes of
 * node-behavior.md §1 over a {@link NodeHttpServer}, with real threshold cryptography (its BLS
 * share, its K256 HD root shares, the §6.5 ECDSA recipe), auth validation (§2), PKP permissions and
 * capacity credits read from the local chain, and Lit Actions on {@link LitActionRuntime}.
 *
 * <p>The routes live in one class per family ({@code HandshakeRoute}, {@code SessionKeyRoute},
 * {@code PkpRoutes}, {@code ExecuteRoute}, {@code AccessControlRoutes}); this class holds what they
 * share: the node's epoch configuration, its chain reads, auth validation and signatures.
 *
 * <p>Test-network material: the node holds key shares in memory; not secure.
 */
public final class SimulatedNode implements AutoCloseable {
  private final NodeHttpServer server;
  // replaced when an epoch change reshares the keys (enterEpoch)
  private volatile SimulatedNodeConfig config;
  private final LitActionRuntime actions;
  private final ChainReader chain;
  private final AuthValidator auth;
  private final PkpAuthorizer pkpAuth;
  private final RateLimiter rateLimiter;
  private final NodeSigner signer;
  private final AccessControlRoutes accessControl;
  private final int rootKeyCount;
  private final Function<String, Optional<String>> ipfs;
  // closed with the node when the node made it itself (no network-wide cache given)
  private final LatestBlockCache ownLatestBlocks;
  private volatile boolean rateLimiting;

  /**
   * Attaches the node's routes to {@code server} (already bound on the port Staking lists).
   *
   * @param actions the Lit Actions runtime (may be shared by the nodes of one network)
   * @param server the node's HTTP server
   * @param config the node's keys and settings
   */
  public SimulatedNode(
      NodeHttpServer server, SimulatedNodeConfig config, LitActionRuntime actions) {
    this(server, config, actions, cid -> Optional.empty());
  }

  /**
   * As {@link #SimulatedNode(NodeHttpServer, SimulatedNodeConfig, LitActionRuntime)}, with a
   * stand-in for the IPFS gateway: {@code ipfs} gives the code pinned under a CID.
   *
   * @param server the node's HTTP server
   * @param config the node's keys and settings
   * @param actions the Lit Actions runtime
   * @param ipfs gives the code pinned under a CID, if any
   */
  public SimulatedNode(
      NodeHttpServer server,
      SimulatedNodeConfig config,
      LitActionRuntime actions,
      Function<String, Optional<String>> ipfs) {
    this(server, config, actions, ipfs, AuthMethodVerifiers.live());
  }

  /**
   * As {@link #SimulatedNode(NodeHttpServer, SimulatedNodeConfig, LitActionRuntime, Function)},
   * with where the node verifies OAuth, OIDC and Stytch auth methods. The node keeps its own {@link
   * LatestBlockCache} (closed with the node).
   *
   * @param server the node's HTTP server
   * @param config the node's keys and settings
   * @param actions the Lit Actions runtime
   * @param ipfs gives the code pinned under a CID, if any
   * @param authProviders the providers the node trusts (real ones, or lit-localnet's loopback ones)
   */
  public SimulatedNode(
      NodeHttpServer server,
      SimulatedNodeConfig config,
      LitActionRuntime actions,
      Function<String, Optional<String>> ipfs,
      AuthMethodVerifiers authProviders) {
    this(server, config, actions, ipfs, authProviders, null);
  }

  /**
   * As {@link #SimulatedNode(NodeHttpServer, SimulatedNodeConfig, LitActionRuntime, Function,
   * AuthMethodVerifiers)}, with the latest-block cache the node's handshakes answer from, shared by
   * the nodes of one network so that they report the same {@code latestBlockhash} (the caller
   * closes it).
   *
   * @param server the node's HTTP server
   * @param config the node's keys and settings
   * @param actions the Lit Actions runtime
   * @param ipfs gives the code pinned under a CID, if any
   * @param authProviders the providers the node trusts (real ones, or lit-localnet's loopback ones)
   * @param latestBlocks the cache of the chain's latest block, or {@code null} for one of its own
   */
  public SimulatedNode(
      NodeHttpServer server,
      SimulatedNodeConfig config,
      LitActionRuntime actions,
      Function<String, Optional<String>> ipfs,
      AuthMethodVerifiers authProviders,
      LatestBlockCache latestBlocks) {
    this.ipfs = ipfs;
    this.server = server;
    this.config = config;
    this.actions = actions;
    this.chain = new ChainReader(config.web3j(), config.contracts());
    this.auth =
        new AuthValidator(
            server.host() + ":" + server.port(), config.clock(), config.strictAuthOnly());
    this.pkpAuth = new PkpAuthorizer(chain, auth, authProviders);
    this.rateLimiter = new RateLimiter(chain, auth, config.clock());
    this.signer = new NodeSigner(this, chain, config.ecdsaNetworkSecret());
    this.accessControl = new AccessControlRoutes(this);
    this.rateLimiting = config.rateLimiting();
    List<String> roots = new ArrayList<>();
    for (byte[] k : chain.rootKeys()) roots.add(Hex.encode(k));
    this.rootKeyCount = roots.size();
    this.ownLatestBlocks = latestBlocks == null ? new LatestBlockCache(config.web3j()) : null;
    LatestBlockCache blocks = latestBlocks == null ? ownLatestBlocks : latestBlocks;
    PkpRoutes pkp = new PkpRoutes(this);
    server.route("/web/handshake", new HandshakeRoute(this, roots, blocks));
    server.route("/web/sign_session_key", new SessionKeyRoute(this));
    server.route("/web/pkp/sign", pkp::pkpSign);
    server.route("/web/execute", new ExecuteRoute(this, actions, pkpAuth, ipfs));
    server.route("/web/encryption/sign", accessControl::encryptionSign);
    server.route("/web/signing/access_control_condition", accessControl::signingAcc);
    server.route(
        "/web/pkp/claim",
        new NodeRoute() {
          @Override
          public JsonNode handle(NodeRequest request) {
            return pkp.pkpClaim(request);
          }

          @Override
          public int successStatus() {
            return 202;
          }
        });
  }

  /**
   * Moves the node into a new epoch: its new place in the validator set and its new shares of the
   * same network keys (an epoch change reshares them). Requests in progress finish with the shares
   * they started with or fail.
   *
   * @param next the node's configuration in the new epoch (same node wallet and chain)
   * @throws LitException when {@code next} belongs to another node
   */
  public void enterEpoch(SimulatedNodeConfig next) {
    if (!next.nodeWallet().getAddress().equalsIgnoreCase(config.nodeWallet().getAddress())) {
      throw new LitException(
          "the new epoch's configuration belongs to node " + next.nodeWallet().getAddress());
    }
    this.config = next;
  }

  /**
   * @return the node's 0-based share index
   */
  public int shareIndex() {
    return config.shareIndex();
  }

  /**
   * @return {@code http://127.0.0.1:<port>}
   */
  public String url() {
    return server.url();
  }

  /**
   * @return the node wallet address registered in Staking
   */
  public String nodeWalletAddress() {
    return Keys.toChecksumAddress(config.nodeWallet().getAddress());
  }

  /**
   * @return the HTTP server (fault switches)
   */
  public NodeHttpServer server() {
    return server;
  }

  /**
   * Switches the lenient v4 session-sig fallback off ({@code true}) or on.
   *
   * @param strictOnly {@code true} to accept only strictly valid session sigs
   */
  public void setStrictAuthOnly(boolean strictOnly) {
    auth.setStrictOnly(strictOnly);
  }

  /**
   * Switches capacity-credit rate limiting on or off.
   *
   * @param on whether the node enforces capacity-credit rate limits
   */
  public void setRateLimiting(boolean on) {
    this.rateLimiting = on;
  }

  /**
   * @return whether rate limiting is on
   */
  public boolean rateLimiting() {
    return rateLimiting;
  }

  // ---------------------------------------------------------------- shared by the routes

  ValidatedAuth validateAuth(
      JsonNode body, AuthResource resource, String chainName, boolean litAction) {
    AuthSig sig = AuthValidator.parseAuthSig(body.get("authSig"), litAction);
    return auth.validate(sig, resource, chainName);
  }

  void rateLimit(ValidatedAuth a, int status) {
    if (rateLimiting) rateLimiter.charge(a, status);
  }

  NodeSigner signer() {
    return signer;
  }

  // package access for ExecuteHost (and the routes)
  ChainReader chain() {
    return chain;
  }

  PkpAuthorizer pkpAuthorizer() {
    return pkpAuth;
  }

  AuthValidator authValidator() {
    return auth;
  }

  SimulatedNodeConfig config() {
    return config;
  }

  Optional<EcdsaSignatureShare> ecdsaShare(
      byte[] pubkey, byte[] digest, String requestId, String sigName) {
    return signer.ecdsaShare(pubkey, digest, requestId, sigName);
  }

  BlsSignatureShare blsShare(byte[] message) {
    return signer.blsShare(message);
  }

  LitActionRuntime actions() {
    return actions;
  }

  /** The code pinned under a CID (checked to hash to it), for {@code Lit.Actions.call}. */
  String pinnedCode(String cid) {
    String pinned =
        ipfs.apply(cid)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "ipfsId "
                            + cid
                            + " is not pinned on lit-localnet (LocalLitNetwork.pinAction) and there is no IPFS gateway"));
    if (!IpfsCid.of(pinned.getBytes(StandardCharsets.UTF_8)).equals(cid)) {
      throw new IllegalArgumentException("the code pinned under " + cid + " does not hash to it");
    }
    return pinned;
  }

  byte[] nodeWalletSign(byte[] data) {
    return signer.walletSign(data);
  }

  /** Evaluates conditions for the auth sig's user. */
  boolean evaluate(
      AccessControlConditions conditions, ValidatedAuth a, Optional<String> actionCid) {
    return accessControl.evaluate(conditions, a, actionCid);
  }

  static AccessControlConditions readConditions(JsonNode body) {
    return AccessControlRoutes.readConditions(body);
  }

  /**
   * @return the node's ETH address of a PKP key, checksummed
   */
  static String pkpAddress(byte[] pubkey) {
    return EthAddress.of(Secp256k1PublicKey.fromBytes(pubkey)).checksummed();
  }

  static String isoSeconds(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  public void close() {
    server.close();
    if (ownLatestBlocks != null) ownLatestBlocks.close();
  }

  @Override
  public String toString() {
    return "SimulatedNode["
        + url()
        + ", shareIndex="
        + config.shareIndex()
        + ", rootKeys="
        + rootKeyCount
        + "]";
  }
}
