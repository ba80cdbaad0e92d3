package io.lit4j.localnet;

import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.localnet.actions.LitActionRuntime;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.chain.Anvil;
import io.lit4j.localnet.chain.LitValidator;
import io.lit4j.localnet.chain.internal.Transactor;
import io.lit4j.localnet.node.LatestBlockCache;
import io.lit4j.localnet.node.NodeHttpServer;
import io.lit4j.localnet.node.SimulatedNode;
import io.lit4j.localnet.node.SimulatedNodeConfig;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The validator set of a {@link LocalLitNetwork} and its changes from epoch to epoch: nodes that
 * ask to join, nodes kicked from the next epoch, and the epoch advance that reshares the network's
 * keys to the new set. The network's public methods synchronise on the network before calling in.
 */
final class ValidatorSet {
  private static final Logger LOG = LoggerFactory.getLogger(LocalLitNetwork.class);

  /**
   * How real nodes number themselves: the epoch's validators sorted by staker address, share index
   * = position (clients predict the signing subset from it). Start-up and every epoch use this.
   */
  static final Comparator<String> SHARE_INDEX_ORDER =
      Comparator.comparing(address -> address.toLowerCase(Locale.ROOT));

  /** What the network needs to deal keys and wallets to validators after start-up (secret). */
  record Secrets(
      byte[] seed,
      EpochDealer dealer,
      byte[] ecdsaSecret,
      Map<String, Credentials> wallets,
      AtomicInteger nextWallet) {
    @Override
    public String toString() {
      return "Secrets[<hidden>]";
    }
  }

  /** What a node of any epoch is built with besides its keys. */
  record NodeEnvironment(
      Anvil anvil,
      LitActionRuntime runtime,
      ActionPins pins,
      AuthMethodVerifiers authProviders,
      LatestBlockCache latestBlocks) {}

  /** A node that asked to join the next epoch: bound, registered in Staking, not serving yet. */
  private record Joining(NodeHttpServer server, Credentials wallet) {}

  private final LitContractAddresses contracts;
  private final Secrets keys;
  private final NodeEnvironment env;
  private final BlsPublicKey blsPublicKey;
  private volatile List<SimulatedNode> nodes;
  private volatile int minNodeCount;
  private volatile long epoch = 1;
  private final List<Joining> joining = new ArrayList<>();
  private final List<SimulatedNode> leaving = new ArrayList<>();

  ValidatorSet(
      Secrets keys,
      NodeEnvironment env,
      BlsPublicKey blsPublicKey,
      LitContractAddresses contracts,
      List<SimulatedNode> nodes,
      int minNodeCount) {
    this.contracts = contracts;
    this.keys = keys;
    this.env = env;
    this.blsPublicKey = blsPublicKey;
    this.nodes = List.copyOf(nodes);
    this.minNodeCount = minNodeCount;
  }

  List<SimulatedNode> nodes() {
    return nodes;
  }

  int minNodeCount() {
    return minNodeCount;
  }

  long epoch() {
    return epoch;
  }

  NodeEnvironment environment() {
    return env;
  }

  SimulatedNode node(int shareIndex) {
    List<SimulatedNode> current = nodes;
    if (shareIndex < 0 || shareIndex >= current.size()) {
      throw new LitValidationException(
          "shareIndex must be in [0, " + current.size() + "), got " + shareIndex);
    }
    return current.get(shareIndex);
  }

  /** A new node binds a port, gets a funded wallet and asks Staking to join the next epoch. */
  String addNode() {
    Anvil anvil = env.anvil();
    int walletIndex = keys.nextWallet().getAndIncrement();
    Credentials wallet =
        Credentials.create(ECKeyPair.create(NetworkStart.walletKey(keys.seed(), walletIndex)));
    NodeHttpServer server = new NodeHttpServer("127.0.0.1", 0, 8);
    boolean registered = false;
    try {
      anvil.setBalance(wallet.getAddress(), BigInteger.TEN.pow(20));
      LitValidator v =
          LitValidator.of(Keys.toChecksumAddress(wallet.getAddress()), "127.0.0.1", server.port());
      new Transactor(anvil.web3j(), wallet, anvil.chainId())
          .send(
              contracts.staking(),
              new Function(
                  "requestToJoin",
                  List.of(
                      new Uint32(v.ipAsUint32()),
                      new Uint128(BigInteger.ZERO),
                      new Uint32(v.port()),
                      new Address(v.nodeAddress()),
                      new Uint256(BigInteger.ZERO),
                      new Uint256(BigInteger.ZERO)),
                  List.of()),
              BigInteger.ZERO);
      keys.wallets().put(wallet.getAddress().toLowerCase(Locale.ROOT), wallet);
      joining.add(new Joining(server, wallet));
      registered = true;
      LOG.info("lit-localnet: node {} asked to join epoch {}", server.url(), epoch + 1);
      return server.url();
    } finally {
      if (!registered) server.close();
    }
  }

