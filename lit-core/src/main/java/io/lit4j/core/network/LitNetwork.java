package io.lit4j.core.network;

import io.lit4j.core.errors.LitValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Lit networks of the JS SDK 4.2.0 era and what a client needs to know about each before it
 * connects: the wire name, static bootstrap URLs, whether node attestation is forced on, where the
 * threshold comes from, and where the contract addresses are published.
 *
 * <p>Example: {@code LitNetwork.fromName("habanero").attestationRequired() == true}.
 */
public enum LitNetwork {
  /** Centralised testnet: three static nodes, threshold 2, attestation off by default. */
  CAYENNE(
      "cayenne",
      List.of(
          "https://cayenne.litgateway.com:7370",
          "https://cayenne.litgateway.com:7371",
          "https://cayenne.litgateway.com:7372"),
      false,
      MinNodeCountSource.STATIC_BOOTSTRAP_URLS,
      "https://lit-general-worker.getlit.dev/contract-addresses",
      "https://relayer-server-staging-cayenne.getlit.dev",
      true),
  /**
   * Decentralised testnet: nodes and threshold read from the Staking contract; attestation forced
   * on.
   */
  MANZANO(
      "manzano",
      List.of(),
      true,
      MinNodeCountSource.STAKING_CONTRACT,
      "https://lit-general-worker.getlit.dev/manzano-contract-addresses",
      "https://manzano-relayer.getlit.dev",
      true),
  /**
   * Decentralised mainnet beta: nodes and threshold read from the Staking contract; attestation
   * forced on.
   */
  HABANERO(
      "habanero",
      List.of(),
      true,
      MinNodeCountSource.STAKING_CONTRACT,
      "https://lit-general-worker.getlit.dev/habanero-contract-addresses",
      "https://habanero-relayer.getlit.dev",
      true),
  /**
   * A network the caller describes: either a contract context (Staking address and RPC) with no
   * bootstrap URLs, in which case nodes and threshold come from the chain, or explicit bootstrap
   * URLs with the configured threshold. This is how a client reaches lit-localnet.
   */
  CUSTOM("custom", List.of(), false, MinNodeCountSource.CLIENT_CONFIG, null, null, false),
  /**
   * The SDK's {@code LIT_NETWORKS.localhost}: ten nodes on {@code http://localhost:7470..7479} with
   * the configured threshold. It has no Staking contract, so the 4.2.0 SDK cannot connect to it
   * (client-protocol.md §12 #1); use {@link #CUSTOM} with a contract context instead.
   */
  LOCALHOST(
      "localhost",
      List.of(
          "http://localhost:7470",
          "http://localhost:7471",
          "http://localhost:7472",
          "http://localhost:7473",
          "http://localhost:7474",
          "http://localhost:7475",
          "http://localhost:7476",
          "http://localhost:7477",
          "http://localhost:7478",
          "http://localhost:7479"),
      false,
      MinNodeCountSource.CLIENT_CONFIG,
      null,
      null,
      false);

  private final String wireName;
  private final List<String> bootstrapUrls;
  private final boolean attestationRequired;
  private final MinNodeCountSource minNodeCountSource;
  private final String contractAddressesUrl;
  private final String relayUrl;
  private final boolean onChronicle;

  LitNetwork(
      String wireName,
      List<String> bootstrapUrls,
      boolean attestationRequired,
      MinNodeCountSource minNodeCountSource,
      String contractAddressesUrl,
      String relayUrl,
      boolean onChronicle) {
    this.wireName = wireName;
    this.bootstrapUrls = bootstrapUrls;
    this.attestationRequired = attestationRequired;
    this.minNodeCountSource = minNodeCountSource;
    this.contractAddressesUrl = contractAddressesUrl;
    this.relayUrl = relayUrl;
    this.onChronicle = onChronicle;
  }

  /** {@return the name the SDK and configs use, e.g. {@code habanero}} */
  public String wireName() {
    return wireName;
  }

  /**
   * The static bootstrap URLs ({@code LIT_NETWORKS[name]}): three for cayenne, ten for localhost,
   * none for networks whose nodes are read from the chain or given by the caller.
   *
   * @return the bootstrap URLs, possibly empty
   */
  public List<String> bootstrapUrls() {
    return bootstrapUrls;
  }

