package io.lit4j.localnet;

import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.actions.LitActionRuntime;
import io.lit4j.localnet.chain.Anvil;
import io.lit4j.localnet.chain.LitDeployer;
import io.lit4j.localnet.chain.LitDeployment;
import io.lit4j.localnet.chain.LitDeploymentSpec;
import io.lit4j.localnet.chain.LitValidator;
import io.lit4j.localnet.keys.BlsDealer;
import io.lit4j.localnet.keys.K256KeyDealer;
import io.lit4j.localnet.keys.K256RootKeyShares;
import io.lit4j.localnet.node.LatestBlockCache;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Start-up of a {@link LocalLitNetwork} from its builder: anvil, the dealt keys, the node wallets
 * and ports, the contracts' deployment with the validators, then the nodes.
 */
final class NetworkStart {
  private static final Logger LOG = LoggerFactory.getLogger(LocalLitNetwork.class);

  private NetworkStart() {}

  static LocalLitNetwork start(LocalLitNetworkBuilder b) {
    long t0 = System.nanoTime();
    byte[] s = b.seed;
    if (s == null) {
      s = new byte[32];
      new SecureRandom().nextBytes(s);
    }
    b.checkPorts();
    int nodes = b.nodes;
    int threshold = nodes == 2 ? 1 : (2 * nodes) / 3;
    Optional<Path> ethers = b.ethersBundle != null ? b.ethersBundle : defaultEthersBundle();
    if (ethers.isEmpty()) {
      LOG.warn(
          "ethers {} bundle not found (set -Dlit4j.ethers.bundle or build lit-localnet once): Lit Actions run without `ethers`",
          LocalLitNetwork.ETHERS_VERSION);
    }
    Anvil anvil = Anvil.builder().chainId(b.chainId).start();
    List<NodeHttpServer> servers = new ArrayList<>();
    LitActionRuntime runtime = null;
    LatestBlockCache latestBlocks = null;
    List<SimulatedNode> started = new ArrayList<>();
    boolean up = false;
    try {
      runtime =
          new LitActionRuntime(
              ethers, b.actionTimeout, nodes, b.actionMemoryBudgetBytes, b.fetchRoutes);
      latestBlocks = new LatestBlockCache(anvil.web3j());
      BlsKeySet bls = BlsDealer.deal(Math.max(2, threshold), nodes, derive(s, "bls"));
      K256RootKeyShares k256 =
          K256KeyDealer.seeded(derive(s, "k256")).deal(b.rootKeyCount, threshold, nodes);
      byte[] ecdsaSecret = derive(s, "ecdsa-nonce");
      List<Credentials> wallets = new ArrayList<>();
      for (int i = 0; i < nodes; i++)
        wallets.add(Credentials.create(ECKeyPair.create(walletKey(s, i))));
      // node i is the i-th validator in share-index order (the staker address is the wallet's)
      wallets.sort(Comparator.comparing(Credentials::getAddress, ValidatorSet.SHARE_INDEX_ORDER));
      LitDeploymentSpec.Builder spec = LitDeploymentSpec.builder();
      for (int i = 0; i < nodes; i++) {
        NodeHttpServer server =
            new NodeHttpServer("127.0.0.1", b.nodeBasePort == 0 ? 0 : b.nodeBasePort + i, 8);
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
          deployment.addresses().rateLimitNft(), BigInteger.valueOf(b.maxRequestsPerKilosecond));
      ValidatorSet.NodeEnvironment env =
          new ValidatorSet.NodeEnvironment(
              anvil, runtime, new ActionPins(), b.authProviders, latestBlocks);
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
                b.rateLimiting,
                b.strictAuthOnly,
                Clock.systemUTC());
        started.add(ValidatorSet.newNode(servers.get(i), cfg, env));
      }
      List<String> roots =
          k256.rootPublicKeys().stream().map(Secp256k1PublicKey::compressedHex).toList();
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      LOG.info(
          "lit-localnet: {} nodes up in {} ms (rpc {})", nodes, took.toMillis(), anvil.rpcUrl());
      Map<String, Credentials> byAddress = new ConcurrentHashMap<>();
      for (Credentials w : wallets) byAddress.put(w.getAddress().toLowerCase(Locale.ROOT), w);
      ValidatorSet.Secrets keys =
          new ValidatorSet.Secrets(
              s.clone(),
              new EpochDealer(s, bls, k256),
              ecdsaSecret,
              byAddress,
              new AtomicInteger(nodes));
      ValidatorSet validators =
          new ValidatorSet(keys, env, bls.publicKey(), deployment.addresses(), started, threshold);
      LocalLitNetwork net =
          new LocalLitNetwork(
              deployment,
              validators,
              bls.publicKey(),
              roots,
              took,
              ethers.isPresent(),
              b.rateLimiting,
              b.strictAuthOnly,
              b.maxRequestsPerKilosecond);
      up = true;
      return net;
    } finally {
      if (!up) { // whatever failed (an Error too): nothing started here may outlive the failed
        // start
        servers.forEach(NodeHttpServer::close);
        if (latestBlocks != null) latestBlocks.close();
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
        dir.resolve("ethers-" + LocalLitNetwork.ETHERS_VERSION)
            .resolve("node_modules/ethers/dist/ethers.umd.min.js");
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }
}
