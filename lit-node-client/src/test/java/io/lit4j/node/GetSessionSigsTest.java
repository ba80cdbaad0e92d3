package io.lit4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionKeySignedMessage;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.node.transport.NodeHttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * {@code getSessionSigs} with an in-process node (handshake only): store reuse, callback checks,
 * errors.
 */
class GetSessionSigsTest {
  private static final String BLOCKHASH = "0x" + "ab".repeat(32);
  private static final List<String> NODES =
      List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471");
  private final Web3jEthSigner signer =
      new Web3jEthSigner(Credentials.create("0x" + "42".repeat(32)));
  private final InMemorySessionKeyStore store = new InMemorySessionKeyStore();
  private LitNodeClient client;

  static LitNodeClientConfig.Builder config(SessionKeyStore store) {
    String handshake =
        "{\"serverPublicKey\":\"\",\"subnetPublicKey\":\""
            + "a0".repeat(48)
            + "\",\"networkPublicKey\":\""
            + "a0".repeat(48)
            + "\",\"networkPublicKeySet\":\""
            + "a0".repeat(48)
            + "\",\"clientSdkVersion\":\"4.2.0\","
            + "\"hdRootPubkeys\":[],\"attestation\":null,\"latestBlockhash\":\""
            + BLOCKHASH
            + "\"}";
    return LitNodeClientConfig.builder()
        .bootstrapUrls(NODES)
        .minNodeCount(2)
        .refreshInterval(Duration.ZERO)
        .sessionKeyStore(store)
        .transport(
            r ->
                CompletableFuture.completedFuture(
                    new NodeHttpResponse(200, "application/json", handshake)));
  }

  @BeforeEach
  void connect() {
    client = LitNodeClient.create(config(store).build());
    client.connect();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private SessionSigsRequest.Builder request(AuthNeededCallback cb) {
    return SessionSigsRequest.builder()
        .authNeededCallback(cb)
        .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION);
  }