  /** {@return whether the node list comes from the Staking contract rather than a static list} */
  public boolean nodesFromChain() {
    return minNodeCountSource == MinNodeCountSource.STAKING_CONTRACT;
  }

  /**
   * Whether node attestation is checked whatever the client config says (manzano and habanero: the
   * SDK checks {@code checkNodeAttestation || network in {manzano, habanero}}). Other networks
   * follow the config, default off.
   *
   * @return whether attestation checks are forced on
   */
  public boolean attestationRequired() {
    return attestationRequired;
  }

  /**
   * Where the threshold comes from. For {@link #CUSTOM} this is {@link
   * MinNodeCountSource#CLIENT_CONFIG} when bootstrap URLs are given, and {@link
   * MinNodeCountSource#STAKING_CONTRACT} when only a contract context is: see {@link
   * #minNodeCountSource(boolean)}.
   *
   * @return where the threshold comes from
   */
  public MinNodeCountSource minNodeCountSource() {
    return minNodeCountSource;
  }

  /**
   * Where the threshold comes from, given whether the caller supplied bootstrap URLs (only {@link
   * #CUSTOM} depends on it).
   *
   * @param bootstrapUrlsGiven whether the caller supplied its own bootstrap URLs
   * @return where the threshold comes from
   */
  public MinNodeCountSource minNodeCountSource(boolean bootstrapUrlsGiven) {
    if (this == CUSTOM && !bootstrapUrlsGiven) return MinNodeCountSource.STAKING_CONTRACT;
    return minNodeCountSource;
  }

  /**
   * The threshold for a static node list: {@code n == 2 ? 2 : floor(n * 2 / 3)}, as the SDK
   * computes it for cayenne (3 nodes give 2).
   *
   * @param nodeCount the number of nodes in the list
   * @return the threshold
   * @throws LitValidationException when {@code nodeCount} is not positive
   */
  public static int staticMinNodeCount(int nodeCount) {
    if (nodeCount <= 0)
      throw new LitValidationException("nodeCount must be positive, got " + nodeCount);
    return nodeCount == 2 ? 2 : nodeCount * 2 / 3;
  }

  /**
   * The lit-general-worker URL where the SDK fetches this network's contract addresses; empty for
   * custom and localhost (the 4.2.0 contracts SDK then falls back to cayenne's URL, a quirk lit4j
   * does not repeat).
   *
   * @return the contract address list URL, or empty
   */
  public Optional<String> contractAddressesUrl() {
    return Optional.ofNullable(contractAddressesUrl);
  }

  /**
   * The default relay server base URL of this network ({@code RELAY_URL_*}); empty if none.
   *
   * @return the relay base URL, or empty
   */
  public Optional<String> relayUrl() {
    return Optional.ofNullable(relayUrl);
  }

  /**
   * The chain holding this network's contracts: {@link LitChains#CHRONICLE_TESTNET} (chain id
   * 175177, RPC {@link LitChains#CHRONICLE_RPC_URL}) for cayenne, manzano and habanero; empty for
   * custom and localhost, whose chain the caller gives.
   *
   * @return the contracts chain, or empty
   */
  public Optional<LitChain> chain() {
    return onChronicle ? Optional.of(LitChains.CHRONICLE_TESTNET) : Optional.empty();
  }

  /**
   * {@return the node route spelling of this network: {@link ProtocolVersion#V4_INITIAL} for all of
   * them}
   */
  public ProtocolVersion protocolVersion() {
    return ProtocolVersion.V4_INITIAL;
  }

  /**
   * {@return the network with this wire name (case-sensitive, as the SDK compares it)}
   *
   * @param name the network name, e.g. {@code habanero}
   * @throws UnknownNetworkException for any other name, including the SDK-internal {@code
   *     internalDev} and the Datil networks, which lit4j does not support
   * @throws LitValidationException when the name is missing
   */
  public static LitNetwork fromName(String name) {
    if (name == null) throw new LitValidationException("litNetwork is missing");
    for (LitNetwork n : values()) {
      if (n.wireName.equals(name)) return n;
    }
    throw new UnknownNetworkException(
        name, Arrays.stream(values()).map(LitNetwork::wireName).collect(Collectors.joining(", ")));
  }
}
