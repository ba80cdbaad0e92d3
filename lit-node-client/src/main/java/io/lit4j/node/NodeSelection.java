package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.core.network.MinNodeCountSource;
import java.util.List;

/**
 * Which network a {@link LitNodeClientConfig} talks to, where its nodes come from and whether their
 * attestation is checked: the rules that tie the network, the bootstrap URLs, the validator source
 * and the attestation switch together, in one place.
 *
 * @param network the network (custom when nodes are given and no network is)
 * @param validatorSource where the validator set comes from
 * @param checkNodeAttestation whether node attestation is checked
 */
record NodeSelection(
    LitNetwork network, ValidatorSource validatorSource, boolean checkNodeAttestation) {

  /**
   * Resolves the builder's settings.
   *
   * @param network the network asked for, or null
   * @param bootstrapUrls the node URLs given, or null
   * @param validatorSource the validator source given, or null
   * @param minNodeCount the threshold for a static node list on a network that does not fix it
   * @param checkNodeAttestation the attestation switch, or null when not set
   * @throws LitValidationException when the settings contradict each other or name no nodes
   */
  static NodeSelection resolve(
      LitNetwork network,
      List<String> bootstrapUrls,
      ValidatorSource validatorSource,
      int minNodeCount,
      Boolean checkNodeAttestation) {
    LitNetwork net = network;
    boolean explicitNodes = validatorSource != null || bootstrapUrls != null;
    if (net == null) net = explicitNodes ? LitNetwork.CUSTOM : LitNetwork.CAYENNE;
    if (validatorSource != null && bootstrapUrls != null) {
      throw new LitValidationException("give either bootstrapUrls or a validatorSource, not both");
    }
    if (bootstrapUrls != null && net != LitNetwork.CUSTOM && net != LitNetwork.LOCALHOST) {
      throw new LitValidationException(
          "bootstrapUrls can only be set for the custom or localhost network; "
              + net.wireName()
              + " takes its nodes from "
              + (net.bootstrapUrls().isEmpty()
                  ? "the Staking contract (use validatorSource)"
                  : "its fixed list"));
    }
    if (minNodeCount < 1)
      throw new LitValidationException("minNodeCount must be at least 1, got " + minNodeCount);
    ValidatorSource vs = validatorSource;
    if (vs == null) {
      List<String> urls = bootstrapUrls != null ? bootstrapUrls : net.bootstrapUrls();
      if (urls.isEmpty()) {
        throw new LitValidationException(
            "the "
                + net.wireName()
                + " network has no static nodes: set bootstrapUrls (custom network) or a validatorSource"
                + " backed by the Staking contract (new StakingValidatorSource(litContracts))");
      }
      // cayenne's threshold is fixed by the SDK: 2 for 2 nodes, else floor(2n/3)
      int threshold =
          net.minNodeCountSource() == MinNodeCountSource.STATIC_BOOTSTRAP_URLS
              ? LitNetwork.staticMinNodeCount(urls.size())
              : minNodeCount;
      vs = new StaticValidatorSource(new ValidatorSet(urls, threshold, 0));
    }
    if (net.attestationRequired() && Boolean.FALSE.equals(checkNodeAttestation)) {
      throw new LitValidationException(
          "the "
              + net.wireName()
              + " network requires node attestation; it cannot be switched off");
    }
    return new NodeSelection(
        net, vs, net.attestationRequired() || Boolean.TRUE.equals(checkNodeAttestation));
  }
}