  @Test
  void concurrentFirstCallsRunTheAuthCallbackOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AuthNeededCallback wallet = AuthNeededCallback.ethWallet(signer);
    AuthNeededCallback slow =
        p -> {
          calls.incrementAndGet();
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return wallet.authNeeded(p);
        };
    List<CompletableFuture<SessionSigs>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++)
      all.add(client.getSessionSigsAsync(request(slow).expiration(Duration.ofMinutes(30)).build()));
    for (CompletableFuture<SessionSigs> f : all) assertEquals(NODES, f.get().nodeUrls());
    assertEquals(1, calls.get(), "the other three calls reuse the first call's wallet sig");
  }

  @Test
  void sessionSigsMakeASigForANodeThatJoinsLater() {
    SessionSigs sigs =
        client.getSessionSigs(
            SessionSigsRequest.forWallet(signer)
                .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
                .expiration(Duration.ofMinutes(30))
                .build());
    String joined = "http://127.0.0.1:7479";
    assertTrue(
        NodeAuth.sessionSigs(sigs).authSigFor(joined).isObject(),
        "a request to the new node gets a sig");
    AuthSig forNew = sigs.forNode(joined);
    SessionKeySignedMessage m = SessionKeySignedMessage.parse(forNew.signedMessage());
    assertEquals(joined, m.nodeAddress());
    assertTrue(SessionSigs.verifySignature(forNew));
    assertEquals(
        SessionKeySignedMessage.parse(sigs.forNode(NODES.get(0)).signedMessage()).sessionKey(),
        m.sessionKey());
    assertTrue(sigs.nodeUrls().contains(joined));
  }

  @Test
  void theWalletSessionSigsDelegateToTheStoredSessionKeyForEveryNode() {
    SessionSigs sigs =
        client.getSessionSigs(
            SessionSigsRequest.forWallet(signer)
                .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
                .expiration(Duration.ofMinutes(30))
                .build());
    assertEquals(NODES, sigs.nodeUrls());
    String storedKey =
        LitJson.parse(store.get(SessionKeyStore.SESSION_KEY).orElseThrow(), "key")
            .get("publicKey")
            .asText();
    for (String url : NODES) {
      SessionKeySignedMessage m = SessionKeySignedMessage.parse(sigs.forNode(url).signedMessage());
      assertEquals(storedKey, m.sessionKey());
      assertEquals(signer.address(), m.capabilities().get(0).address());
      // per-node sigs live 5 minutes as in 4.2.0; the wallet capability keeps the 30 minutes asked
      // for
      assertEquals(
          SessionSigs.V4_SESSION_TTL, Duration.between(m.issuedAtInstant(), m.expirationInstant()));
      Duration capability =
          Duration.between(
              m.issuedAtInstant(),
              io.lit4j.auth.siwe.SiweMessage.parse(m.capabilities().get(0).signedMessage())
                  .expirationInstant()
                  .orElseThrow());
      assertTrue(
          capability.compareTo(Duration.ofMinutes(29)) > 0, "capability lifetime " + capability);
      assertTrue(SessionSigs.verifySignature(sigs.forNode(url)));
    }
    assertTrue(
        store.get(SessionKeyStore.WALLET_SIG + "-" + signer.address().toLowerCase()).isPresent(),
        "the wallet sig is stored under a key of its address");
    assertFalse(
        store
            .toString()
            .contains(
                LitJson.parse(store.get(SessionKeyStore.SESSION_KEY).get(), "k")
                    .get("secretKey")
                    .asText()));
  }

  @Test
  void theCallbackIsAskedAgainWhenTheRequestAsksForMoreThanTheStoredWalletSigCovers() {
    AtomicInteger calls = new AtomicInteger();
    AuthNeededCallback wallet = AuthNeededCallback.ethWallet(signer);
    AuthNeededCallback counting =
        p -> {
          calls.incrementAndGet();
          return wallet.authNeeded(p);
        };
    client.getSessionSigs(request(counting).build());
    client.getSessionSigs(request(counting).build());
    assertEquals(1, calls.get());
    client.getSessionSigs(
        request(counting).resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING).build());
    assertEquals(2, calls.get());
  }

  @Test
  void aNewClientOnTheSameStoreReusesTheSessionKey() {
    SessionSigs first =
        client.getSessionSigs(request(AuthNeededCallback.ethWallet(signer)).build());
    try (LitNodeClient other = LitNodeClient.create(config(store).build())) {
      other.connect();
      SessionSigs second =
          other.getSessionSigs(request(AuthNeededCallback.ethWallet(signer)).build());
      assertEquals(first.forNode(NODES.get(0)).address(), second.forNode(NODES.get(0)).address());
    }
    try (LitNodeClient fresh =
        LitNodeClient.create(config(new InMemorySessionKeyStore()).build())) {
      fresh.connect();
      SessionSigs third =
          fresh.getSessionSigs(request(AuthNeededCallback.ethWallet(signer)).build());
      assertNotEquals(first.forNode(NODES.get(0)).address(), third.forNode(NODES.get(0)).address());
    }
  }

  @Test
  void anAuthSigForAnotherUriIsRefusedWithTheReason() {
    AuthNeededCallback wrongUri =
        p ->
            SessionSiwe.builder()
                .address(signer.address())
                .uri("lit:session:" + "00".repeat(32))
                .nonce(p.nonce())
                .resourceAbilityRequests(p.resourceAbilityRequests())
                .buildAndSign(signer);
    LitAuthException e =
        assertThrows(
            LitAuthException.class, () -> client.getSessionSigs(request(wrongUri).build()));
    assertTrue(e.getMessage().contains("not the session key"), e.getMessage());
  }

  @Test
  void anAuthSigWithoutTheRequestedAbilityIsRefused() {
    AuthNeededCallback tooLittle =
        p ->
            SessionSiwe.builder()
                .address(signer.address())
                .uri(p.uri())
                .nonce(p.nonce())
                .resourceAbilityRequests(List.of())
                .buildAndSign(signer);
    LitAuthException e =
        assertThrows(
            LitAuthException.class, () -> client.getSessionSigs(request(tooLittle).build()));
    assertTrue(
        e.getMessage().contains("does not grant") || e.getMessage().contains("ReCap"),
        e.getMessage());
  }

  @Test
  void aCallbackThatThrowsFailsWithAnAuthError() {
    LitAuthException e =
        assertThrows(
            LitAuthException.class,
            () ->
                client.getSessionSigs(
                    request(
                            p -> {
                              throw new IllegalStateException("user rejected the signature");
                            })
                        .build()));
    assertTrue(e.getMessage().contains("user rejected the signature"), e.getMessage());
  }

  @Test
  void theCallbackGetsTheSessionUriBlockhashAndAReCapOfTheRequests() {
    AuthNeededCallback wallet = AuthNeededCallback.ethWallet(signer);
    AuthCallbackParams[] seen = new AuthCallbackParams[1];
    client.getSessionSigs(
        request(
                p -> {
                  seen[0] = p;
                  return wallet.authNeeded(p);
                })
            .chain("ethereum")
            .build());
    assertEquals(BLOCKHASH, seen[0].nonce());
    assertTrue(seen[0].uri().matches("lit:session:[0-9a-f]{64}"));
    assertTrue(
        seen[0].statement().contains("'Threshold': 'Execution' for 'lit-litaction://*'"),
        seen[0].statement());
    assertTrue(seen[0].resources().get(0).startsWith("urn:recap:"));
  }

  @Test
  void requestsAreValidatedNamingTheField() {
    assertThrows(
        LitValidationException.class,
        () -> SessionSigsRequest.builder().authNeededCallback(p -> null).build());
    LitValidationException e =
        assertThrows(
            LitValidationException.class,
            () -> request(p -> null).expiration(Duration.ofDays(31)).build());
    assertTrue(e.getMessage().contains("expiration"), e.getMessage());
    assertThrows(
        LitValidationException.class,
        () ->
            SessionSigsRequest.builder()
                .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
                .build());
  }

  @Test
  void beforeConnectingGetSessionSigsSaysTheClientIsNotReady() {
    try (LitNodeClient idle = LitNodeClient.create(config(store).build())) {
      LitException e =
          assertThrows(
              LitException.class,
              () -> idle.getSessionSigs(request(AuthNeededCallback.ethWallet(signer)).build()));
      assertEquals("lit_node_client_not_ready_error", e.errorCode().orElse(""));
    }
  }

  @Test
  void aNullCallbackResultIsAnAuthError() {
    assertThrows(
        LitAuthException.class, () -> client.getSessionSigs(request(p -> (AuthSig) null).build()));
  }
}
