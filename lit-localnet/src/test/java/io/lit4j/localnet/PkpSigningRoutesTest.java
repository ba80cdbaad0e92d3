package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.IsoTime;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;

@LocalLitNetworkTest(nodes = 3, seed = "lit4j-pkp-test", rateLimiting = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkpSigningRoutesTest {
  private LocalLitNetwork net;
  private Credentials owner;
  private Credentials walletUser;
  private MintedPkp ownedPkp;
  private MintedPkp authMethodPkp;
  private AuthMethod walletMethod;

  @BeforeAll
  void mintPkps(LocalLitNetwork network) {
    this.net = network;
    owner = net.devAccount(1);
    walletUser = net.devAccount(2);
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(owner)
            .build()) {
      ownedPkp = c.pkps().mintNext();
      walletMethod = AuthMethod.ethWallet(NodeCalls.walletAuthSig(walletUser, latestBlockhash()));
      authMethodPkp =
          c.pkps()
              .mintWithAuth(
                  PermittedAuthMethod.of(
                      AuthMethodType.ETH_WALLET, AuthMethodIds.authMethodId(walletMethod)),
                  List.of(AuthMethodScope.PERSONAL_SIGN));
    }
  }

  private String latestBlockhash() {
    try {
      return net.anvil()
          .web3j()
          .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
          .send()
          .getBlock()
          .getHash();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] digest(String text) {
    return EthHash.keccak256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode pkpSignBody(byte[] toSign, byte[] pubkey, JsonNode authSig) {
    ObjectNode b = NodeCalls.object();
    ArrayNode arr = b.putArray("toSign");
    for (byte x : toSign) arr.add(x & 0xff);
    b.put("pubkey", "0x" + Hex.encode(pubkey));
    b.set("authSig", authSig);
    return b;
  }

  private static EcdsaSignature combinePkpSign(List<NodeCalls.Answer> answers) {
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    for (NodeCalls.Answer a : answers) {
      assertEquals(200, a.status(), a.body().toString());
      assertTrue(a.body().get("success").asBoolean());
      JsonNode share = a.body().get("signatureShare");
      for (String k :
          List.of(
              "digest",
              "result",
              "share_index",
              "signature_share",
              "big_r",
              "public_key",
              "sig_type")) {
        assertTrue(share.has(k), "pkp/sign share lacks " + k + ": " + share);
      }
      EcdsaShareJson.parsePkpSign(share).ifPresent(shares::add);
    }
    assertEquals(2, shares.size(), "exactly the signing subset (t = 2) answers non-empty shares");
    return EcdsaShareCombiner.combine(shares, 2);
  }

  private List<NodeCalls.Answer> pkpSignAll(
      byte[] toSign, byte[] pubkey, Function<String, JsonNode> authSigFor) {
    return NodeCalls.all(
        net,
        "/web/pkp/sign",
        url -> pkpSignBody(toSign, pubkey, authSigFor.apply(url)),
        NodeCalls.requestId());
  }

  @Test
  void pkpSignWithTheOwnersWalletSigGivesSharesThatCombineToThePkpsSignature() {
    byte[] toSign = digest("hello from lit4j");
    JsonNode authSig = NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, latestBlockhash()));
    List<NodeCalls.Answer> answers =
        pkpSignAll(toSign, ownedPkp.publicKey().uncompressed(), url -> authSig);
    for (NodeCalls.Answer a : answers) {
      assertEquals(LitJson.mapper().valueToTree(toUnsigned(toSign)), a.body().get("signedData"));
      JsonNode s = a.body().get("signatureShare");
      if (s.get("signature_share").asText().isEmpty()) {
        assertEquals("fail", s.get("result").asText());
      } else {
        assertTrue(s.get("signature_share").asText().matches("\"[0-9A-F]{64}\""), s.toString());
        assertTrue(s.get("big_r").asText().matches("\"0[23][0-9A-F]{64}\""), s.toString());
        assertEquals("K256", s.get("sig_type").asText());
        assertEquals(0, s.get("share_index").asInt());
      }
    }
    EcdsaSignature sig = combinePkpSign(answers);
    assertTrue(sig.verify());
    assertEquals(ownedPkp.ethAddress().lowercaseHex(), sig.recoverAddress().lowercaseHex());
  }

  private static int[] toUnsigned(byte[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
    return out;
  }

  @Test
  void aWalletOnlyPermittedToPersonalSignGetsNodeAuthSigScopeTooLimited() {
    JsonNode authSig =
        NodeCalls.authSigJson(NodeCalls.walletAuthSig(walletUser, latestBlockhash()));
    for (NodeCalls.Answer a :
        pkpSignAll(digest("x"), authMethodPkp.publicKey().uncompressed(), url -> authSig)) {
      assertEquals(401, a.status(), a.body().toString());
      assertEquals("NodeAuthSigScopeTooLimited", a.body().get("errorCode").asText());
    }
  }

  @Test
  void anUnknownPkpGetsNodeContractResolverConversionFailed() {
    byte[] stranger = uncompressed(Credentials.create("0x" + "11".repeat(32)));
    JsonNode authSig = NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, latestBlockhash()));
    for (NodeCalls.Answer a : pkpSignAll(digest("x"), stranger, url -> authSig)) {
      assertEquals(500, a.status(), a.body().toString());
      assertEquals("NodeContractResolverConversionFailed", a.body().get("errorCode").asText());
    }
  }

  private static byte[] uncompressed(Credentials c) {
    byte[] xy = org.web3j.utils.Numeric.toBytesPadded(c.getEcKeyPair().getPublicKey(), 64);
    byte[] out = new byte[65];
    out[0] = 4;
    System.arraycopy(xy, 0, out, 1, 64);
    return out;
  }

  /** A session whose capability is {@code walletSig} and asks for PKP signing on any PKP. */
  private SessionSigs session(
      SessionKeyPair key, AuthSig walletSig, Clock clock, Function<String, String> nodeAddressFor) {
    List<ResourceAbilityRequest> rar =
        List.of(ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING));
    List<String> urls = net.nodeUrls().stream().map(nodeAddressFor).toList();
    return SessionSigs.sign(key, rar, List.of(walletSig), urls, clock);
  }

  private JsonNode sessionSigFor(SessionSigs sigs, String url) {
    return NodeCalls.authSigJson(sigs.forNode(url));
  }

  @Test
  void signSessionKeyWithAnEthWalletAuthMethodGivesAPkpSignedSiweThatThenSignsWithSessionSigs() {
    SessionKeyPair key = SessionKeyPair.generate();
    String blockhash = latestBlockhash();
    SiweMessage siwe =
        SessionSiwe.builder()
            .address(authMethodPkp.ethAddress().checksummed())
            .sessionKey(key)
            .nonce(blockhash)
            .resourceAbilityRequests(
                List.of(ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING)))
            .build();
    ObjectNode body = NodeCalls.object();
    body.put("sessionKey", "lit:session:" + key.publicKeyHex());
    body.putArray("authMethods").add(NodeCalls.json(walletMethod.toJsValue()));
    body.put("pkpPublicKey", "0x" + authMethodPkp.publicKeyHex());
    body.put("siweMessage", siwe.prepareMessage());
    List<NodeCalls.Answer> answers =
        NodeCalls.all(net, "/web/sign_session_key", url -> body, NodeCalls.requestId());
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    String signedSiwe = null;
    for (NodeCalls.Answer a : answers) {
      assertEquals(200, a.status(), a.body().toString());
      JsonNode s = a.body().path("signedData").path("sessionSig");
      assertEquals("K256", s.get("sigType").asText());
      assertEquals("sessionSig", s.get("sigName").asText());
      assertEquals(authMethodPkp.publicKeyHex(), s.get("publicKey").asText());
      assertTrue(s.get("dataSigned").asText().matches("[0-9a-f]{64}"));
      assertTrue(s.has("bigr"), "sign_session_key uses lowercase bigr");
      signedSiwe = s.get("siweMessage").asText();
      EcdsaShareJson.parseSignSessionKey(s).ifPresent(shares::add);
    }
    assertEquals(2, shares.size());
    EcdsaSignature sig = EcdsaShareCombiner.combine(shares, 2);
    SiweMessage rebuilt = SiweMessage.parseLenient(signedSiwe);
    assertEquals(blockhash, rebuilt.nonce());
    assertEquals(authMethodPkp.ethAddress().checksummed(), rebuilt.address());
    assertTrue(
        rebuilt.issuedAt().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
        rebuilt.issuedAt());
    assertEquals(
        Hex.encode(EthHash.personalMessageHash(signedSiwe)),
        answers.get(0).body().path("signedData").path("sessionSig").get("dataSigned").asText());
    assertEquals(
        authMethodPkp.ethAddress().lowercaseHex(),
        EthSignatures.recoverPersonalSignAddress(signedSiwe, sig.signatureHex()).lowercaseHex());

    // the PKP-signed SIWE is the session's capability; the PKP owns itself, so it may sign anything
    AuthSig capability =
        AuthSig.of(
            sig.signatureHex(),
            AuthSig.DERIVED_VIA_PKP,
            signedSiwe,
            authMethodPkp.ethAddress().checksummed());
    SessionSigs sessions = session(key, capability, Clock.systemUTC(), url -> url);
    net.setStrictAuthOnly(true);
    try {
      EcdsaSignature signed =
          combinePkpSign(
              pkpSignAll(
                  digest("session"),
                  authMethodPkp.publicKey().uncompressed(),
                  url -> sessionSigFor(sessions, url)));
      assertEquals(
          authMethodPkp.ethAddress().lowercaseHex(), signed.recoverAddress().lowercaseHex());
    } finally {
      net.setStrictAuthOnly(false);
    }
  }

  /** The JS SDK 4.2.0 default: an empty recap, which only the lenient v4 check accepts. */
  private AuthSig emptyRecapWalletSig(Credentials wallet, SessionKeyPair key) {
    Instant now = Instant.now();
    SiweMessage siwe =
        SiweMessage.builder()
            .domain("localhost")
            .address(Keys.toChecksumAddress(wallet.getAddress()))
            .statement(
                "I further authorize the stated URI to perform the following actions on my behalf:")
            .uri("lit:session:" + key.publicKeyHex())
            .nonce(latestBlockhash())
            .issuedAt(IsoTime.toIsoString(now))
            .expirationTime(IsoTime.toIsoString(now.plus(Duration.ofHours(24))))
            .resources(List.of("urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ"))
            .build();
    return io.lit4j.auth.authsig.AuthSigs.generate(
        new Web3jEthSigner(wallet), siwe.prepareMessage());
  }

  @Test
  void anSdkDefaultSessionWithAnEmptyRecapPassesOnlyThroughTheLenientFallback() {
    SessionKeyPair key = SessionKeyPair.generate();
    SessionSigs sessions =
        session(key, emptyRecapWalletSig(owner, key), Clock.systemUTC(), url -> url);
    EcdsaSignature sig =
        combinePkpSign(
            pkpSignAll(
                digest("lenient"),
                ownedPkp.publicKey().uncompressed(),
                url -> sessionSigFor(sessions, url)));
    assertEquals(ownedPkp.ethAddress().lowercaseHex(), sig.recoverAddress().lowercaseHex());
    net.setStrictAuthOnly(true);
    try {
      for (NodeCalls.Answer a :
          pkpSignAll(
              digest("strict"),
              ownedPkp.publicKey().uncompressed(),
              url -> sessionSigFor(sessions, url))) {
        assertEquals(400, a.status(), a.body().toString());
        assertEquals("NodeSIWECapabilityInvalid", a.body().get("errorCode").asText());
        assertEquals("Validation", a.body().get("errorKind").asText());
        assertTrue(a.body().get("correlationId").asText().startsWith("lit_"));
      }
    } finally {
      net.setStrictAuthOnly(false);
    }
  }

  @Test
  void anExpiredSessionIsRefusedByTheStrictCheck() {
    SessionKeyPair key = SessionKeyPair.generate();
    AuthSig wallet =
        SessionSiwe.builder()
            .address(Keys.toChecksumAddress(owner.getAddress()))
            .sessionKey(key)
            .nonce(latestBlockhash())
            .resourceAbilityRequests(
                List.of(ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING)))
            .buildAndSign(new Web3jEthSigner(owner));
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    SessionSigs sessions = session(key, wallet, past, url -> url);
    net.setStrictAuthOnly(true);
    try {
      for (NodeCalls.Answer a :
          pkpSignAll(
              digest("late"),
              ownedPkp.publicKey().uncompressed(),
              url -> sessionSigFor(sessions, url))) {
        assertEquals(403, a.status(), a.body().toString());
        assertEquals("NodeExpWrongOrTooLarge", a.body().get("errorCode").asText());
      }
      // the same wallet sig in a fresh session is fine under the strict check
      SessionSigs fresh = session(key, wallet, Clock.systemUTC(), url -> url);
      combinePkpSign(
          pkpSignAll(
              digest("fresh"),
              ownedPkp.publicKey().uncompressed(),
              url -> sessionSigFor(fresh, url)));
    } finally {
      net.setStrictAuthOnly(false);
    }
  }

  @Test
  void aSessionSignedForAnotherNodeAddressGetsNodeNotAuthorized() {
    SessionKeyPair key = SessionKeyPair.generate();
    AuthSig wallet =
        SessionSiwe.builder()
            .address(Keys.toChecksumAddress(owner.getAddress()))
            .sessionKey(key)
            .nonce(latestBlockhash())
            .resourceAbilityRequests(
                List.of(ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING)))
            .buildAndSign(new Web3jEthSigner(owner));
    List<String> urls = net.nodeUrls();
    // every node gets the session sig made for the next node
    SessionSigs sessions = session(key, wallet, Clock.systemUTC(), url -> url);
    net.setStrictAuthOnly(true);
    try {
      List<NodeCalls.Answer> answers =
          pkpSignAll(
              digest("swap"),
              ownedPkp.publicKey().uncompressed(),
              url -> sessionSigFor(sessions, urls.get((urls.indexOf(url) + 1) % urls.size())));
      for (NodeCalls.Answer a : answers) {
        assertEquals(403, a.status(), a.body().toString());
        assertEquals("NodeNotAuthorized", a.body().get("errorCode").asText());
      }
    } finally {
      net.setStrictAuthOnly(false);
    }
  }

  @Test
  void pkpClaimAnswers202WithTheNodeWalletsSignatureOverTheKeyId() {
    ObjectNode body = NodeCalls.object();
    body.set("authMethod", NodeCalls.json(walletMethod.toJsValue()));
    List<NodeCalls.Answer> answers = NodeCalls.all(net, "/web/pkp/claim", body);
    byte[] keyId = EthHash.keccak256Utf8(Keys.toChecksumAddress(walletUser.getAddress()) + ":lit");
    for (int i = 0; i < answers.size(); i++) {
      NodeCalls.Answer a = answers.get(i);
      assertEquals(202, a.status(), a.body().toString());
      assertEquals(Hex.encode(keyId), a.body().get("derivedKeyId").asText());
      String sigHex = a.body().get("signature").asText();
      assertTrue(sigHex.matches("[0-9a-f]{128}(1b|1c)"), sigHex);
      String signer =
          EthSignatures.recoverAddress(
                  EthHash.personalMessageHash(keyId), Hex.decode(sigHex, "signature"))
              .lowercaseHex();
      assertEquals(net.node(i).nodeWalletAddress().toLowerCase(), signer);
    }
  }

  @Test
  void nodesSwitchedToWrongSharesGiveSharesThatDoNotCombine() {
    byte[] toSign = digest("faulty");
    JsonNode authSig = NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, latestBlockhash()));
    net.nodes().forEach(n -> n.server().setFault(io.lit4j.localnet.node.NodeFault.WRONG_SHARE));
    try {
      List<NodeCalls.Answer> answers =
          pkpSignAll(toSign, ownedPkp.publicKey().uncompressed(), url -> authSig);
      org.junit.jupiter.api.Assertions.assertThrows(
          io.lit4j.core.errors.LitCryptoException.class, () -> combinePkpSign(answers));
    } finally {
      net.nodes().forEach(n -> n.server().setFault(io.lit4j.localnet.node.NodeFault.NONE));
    }
  }

  private ObjectNode signSessionKeyBody(
      SessionKeyPair key, String address, String nonce, boolean withPkpPublicKey) {
    SiweMessage siwe =
        SessionSiwe.builder()
            .address(address)
            .sessionKey(key)
            .nonce(nonce)
            .resourceAbilityRequests(
                List.of(ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING)))
            .build();
    ObjectNode body = NodeCalls.object();
    body.put("sessionKey", "lit:session:" + key.publicKeyHex());
    body.putArray("authMethods").add(NodeCalls.json(walletMethod.toJsValue()));
    if (withPkpPublicKey) body.put("pkpPublicKey", "0x" + authMethodPkp.publicKeyHex());
    body.put("siweMessage", siwe.prepareMessage());
    return body;
  }

  @Test
  void signSessionKeyWithoutPkpPublicKeyFindsThePkpOfTheAuthMethod() {
    SessionKeyPair key = SessionKeyPair.generate();
    // the SDK puts a dummy address in the SIWE when it does not know the PKP
    ObjectNode body =
        signSessionKeyBody(
            key, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", latestBlockhash(), false);
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    String signedSiwe = null;
    for (NodeCalls.Answer a :
        NodeCalls.all(net, "/web/sign_session_key", url -> body, NodeCalls.requestId())) {
      assertEquals(200, a.status(), a.body().toString());
      JsonNode s = a.body().path("signedData").path("sessionSig");
      signedSiwe = s.get("siweMessage").asText();
      EcdsaShareJson.parseSignSessionKey(s).ifPresent(shares::add);
    }
    EcdsaSignature sig = EcdsaShareCombiner.combine(shares, 2);
    assertEquals(
        authMethodPkp.ethAddress().checksummed(), SiweMessage.parseLenient(signedSiwe).address());
    assertEquals(
        authMethodPkp.ethAddress().lowercaseHex(),
        EthSignatures.recoverPersonalSignAddress(signedSiwe, sig.signatureHex()).lowercaseHex());
  }

  @Test
  void signSessionKeyWithANonceThatIsNoBlockHashIsNodeInvalidBlockhash() {
    SessionKeyPair key = SessionKeyPair.generate();
    ObjectNode body =
        signSessionKeyBody(
            key, authMethodPkp.ethAddress().checksummed(), "0x" + "ab".repeat(32), true);
    NodeCalls.Answer a =
        NodeCalls.post(net.nodeUrls().get(0), "/web/sign_session_key", body, NodeCalls.requestId());
    assertEquals(502, a.status(), a.body().toString());
    assertEquals("NodeInvalidBlockhash", a.body().get("errorCode").asText());
  }

  @Test
  void signSessionKeyForAnotherAddressThanThePkpIsNodeSiweMessageError() {
    SessionKeyPair key = SessionKeyPair.generate();
    ObjectNode body =
        signSessionKeyBody(key, ownedPkp.ethAddress().checksummed(), latestBlockhash(), true);
    NodeCalls.Answer a =
        NodeCalls.post(net.nodeUrls().get(0), "/web/sign_session_key", body, NodeCalls.requestId());
    assertEquals(400, a.status(), a.body().toString());
    assertEquals("NodeSIWEMessageError", a.body().get("errorCode").asText());
  }

  @Test
  void pkpSignWithoutAuthSigIs422() {
    ObjectNode b = pkpSignBody(digest("x"), ownedPkp.publicKey().uncompressed(), null);
    b.remove("authSig");
    NodeCalls.Answer a =
        NodeCalls.post(net.nodeUrls().get(0), "/web/pkp/sign", b, NodeCalls.requestId());
    assertEquals(422, a.status());
    assertEquals("NodeBadInput", a.body().get("errorCode").asText());
  }
}
