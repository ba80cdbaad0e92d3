package io.lit4j.node.epochs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.resources.LitAccessControlConditionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitException;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import io.lit4j.node.AuthNeededCallback;
import io.lit4j.node.DecryptRequest;
import io.lit4j.node.EncryptRequest;
import io.lit4j.node.EncryptResponse;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.SessionSigsRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * The client follows epoch changes: validators join and leave through Staking, the network advances
 * the epoch, and within its refresh interval the client talks to the new set with the threshold
 * Staking reports. Calls made while the set changes succeed verified or fail with a {@link
 * LitException}.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-epoch-following", rateLimiting = false)
class EpochFollowingTest {
  private static final Duration REFRESH = Duration.ofSeconds(1);

  @Test
  void theClientFollowsJoinsAndLeavesWithinItsRefreshPeriod(LocalLitNetwork net) throws Exception {
    Credentials wallet = net.devAccount(3);
    Web3jEthSigner signer = new Web3jEthSigner(wallet);
    try (LitNodeClient client =
            LitNodeClient.create(
                LitNodeClientConfig.builder()
                    .localNetwork(net.rpcUrl(), net.contracts())
                    .refreshInterval(REFRESH)
                    .requestTimeout(Duration.ofSeconds(20))
                    .build());
        LitContracts contracts =
            LitContracts.builder()
                .rpcUrl(net.rpcUrl())
                .addresses(net.contracts())
                .signer(wallet)
                .build()) {
      client.connect();
      assertFollows(client, net, 1);
      MintedPkp pkp = contracts.pkps().mintNext();
      Secp256k1PublicKey pkpKey = pkp.publicKey();
      Instant now = Instant.now();
      AuthSig login =
          AuthSigs.generate(
              signer,
              SiweMessage.builder()
                  .domain("localhost")
                  .address(signer.address())
                  .statement("lit4j")
                  .uri("https://localhost/login")
                  .nonce(client.getLatestBlockhash())
                  .issuedAt(now)
                  .expirationTime(now.plus(Duration.ofHours(2)))
                  .chainId(1)
                  .build()
                  .prepareMessage());
      AccessControlConditions isTheWallet =
          AccessControlConditions.fromJson(
              ConditionKind.ACCESS_CONTROL_CONDITIONS,
              "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"\",\"parameters\":"
                  + "[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\""
                  + signer.address()
                  + "\"}}]");
      EncryptResponse before =
          client.encrypt(
              EncryptRequest.builder()
                  .conditions(isTheWallet)
                  .text("encrypted in epoch 1")
                  .build());

      // calls keep going while the validator set changes
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger verified = new AtomicInteger();
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      Thread caller =
          new Thread(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  byte[] digest =
                      EthHash.keccak256(("in flight " + i).getBytes(StandardCharsets.UTF_8));
                  try {
                    EcdsaSignature sig =
                        client.pkpSign(
                            PkpSignRequest.builder()
                                .toSign(digest)
                                .pkpPublicKey(pkpKey)
                                .auth(NodeAuth.authSig(login))
                                .build());
                    if (pkpKey
                        .ethAddress()
                        .equals(EthSignatures.recoverAddress(digest, sig.signature())))
                      verified.incrementAndGet();
                    else
                      failures.add(
                          new AssertionError("a signature that does not recover to the PKP"));
                  } catch (RuntimeException e) {
                    failures.add(e);
                  }
                }
              },
              "epoch-in-flight-calls");
      caller.start();
      try {
        net.addNode();
        net.addNode();
        assertEquals(2, net.advanceEpoch());
        assertFollows(client, net, 2);
        assertEquals(3, client.minNodeCount());
        signsAndDecrypts(client, pkpKey, login, isTheWallet, before);

        net.removeNode(1);
        assertEquals(3, net.advanceEpoch());
        assertFollows(client, net, 3);
        assertEquals(2, client.minNodeCount());
        signsAndDecrypts(client, pkpKey, login, isTheWallet, before);
      } finally {
        stop.set(true);
        caller.join(60_000);
      }
      for (Throwable t : failures) {
        assertTrue(t instanceof LitException, "a call in flight failed untyped: " + t);
      }
      assertTrue(
          verified.get() > 0, "no call succeeded while the set changed; failures: " + failures);

      // session sigs made for the new set work on every node of it
      SessionSigs fresh =
          client.getSessionSigs(
              SessionSigsRequest.builder()
                  .authNeededCallback(AuthNeededCallback.ethWallet(signer))
                  .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
                  .resourceAbility(
                      LitAccessControlConditionResource.ALL,
                      LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)
                  .expiration(Duration.ofHours(1))
                  .build());
      assertEquals(
          net.nodeUrls().stream().sorted().toList(), fresh.nodeUrls().stream().sorted().toList());
      assertEquals(
          "encrypted in epoch 1",
          client.decryptToString(
              DecryptRequest.builder()
                  .conditions(isTheWallet)
                  .encrypted(before)
                  .auth(NodeAuth.sessionSigs(fresh))
                  .build()));
    }
  }

  /**
   * Within two refresh periods (plus slack for a loaded machine) the client has the network's set.
   */
  private static void assertFollows(LitNodeClient client, LocalLitNetwork net, long epoch)
      throws InterruptedException {
    long deadline = System.nanoTime() + REFRESH.multipliedBy(2).plusSeconds(8).toNanos();
    List<String> want = net.nodeUrls().stream().sorted().toList();
    while (System.nanoTime() < deadline) {
      if (client.connectedNodes().stream().sorted().toList().equals(want)
          && client.currentEpochNumber() == epoch
          && client.minNodeCount() == net.minNodeCount()) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(
        want,
        client.connectedNodes().stream().sorted().toList(),
        "the client's nodes after epoch " + epoch);
    assertEquals(epoch, client.currentEpochNumber());
    assertEquals(net.minNodeCount(), client.minNodeCount());
  }

  private static void signsAndDecrypts(
      LitNodeClient client,
      Secp256k1PublicKey pkpKey,
      AuthSig login,
      AccessControlConditions acc,
      EncryptResponse before) {
    byte[] digest =
        EthHash.keccak256(
            ("epoch " + client.currentEpochNumber()).getBytes(StandardCharsets.UTF_8));
    EcdsaSignature sig =
        client.pkpSign(
            PkpSignRequest.builder()
                .toSign(digest)
                .pkpPublicKey(pkpKey)
                .auth(NodeAuth.authSig(login))
                .build());
    assertEquals(pkpKey.ethAddress(), EthSignatures.recoverAddress(digest, sig.signature()));
    assertArrayEquals(
        "encrypted in epoch 1".getBytes(StandardCharsets.UTF_8),
        client.decrypt(
            DecryptRequest.builder()
                .conditions(acc)
                .encrypted(before)
                .auth(NodeAuth.authSig(login))
                .build()));
  }
}
