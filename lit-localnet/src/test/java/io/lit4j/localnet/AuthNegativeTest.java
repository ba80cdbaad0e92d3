package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.capacity.CapacityDelegation;
import io.lit4j.auth.capacity.CapacityDelegationRequest;
import io.lit4j.auth.resources.LitAccessControlConditionResource;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionKeySignedMessage;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.contracts.CapacityCreditsRequest;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedCapacityCredits;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.util.Hex;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Bad auth material sent to the nodes of a default (habanero profile) network: each case gets the
 * answer a v4 node gives, under the default "strict, then lenient v4 fallback" check (where the
 * fallback and then rate limiting decide) and under strict-only. Every case has a control that
 * passes, so a node that accepted everything or refused everything fails here.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-auth-negative")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthNegativeTest {
  private static final String CODE =
      Base64.getEncoder()
          .encodeToString(
              "Lit.Actions.setResponse({ response: 'ran' });".getBytes(StandardCharsets.UTF_8));
  private static final List<ResourceAbilityRequest> EXECUTE =
      List.of(ResourceAbilityRequest.of(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION));

  private LocalLitNetwork net;
  private Credentials user;
  private Credentials other;
  private MintedCapacityCredits othersCredit;

  @BeforeAll
  void mintCredits(LocalLitNetwork network) {
    net = network;
    user = net.devAccount(5);
    other = net.devAccount(6);
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(user)
            .build()) {
      c.capacityCredits().mint(CapacityCreditsRequest.perKilosecond(2_000, 2));
    }
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(other)
            .build()) {
      othersCredit = c.capacityCredits().mint(CapacityCreditsRequest.perKilosecond(2_000, 2));
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

  private static String checksum(Credentials c) {
    return Keys.toChecksumAddress(c.getAddress());
  }

  /**
   * The user's capability for {@code key}: SIWE with a ReCap for {@code rar}, signed by {@code
   * signer}.
   */
  private AuthSig capability(
      SessionKeyPair key, List<ResourceAbilityRequest> rar, Credentials signer, Clock clock)
      throws Exception {
    return SessionSiwe.builder()
        .address(checksum(user))
        .sessionKey(key)
        .nonce(blockhash())
        .resourceAbilityRequests(rar)
        .clock(clock)
        .buildAndSign(new Web3jEthSigner(signer));
  }

  private SessionSigs sessions(
      SessionKeyPair key, List<ResourceAbilityRequest> rar, List<AuthSig> caps) {
    return SessionSigs.sign(key, rar, caps, net.nodeUrls(), Clock.systemUTC());
  }

  private List<NodeCalls.Answer> execute(Function<String, AuthSig> authSigFor) {
    return NodeCalls.all(
        net,
        "/web/execute",
        url -> {
          ObjectNode body = NodeCalls.object();
          body.set("authSig", NodeCalls.authSigJson(authSigFor.apply(url)));
          body.put("code", CODE);
          body.putObject("jsParams");
          return body;
        },
        NodeCalls.requestId());
  }

  private List<NodeCalls.Answer> executeStrictOnly(Function<String, AuthSig> authSigFor) {
    net.setStrictAuthOnly(true);
    try {
      return execute(authSigFor);
    } finally {
      net.setStrictAuthOnly(false);
    }
  }

  private static void assertRan(List<NodeCalls.Answer> answers) {
    for (NodeCalls.Answer a : answers) {
      assertEquals(200, a.status(), a.body().toString());
      assertEquals("ran", a.body().get("response").asText());
    }
  }

  /** Every node answers the standard error shape with this status, kind and code. */
  private static void assertNodeError(
      List<NodeCalls.Answer> answers, int status, String kind, String code) {
    for (NodeCalls.Answer a : answers) {
      JsonNode b = a.body();
      assertEquals(status, a.status(), b.toString());
      assertEquals(status, b.path("status").asInt(), b.toString());
      assertEquals(kind, b.path("errorKind").asText(), b.toString());
      assertEquals(code, b.path("errorCode").asText(), b.toString());
    }
  }

  @Test
  void aValidSessionSigPassesBothChecks() throws Exception {
    SessionKeyPair key = SessionKeyPair.generate();
    SessionSigs s =
        sessions(key, EXECUTE, List.of(capability(key, EXECUTE, user, Clock.systemUTC())));
    assertRan(execute(s::forNode));
    assertRan(executeStrictOnly(s::forNode));
  }

  @Test
  void aTamperedSignedMessageFailsTheEd25519Check() throws Exception {
    SessionKeyPair key = SessionKeyPair.generate();
    SessionSigs s =
        sessions(key, EXECUTE, List.of(capability(key, EXECUTE, user, Clock.systemUTC())));
    Function<String, AuthSig> tampered =
        url -> {
          AuthSig a = s.forNode(url);
          SessionKeySignedMessage m = SessionKeySignedMessage.parse(a.signedMessage());
          String later =
              m.expiration()
                  .replaceFirst(
                      "^(\\d{4})",
                      String.valueOf(Integer.parseInt(m.expiration().substring(0, 4)) + 1));
          String json = a.signedMessage().replace(m.expiration(), later);
          return new AuthSig(a.sig(), a.derivedVia(), json, a.address(), a.algo());
        };
    assertNodeError(execute(tampered), 400, "Validation", "NodeInvalidAuthSigSessionKeySignature");
    assertNodeError(
        executeStrictOnly(tampered), 400, "Validation", "NodeInvalidAuthSigSessionKeySignature");
  }

  @Test
  void anEd25519SignatureByAnotherKeyFails() throws Exception {
    SessionKeyPair key = SessionKeyPair.generate();
    SessionKeyPair intruder = SessionKeyPair.generate();
    SessionSigs s =
        sessions(key, EXECUTE, List.of(capability(key, EXECUTE, user, Clock.systemUTC())));
    Function<String, AuthSig> forged =
        url -> {
          AuthSig a = s.forNode(url);
          String sig =
              Hex.encode(intruder.sign(a.signedMessage().getBytes(StandardCharsets.UTF_8)));
          return new AuthSig(sig, a.derivedVia(), a.signedMessage(), a.address(), a.algo());
        };
    assertNodeError(execute(forged), 400, "Validation", "NodeInvalidAuthSigSessionKeySignature");
    assertNodeError(
        executeStrictOnly(forged), 400, "Validation", "NodeInvalidAuthSigSessionKeySignature");
  }

  @Test
  void aWalletSigByAWrongKeyFailsAsTopLevelAuthSigAndAsCapability() throws Exception {
    AuthSig good = NodeCalls.walletAuthSig(user, blockhash());
    assertRan(execute(url -> good));
    AuthSig byOther = NodeCalls.walletAuthSig(other, blockhash());
    // other's signature over a message naming the user
    AuthSig signedByOther =
        io.lit4j.auth.authsig.AuthSigs.generate(new Web3jEthSigner(other), good.signedMessage());
    AuthSig wrongTopLevel =
        new AuthSig(
            signedByOther.sig(),
            good.derivedVia(),
            good.signedMessage(),
            good.address(),
            good.algo());
    assertEquals(checksum(other).toLowerCase(), byOther.address().toLowerCase());
    assertNodeError(execute(url -> wrongTopLevel), 401, "Validation", "NodeInvalidAuthSig");

    SessionKeyPair key = SessionKeyPair.generate();
    AuthSig cap = capability(key, EXECUTE, other, Clock.systemUTC());
    AuthSig wrongCap =
        new AuthSig(cap.sig(), cap.derivedVia(), cap.signedMessage(), checksum(user), cap.algo());
    SessionSigs s = sessions(key, EXECUTE, List.of(wrongCap));
    // strict fails; the lenient fallback passes without checking the capability; rate limiting
    // then verifies every capability's signature (§2.3 (i))
    assertNodeError(execute(s::forNode), 400, "Validation", "NodeSIWEMessageError");
    assertNodeError(executeStrictOnly(s::forNode), 400, "Validation", "NodeSIWECapabilityInvalid");
  }

  @Test
  void expiredAuthMaterialFails() throws Exception {
    Instant hoursAgo = Instant.now().minus(Duration.ofHours(3));
    Clock past = Clock.fixed(hoursAgo, ZoneOffset.UTC);
    SessionKeyPair key = SessionKeyPair.generate();
    AuthSig cap =
        SessionSiwe.builder()
            .address(checksum(user))
            .sessionKey(key)
            .nonce(blockhash())
            .resourceAbilityRequests(EXECUTE)
            .clock(past)
            .expiration(hoursAgo.plus(Duration.ofHours(1)))
            .buildAndSign(new Web3jEthSigner(user));
    SessionSigs s =
        SessionSigs.sign(key, EXECUTE, List.of(cap), net.nodeUrls(), past, Duration.ofHours(1));
    // the fallback ignores the session's expiry, but rate limiting checks the capability's time
    assertNodeError(execute(s::forNode), 400, "Validation", "NodeSIWEMessageError");
    assertNodeError(executeStrictOnly(s::forNode), 403, "Validation", "NodeExpWrongOrTooLarge");

    io.lit4j.auth.siwe.SiweMessage expired =
        io.lit4j.auth.siwe.SiweMessage.builder()
            .domain("localhost")
            .address(checksum(user))
            .statement("lit4j")
            .uri("https://localhost/login")
            .nonce("0123456789abcdef")
            .issuedAt(io.lit4j.auth.siwe.IsoTime.toIsoString(hoursAgo))
            .expirationTime(
                io.lit4j.auth.siwe.IsoTime.toIsoString(hoursAgo.plus(Duration.ofHours(1))))
            .chainId(1)
            .build();
    AuthSig old =
        io.lit4j.auth.authsig.AuthSigs.generate(new Web3jEthSigner(user), expired.prepareMessage());
    assertNodeError(execute(url -> old), 400, "Validation", "NodeSIWEMessageError");
  }

  @Test
  void aCapabilityWithoutTheAbilityFailsStrictlyAndPassesTheV4Fallback() throws Exception {
    SessionKeyPair key = SessionKeyPair.generate();
    List<ResourceAbilityRequest> decryptOnly =
        List.of(
            ResourceAbilityRequest.of(
                LitAccessControlConditionResource.ALL,
                LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION));
    SessionSigs s =
        sessions(key, EXECUTE, List.of(capability(key, decryptOnly, user, Clock.systemUTC())));
    assertNodeError(executeStrictOnly(s::forNode), 400, "Validation", "NodeSIWECapabilityInvalid");
    assertRan(execute(s::forNode)); // a v4 node's lenient fallback does not read ReCaps (§2.3)
  }

  @Test
  void aSessionForAnotherResourceFailsStrictlyAndPassesTheV4Fallback() throws Exception {
    SessionKeyPair key = SessionKeyPair.generate();
    List<ResourceAbilityRequest> pkpOnly =
        List.of(ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING));
    SessionSigs s =
        sessions(key, pkpOnly, List.of(capability(key, pkpOnly, user, Clock.systemUTC())));
    assertNodeError(executeStrictOnly(s::forNode), 404, "Validation", "NodeResourceIdNotFound");
    assertRan(execute(s::forNode)); // official v4 flows rely on this (node-behavior.md §2.3)
  }

  @Test
  void aDelegationOfACreditTheDelegatorDoesNotOwnGivesNoCapacity() throws Exception {
    Credentials delegatee = net.devAccount(8);
    Credentials thief = net.devAccount(9);
    String hash = blockhash();
    Function<Credentials, SessionSigs> delegatedBy =
        delegator -> {
          CapacityDelegation d =
              CapacityDelegation.create(
                  new Web3jEthSigner(delegator),
                  CapacityDelegationRequest.builder()
                      .capacityTokenId(othersCredit.capacityTokenId())
                      .delegateeAddresses(List.of(checksum(delegatee)))
                      .uses(10)
                      .nonce(hash)
                      .build(),
                  Clock.systemUTC());
          SessionKeyPair key = SessionKeyPair.generate();
          AuthSig wallet =
              SessionSiwe.builder()
                  .address(checksum(delegatee))
                  .sessionKey(key)
                  .nonce(hash)
                  .resourceAbilityRequests(EXECUTE)
                  .buildAndSign(new Web3jEthSigner(delegatee));
          return SessionSigs.sign(
              key,
              EXECUTE,
              SessionSigs.capabilities(Optional.of(d.capacityDelegationAuthSig()), wallet),
              net.nodeUrls(),
              Clock.systemUTC());
        };
    SessionSigs stolen = delegatedBy.apply(thief);
    for (NodeCalls.Answer a : execute(stolen::forNode)) {
      assertEquals(402, a.status(), a.body().toString());
      assertEquals("rate_limit_exceeded", a.body().path("errorCode").asText(), a.body().toString());
    }
    SessionSigs genuine =
        delegatedBy.apply(other); // the owner delegates the same credit: it counts
    assertRan(execute(genuine::forNode));
  }
}
