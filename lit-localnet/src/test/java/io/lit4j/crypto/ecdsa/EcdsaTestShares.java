package io.lit4j.crypto.ecdsa;

import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.crypto.hd.HdKeys;
import io.lit4j.localnet.keys.K256KeyDealer;
import io.lit4j.localnet.keys.K256RootKeyShares;
import io.lit4j.localnet.keys.SimulatedEcdsaSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shares made the way the test network makes them: 3-of-5 nodes, 10 roots, one HD key. */
final class EcdsaTestShares {
  static final K256RootKeyShares KEYS =
      K256KeyDealer.seeded("lit4j unit tests".getBytes(StandardCharsets.UTF_8)).deal(10, 3, 5);
  static final SimulatedEcdsaSigner SIGNER =
      new SimulatedEcdsaSigner("network secret of the unit tests".getBytes(StandardCharsets.UTF_8));
  static final HdKeyId KEY_ID = HdKeys.computeHDKeyId("1234567890", "my-app");

  private EcdsaTestShares() {}

  /** Every node's answer (empty outside the subset), in node order. */
  static List<Optional<EcdsaSignatureShare>> nodeAnswers(String message, String requestId) {
    byte[] digest = EthHash.personalMessageHash(message);
    List<Integer> subset = SigningSubset.select(List.of(0, 1, 2, 3, 4), 3, digest, requestId);
    List<Optional<EcdsaSignatureShare>> out = new ArrayList<>();
    for (var node : KEYS.nodeShares()) {
      out.add(SIGNER.signShare(node, KEY_ID, digest, requestId, subset, "sig1"));
    }
    return out;
  }

  /** The non-empty shares only. */
  static List<EcdsaSignatureShare> shares(String message, String requestId) {
    return nodeAnswers(message, requestId).stream().flatMap(Optional::stream).toList();
  }
}
