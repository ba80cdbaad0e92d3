package io.lit4j.node.discovery;

import java.util.List;

/**
 * The Lit networks of the JS SDK 4.2.0 and what the client needs to know about each: its static
 * bootstrap URLs (if any) and whether nodes must prove they run in SEV-SNP.
 *
 * <p>Interim: {@code io.lit4j.core.network.LitNetwork} will replace this type once it is on main.
 */
public enum KnownNetwork {
  /** Centralised testnet with three static nodes; attestation optional. */
  CAYENNE(
      List.of("https://cayenne.litgateway.com:7370", "https://cayenne.litgateway.com:7371", "https://cayenne.litgateway.com:7372"),
      false),
  /** Decentralised testnet; nodes come from Staking; attestation always checked. */
  MANZANO(List.of(), true),
  /** Decentralised mainnet beta; nodes come from Staking; attestation always checked. */
  HABANERO(List.of(), true),
  /** Any other deployment: bootstrap URLs or a validator source given by the user. */
  CUSTOM(List.of(), false),
  /** Ten nodes on {@code http://localhost:7470} … {@code :7479}. */
  LOCALHOST(
      java.util.stream.IntStream.rangeClosed(7470, 7479).mapToObj(p -> "http://localhost:" + p).toList(), false);

  private final List<String> bootstrapUrls;
  private final boolean requiresAttestation;

  KnownNetwork(List<String> bootstrapUrls, boolean requiresAttestation) {
    this.bootstrapUrls = bootstrapUrls;
    this.requiresAttestation = requiresAttestation;
  }

  /** The SDK's network name, e.g. {@code "habanero"}. */
  public String sdkName() {
    return this == LOCALHOST ? "localhost" : name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Static bootstrap URLs; empty when the nodes come from the chain or from the user. */
  public List<String> bootstrapUrls() {
    return bootstrapUrls;
  }

  /** Whether node attestation is checked whatever the config says (manzano, habanero). */
  public boolean requiresAttestation() {
    return requiresAttestation;
  }
}
