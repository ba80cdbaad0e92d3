package io.lit4j.examples.docs;

import io.lit4j.crypto.eth.EthAddress;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.LitContracts;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.hd.HdKeys;
import io.lit4j.node.ClaimKeyResponse;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import io.lit4j.localnet.node.NodeFault;
import io.lit4j.node.ConnectionState;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.StakingValidatorSource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.junit.jupiter.api.Test;

@LocalLitNetworkTest(nodes = 3, seed = "docs-quick-start", rateLimiting = false)
class QuickStartSampleTest {
  private static final byte[] DIGEST = EthHash.keccak256(new byte[] {1, 2, 3, 4, 5});

  @Test
  void theQuickStartMintsAPkpSignsWithItAndDecryptsForTheWallet(LocalLitNetwork net) {
    QuickStartSample.Result r = QuickStartSample.run(net);
    Secp256k1PublicKey key = r.pkp().publicKey();

    assertEquals(List.of(false, true, true), r.scopes());
    assertNotNull(r.actionSignature(), "the action's signature 'sig'");
    assertEquals(key.ethAddress(), r.actionSignature().recoverAddress());
    assertArrayEquals(DIGEST, r.pkpSignature().dataSigned());
    assertEquals(key.ethAddress(), r.pkpSignature().recoverAddress());
    assertEquals("Hello, Lit from Java", r.decrypted());
  }

  @Test
  void sessionSigsBuiltByHandFromLitAuthPiecesWorkToo(LocalLitNetwork net) {
    ManualSessionSigsSample.Result r = ManualSessionSigsSample.run(net);
    Secp256k1PublicKey key = r.pkp().publicKey();
    assertArrayEquals(DIGEST, r.pkpSignature().dataSigned());
    assertEquals(key.ethAddress(), r.pkpSignature().recoverAddress());
    assertNotNull(r.actionSignature(), "the action's signature 'sig'");
    assertEquals(key.ethAddress(), r.actionSignature().recoverAddress());
  }

  @Test
  void aPkpSignsAMessageAndSendsEtherAsAWeb3jWallet(LocalLitNetwork net) throws Exception {
    String recipient = "0x" + "5a".repeat(20);
    PkpWalletSample.Result r = PkpWalletSample.run(net, recipient);
    assertEquals(65, r.messageSignature().length);
    assertEquals(r.pkpAddress().toLowerCase(), EthSignatures.recoverAddress(
        EthHash.personalMessageHash("hello from a PKP".getBytes(StandardCharsets.UTF_8)), r.messageSignature()).lowercaseHex());
    assertTrue(r.transfer().isStatusOK());
    assertEquals(r.pkpAddress().toLowerCase(), r.transfer().getFrom().toLowerCase());
    assertEquals(new BigInteger("250000000000000000"),
        net.anvil().web3j().ethGetBalance(recipient, DefaultBlockParameterName.LATEST).send().getBalance());
  }

  @Test
  void aClaimedKeyIsTheHdKeyOfTheAuthMethodIdSignedByEveryNodeWallet(LocalLitNetwork net) {
    ClaimKeyResponse claim = ClaimKeySample.run(net);
    String id = Hex.encode(EthHash.keccak256Utf8(
        new io.lit4j.crypto.eth.EthAddress(io.lit4j.core.util.Hex.decode(net.devAccount(2).getAddress())).checksummed() + ":lit"));
    assertEquals(id, claim.derivedKeyId());
    assertEquals(HdKeys.derivePublicKey(claim.derivedKeyId(), net.hdRootPubkeys()), claim.publicKey());
    assertEquals(net.nodes().size(), claim.signatures().size());
    List<String> nodeWallets = net.nodes().stream().map(n -> n.nodeWalletAddress().toLowerCase()).toList();
    for (EthAddress signer : claim.signerAddresses()) assertTrue(nodeWallets.contains(signer.lowercaseHex()), signer.toString());
  }

  @Test
  void aClientConnectsToTheTwoNodesLeftWhenOneOfThreeIsDown(LocalLitNetwork net) {
    // docs:start fault
    net.node(2).server().setFault(NodeFault.DOWN); // also SLOW, HTTP_500, GARBAGE_JSON, WRONG_SHARE, DIVERGENT_HANDSHAKE
    try (LitContracts contracts = LitContracts.builder().rpcUrl(net.rpcUrl()).addresses(net.contracts()).build();
        LitNodeClient client = LitNodeClient.create(LitNodeClientConfig.builder()
            .validatorSource(new StakingValidatorSource(contracts)).build())) {
      ConnectionState state = client.connect(); // 2 of 3 agree: enough for threshold 2
      assertEquals(2, state.connectedNodes().size());
    } finally {
      net.node(2).server().setFault(NodeFault.NONE);
    }
    // docs:end fault
  }
}