  /** Kicks a validator from the next epoch (by the contracts' owner). */
  void removeNode(int shareIndex) {
    SimulatedNode n = node(shareIndex);
    if (leaving.contains(n))
      throw new LitValidationException("node " + shareIndex + " already leaves at the next epoch");
    if (nodes.size() - leaving.size() - 1 + joining.size() < 2) {
      throw new LitValidationException(
          "a network needs at least 2 validators; add one before removing another");
    }
    ownerTransactor()
        .send(
            contracts.staking(),
            new Function(
                "adminKickValidatorInNextEpoch",
                List.of(new Address(n.nodeWalletAddress())),
                List.of()),
            BigInteger.ZERO);
    leaving.add(n);
    LOG.info("lit-localnet: node {} leaves at epoch {}", n.url(), epoch + 1);
  }

  /**
   * Advances Staking's epoch and reshares the network's keys to its current validators.
   *
   * @param rateLimiting the network's rate-limiting switch, for new nodes
   * @param strictAuthOnly the network's strict-auth switch, for new nodes
   */
  long advanceEpoch(boolean rateLimiting, boolean strictAuthOnly) {
    Transactor owner = ownerTransactor();
    String staking = contracts.staking();
    owner.send(staking, new Function("advanceEpoch", List.of(), List.of()), BigInteger.ZERO);
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<Address> current =
        (List<Address>)
            owner
                .call(
                    staking,
                    new Function(
                        "getValidatorsInCurrentEpoch",
                        List.of(),
                        List.of(new TypeReference<DynamicArray<Address>>() {})))
                .get(0)
                .getValue();
    int threshold =
        ((BigInteger)
                owner
                    .call(
                        staking,
                        new Function(
                            "currentValidatorCountForConsensus",
                            List.of(),
                            List.of(new TypeReference<Uint256>() {})))
                    .get(0)
                    .getValue())
            .intValueExact();
    long next = epoch + 1;
    // Staking lists joiners in the order they joined; nodes number themselves by staker address
    current = new ArrayList<>(current);
    current.sort(Comparator.comparing(Address::getValue, SHARE_INDEX_ORDER));
    int n = current.size();
    EpochDealer.EpochKeys dealt = keys.dealer().deal(next, n, threshold);
    Map<String, SimulatedNode> serving = new HashMap<>();
    for (SimulatedNode node : nodes)
      serving.put(node.nodeWalletAddress().toLowerCase(Locale.ROOT), node);
    Map<String, Joining> joiners = new HashMap<>();
    for (Joining j : joining) joiners.put(j.wallet().getAddress().toLowerCase(Locale.ROOT), j);
    List<SimulatedNode> nextNodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String address = current.get(i).getValue().toLowerCase(Locale.ROOT);
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
              env.anvil().web3j(),
              env.anvil().rpcUrl(),
              contracts,
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
        node = newNode(j.server(), cfg);
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

  /** A node of this network on {@code server}, serving from now on. */
  SimulatedNode newNode(NodeHttpServer server, SimulatedNodeConfig cfg) {
    return newNode(server, cfg, env);
  }

  static SimulatedNode newNode(
      NodeHttpServer server, SimulatedNodeConfig cfg, NodeEnvironment env) {
    SimulatedNode node =
        new SimulatedNode(
            server, cfg, env.runtime(), env.pins()::code, env.authProviders(), env.latestBlocks());
    server.route(LocalLitNetwork.PIN_PATH, req -> env.pins().route(req.body()));
    return node;
  }

  /** Stops every node, serving or waiting to join. */
  void closeAll() {
    for (SimulatedNode n : nodes) closeQuietly(n);
    joining.forEach(j -> j.server().close());
  }

  private Transactor ownerTransactor() {
    Anvil anvil = env.anvil();
    return new Transactor(anvil.web3j(), anvil.devAccount(0), anvil.chainId());
  }

  static void closeQuietly(SimulatedNode n) {
    try {
      n.close();
    } catch (RuntimeException e) {
      LOG.warn("closing node {} failed", n.url(), e);
    }
  }
}
