package io.lit4j.node.epochs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.load.Fixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pkpSign right after a validator-set change the client has not refreshed yet: the signing subset
 * it predicts comes from the old set (other nodes, other share indices, another threshold), so the
 * first attempt's answers differ from the prediction; the operation reads the set again through the
 * client's connect path and signs with the new one. The background refresh is off, so only the
 * signing path can have moved the client to the new epoch.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-stale-validator-set", rateLimiting = false)
class StaleValidatorSetTest {
  @Test
  void pkpSignRefreshesAStaleValidatorSetAndStillSigns(LocalLitNetwork net) {
    // the fixture's client has no background refresh
    try (Fixture f =
        new Fixture(net, 4, LitNodeClientConfig.builder().requestTimeout(Duration.ofSeconds(20)))) {
      LitNodeClient client = f.client;
      assertSigns(client, f.pkpKey, f.login, "epoch 1");
      assertEquals(1, client.currentEpochNumber());

      // two validators join: 5 nodes, a larger threshold, new share indices
      net.addNode();
      net.addNode();
      assertEquals(2, net.advanceEpoch());
      assertEquals(1, client.currentEpochNumber(), "no background refresh: the client is stale");
      for (int i = 0; i < 3; i++) assertSigns(client, f.pkpKey, f.login, "epoch 2, call " + i);
      assertFollowed(client, net, 2);

      // one leaves: the others' share indices and the threshold change again
      net.removeNode(0);
      assertEquals(3, net.advanceEpoch());
      for (int i = 0; i < 3; i++) assertSigns(client, f.pkpKey, f.login, "epoch 3, call " + i);
      assertFollowed(client, net, 3);
    }
  }

  private static void assertSigns(
      LitNodeClient client, Secp256k1PublicKey pkpKey, AuthSig login, String text) {
    byte[] digest = EthHash.keccak256(text.getBytes(StandardCharsets.UTF_8));
    EcdsaSignature sig =
        client.pkpSign(
            PkpSignRequest.builder()
                .toSign(digest)
                .pkpPublicKey(pkpKey)
                .auth(NodeAuth.authSig(login))
                .build());
    assertEquals(pkpKey.ethAddress(), EthSignatures.recoverAddress(digest, sig.signature()), text);
  }

  private static void assertFollowed(LitNodeClient client, LocalLitNetwork net, long epoch) {
    assertEquals(epoch, client.currentEpochNumber());
    assertEquals(net.minNodeCount(), client.minNodeCount());
    List<String> want = net.nodeUrls().stream().sorted().toList();
    assertEquals(want, client.connectedNodes().stream().sorted().toList());
  }
}
