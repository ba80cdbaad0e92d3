package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.CapacityCreditsRequest;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedCapacityCredits;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;

@LocalLitNetworkTest(nodes = 3, seed = "lit4j-rate-limit-test", rateLimiting = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitingTest {
  private static final String CODE =
      Base64.getEncoder()
          .encodeToString(
              "Lit.Actions.setResponse({ response: 'ran' });".getBytes(StandardCharsets.UTF_8));

  private LocalLitNetwork net;
  private Credentials payer;
  private MintedCapacityCredits credits;

  @BeforeAll
  void mintCredits(LocalLitNetwork network) {
    net = network;
    payer = net.devAccount(7);
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(payer)
            .build()) {
      credits = c.capacityCredits().mint(CapacityCreditsRequest.perKilosecond(1000, 2));
    }
  }

  private String blockhash() throws Exception {
    return net.anvil()
        .web3j()
        .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
        .send()
        .getBlock()
        .getHash();
  }

  private List<NodeCalls.Answer> execute(java.util.function.Function<String, JsonNode> authSigFor) {
    return NodeCalls.all(
        net,
        "/web/execute",
        url -> {
          ObjectNode body = NodeCalls.object();
          body.set("authSig", authSigFor.apply(url));
          body.put("code", CODE);
          body.putObject("jsParams");
          return body;
        },
        NodeCalls.requestId());
  }

  private static void assertRateLimited(NodeCalls.Answer a, int status) {
    assertEquals(status, a.status(), a.body().toString());
    assertEquals("rate_limit_exceeded", a.body().get("errorCode").asText());
    assertTrue(
        a.body().get("message").asText().startsWith("Rate limit exceeded.  Try again"),
        a.body().toString());
    assertEquals(2, a.body().size(), "ad-hoc body: message and errorCode only");
  }

  @Test
  void aUserWithoutCapacityCreditsIsRateLimitedWith402OnExecuteAnd400OnPkpSign() throws Exception {
    Credentials poor = net.devAccount(8);
    JsonNode authSig = NodeCalls.authSigJson(NodeCalls.walletAuthSig(poor, blockhash()));
    for (NodeCalls.Answer a : execute(url -> authSig)) assertRateLimited(a, 402);
    ObjectNode body = NodeCalls.object();
    var ts = body.putArray("toSign");
    for (int i = 0; i < 32; i++) ts.add(i);
    body.put("pubkey", "04" + "11".repeat(64));
    body.set("authSig", authSig);
    assertRateLimited(
        NodeCalls.post(net.nodeUrls().get(0), "/web/pkp/sign", body, NodeCalls.requestId()), 400);
  }

  @Test
  void theHolderOfACapacityCreditMayExecute() throws Exception {
    JsonNode authSig = NodeCalls.authSigJson(NodeCalls.walletAuthSig(payer, blockhash()));
    for (NodeCalls.Answer a : execute(url -> authSig)) {
      assertEquals(200, a.status(), a.body().toString());
      assertEquals("ran", a.body().get("response").asText());
    }
  }

  @Test
  void aDelegatedCapacityCreditCountsForItsDelegateeUpToItsUses() throws Exception {
    Credentials delegatee = net.devAccount(9);
    String hash = blockhash();
    CapacityDelegation delegation =
        CapacityDelegation.create(
            new Web3jEthSigner(payer),
            CapacityDelegationRequest.builder()
                .capacityTokenId(credits.capacityTokenId())
                .delegateeAddresses(List.of(Keys.toChecksumAddress(delegatee.getAddress())))
                .uses(1)
                .nonce(hash)
                .build(),
            Clock.systemUTC());
    SessionKeyPair key = SessionKeyPair.generate();
    List<ResourceAbilityRequest> rar =
        List.of(ResourceAbilityRequest.of(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION));
    AuthSig wallet =
        SessionSiwe.builder()
            .address(Keys.toChecksumAddress(delegatee.getAddress()))
            .sessionKey(key)
            .nonce(hash)
            .resourceAbilityRequests(rar)
            .buildAndSign(new Web3jEthSigner(delegatee));
    SessionSigs sessions =
        SessionSigs.sign(
            key,
            rar,
            SessionSigs.capabilities(Optional.of(delegation.capacityDelegationAuthSig()), wallet),
            net.nodeUrls(),
            Clock.systemUTC());
    for (NodeCalls.Answer a : execute(url -> NodeCalls.authSigJson(sessions.forNode(url)))) {
      assertEquals(200, a.status(), a.body().toString());
    }
    // uses = 1: the second request finds the delegation spent on every node
    for (NodeCalls.Answer a : execute(url -> NodeCalls.authSigJson(sessions.forNode(url))))
      assertRateLimited(a, 402);
    // without the delegation the delegatee has nothing
    SessionSigs alone =
        SessionSigs.sign(key, rar, List.of(wallet), net.nodeUrls(), Clock.systemUTC());
    for (NodeCalls.Answer a : execute(url -> NodeCalls.authSigJson(alone.forNode(url))))
      assertRateLimited(a, 402);
  }
}
