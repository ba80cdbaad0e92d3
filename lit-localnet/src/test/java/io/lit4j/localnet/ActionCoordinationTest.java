package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The Lit Actions ops that need the nodes to meet: encrypt, broadcast, runOnce, combine, decrypt.
 */
@LocalLitNetworkTest(
    nodes = 3,
    seed = "lit4j-coordination-test",
    rateLimiting = false,
    actionTimeoutMillis = 6_000L)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionCoordinationTest {
  private LocalLitNetwork net;
  private Credentials owner;
  private MintedPkp pkp;

  @BeforeAll
  void mint(LocalLitNetwork network) {
    net = network;
    owner = net.devAccount(3);
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(owner)
            .build()) {
      pkp = c.pkps().mintNext();
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

  private ObjectNode body(String code, ObjectNode jsParams) throws Exception {
    ObjectNode body = NodeCalls.object();
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, blockhash())));
    body.put("code", Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8)));
    body.set("jsParams", jsParams);
    return body;
  }

  /** Runs the action on every node (one request id) and returns each node's response text. */
  private List<String> responses(String code, ObjectNode jsParams) throws Exception {
    List<String> out = new ArrayList<>();
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/execute", body(code, jsParams))) {
      assertEquals(200, a.status(), a.body().toString());
      out.add(a.body().get("response").asText());
    }
    return out;
  }

  private static ArrayNode conditions(String comparator) {
    ArrayNode a = LitJson.mapper().createArrayNode();
    ObjectNode c = a.addObject();
    c.put("contractAddress", "");
    c.put("standardContractType", "");
    c.put("chain", "ethereum");
    c.put("method", "eth_getBalance");
    c.putArray("parameters").add(":userAddress").add("latest");
    c.putObject("returnValueTest").put("comparator", comparator).put("value", "0");
    return a;
  }

  @Test
  void encryptInAnActionMakesACiphertextTheClientDecryptsWithTheNodesDecryptionShares()
      throws Exception {
    String code =
        "(async () => { const r = await Lit.Actions.encrypt({ accessControlConditions: acc,"
            + " to_encrypt: new TextEncoder().encode('made in an action') }); Lit.Actions.setResponse({ response: JSON.stringify(r) }); })();";
    JsonNode r = LitJson.parse(responses(code, params(conditions(">"))).get(0), "response");
    String dataHash = r.get("dataToEncryptHash").asText();
    byte[] plaintext = "made in an action".getBytes(StandardCharsets.UTF_8);
    assertEquals(TimeCrypt.dataToEncryptHash(plaintext), dataHash);
    ObjectNode share = NodeCalls.object();
    share.set("accessControlConditions", conditions(">"));
    share.put("dataToEncryptHash", dataHash);
    share.put("chain", "ethereum");
    share.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, blockhash())));
    List<BlsSignatureShare> shares = new ArrayList<>();
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/encryption/sign", share)) {
      assertEquals(200, a.status(), a.body().toString());
      shares.add(BlsSignatureShare.fromJson(a.body().get("signatureShare")));
    }
    AccessControlConditions acc =
        AccessControlConditions.fromCanonicalJson(
            ConditionKind.ACCESS_CONTROL_CONDITIONS, conditions(">"));
    assertArrayEquals(
        plaintext,
        TimeCrypt.verifyAndDecrypt(
            net.blsPublicKey(),
            TimeCrypt.accessControlIdentity(acc.hashHex(), dataHash),
            Base64.getDecoder().decode(r.get("ciphertext").asText()),
            shares));
  }

  private static ObjectNode params(ArrayNode acc) {
    ObjectNode p = NodeCalls.object();
    p.set("acc", acc);
    return p;
  }

  @Test
  void broadcastAndCollectGivesEveryNodeAllValuesWithItsOwnLast() throws Exception {
    String code =
        "(async () => { const mine = String(crypto.getRandomValues(new Uint32Array(1))[0]);"
            + " const all = await Lit.Actions.broadcastAndCollect({ name: 'nonce', value: mine });"
            + " Lit.Actions.setResponse({ response: JSON.stringify({ mine, all }) }); })();";
    List<String> rs = responses(code, NodeCalls.object());
    Set<String> mines = new HashSet<>();
    for (String s : rs) mines.add(LitJson.parse(s, "response").get("mine").asText());
    assertEquals(3, mines.size());
    for (String s : rs) {
      JsonNode r = LitJson.parse(s, "response");
      JsonNode all = r.get("all");
      assertEquals(3, all.size(), s);
      assertEquals(r.get("mine").asText(), all.get(2).asText());
      Set<String> got = new HashSet<>();
      all.forEach(v -> got.add(v.asText()));
      assertEquals(mines, got);
    }
  }

  @Test
  void runOnceRunsOnOneNodeAndSharesItsResultOrTheErrorMarker() throws Exception {
    String code =
        "(async () => {"
            + " let ran = false;"
            + " const shared = await Lit.Actions.runOnce({ waitForResponse: true, name: 'pick' }, async () => { ran = true; return { n: 7 }; });"
            + " const failed = await Lit.Actions.runOnce({ waitForResponse: true, name: 'fail' }, async () => { throw new Error('no'); });"
            + " const alone = await Lit.Actions.runOnce({ waitForResponse: false, name: 'alone' }, async () => 'leader');"
            + " Lit.Actions.setResponse({ response: JSON.stringify({ ran, shared, failed, alone }) }); })();";
    int leaders = 0;
    for (String s : responses(code, NodeCalls.object())) {
      JsonNode r = LitJson.parse(s, "response");
      assertEquals("{\"n\":7}", r.get("shared").asText());
      assertEquals("[ERROR]", r.get("failed").asText());
      boolean ran = r.get("ran").asBoolean();
      assertEquals(ran ? "leader" : "", r.get("alone").asText());
      if (ran) leaders++;
    }
    assertEquals(1, leaders);
  }

  @Test
  void signAndCombineEcdsaReturnsTheCombinedSignatureOnEveryNodeAndNoShare() throws Exception {
    byte[] digest = EthHash.keccak256("combine me".getBytes(StandardCharsets.UTF_8));
    ObjectNode p = NodeCalls.object();
    ArrayNode ts = p.putArray("toSign");
    for (byte b : digest) ts.add(b & 0xff);
    p.put("publicKey", "0x" + pkp.publicKeyHex());
    String code =
        "(async () => { const sig = await Lit.Actions.signAndCombineEcdsa({ toSign: new Uint8Array(toSign), publicKey, sigName: 'combined' });"
            + " Lit.Actions.setResponse({ response: sig }); })();";
    List<NodeCalls.Answer> answers = NodeCalls.all(net, "/web/execute", body(code, p));
    String first = null;
    for (NodeCalls.Answer a : answers) {
      assertEquals(200, a.status(), a.body().toString());
      assertFalse(a.body().get("signedData").has("combined"), a.body().toString());
      String sig = a.body().get("response").asText();
      if (first == null) first = sig;
      assertEquals(first, sig);
    }
    JsonNode sig = LitJson.parse(first, "signature");
    String r = sig.get("r").asText();
    assertTrue(r.matches("0[23][0-9a-f]{64}"), r);
    assertTrue(sig.get("s").asText().matches("[0-9a-f]{64}"), first);
    int v = sig.get("v").asInt();
    assertEquals(2 + (v & 1), Integer.parseInt(r.substring(0, 2), 16));
    EcdsaSignature es =
        EcdsaSignature.of(
            new BigInteger(r.substring(2), 16),
            new BigInteger(sig.get("s").asText(), 16),
            v,
            Secp256k1PublicKey.fromHex(pkp.publicKeyHex(), "pkp"),
            digest);
    assertTrue(es.verify());
    assertEquals(pkp.ethAddress().lowercaseHex(), es.recoverAddress().lowercaseHex());
  }

  @Test
  void decryptAndCombineAndDecryptToSingleNodeDecryptAClientCiphertext() throws Exception {
    byte[] plaintext = "for the action only".getBytes(StandardCharsets.UTF_8);
    AccessControlConditions acc =
        AccessControlConditions.fromCanonicalJson(
            ConditionKind.ACCESS_CONTROL_CONDITIONS, conditions(">"));
    String dataHash = TimeCrypt.dataToEncryptHash(plaintext);
    byte[] ciphertext =
        TimeCrypt.encrypt(
            net.blsPublicKey(),
            plaintext,
            TimeCrypt.accessControlIdentity(acc.hashHex(), dataHash));
    ObjectNode p = params(conditions(">"));
    p.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
    p.put("dataToEncryptHash", dataHash);
    String code =
        "(async () => { const args = { accessControlConditions: acc, ciphertext, dataToEncryptHash, chain: 'ethereum' };"
            + " const all = await Lit.Actions.decryptAndCombine(args);"
            + " const one = await Lit.Actions.decryptToSingleNode(args);"
            + " Lit.Actions.setResponse({ response: JSON.stringify({ all, one }) }); })();";
    int withPlaintext = 0;
    for (String s : responses(code, p)) {
      JsonNode r = LitJson.parse(s, "response");
      assertEquals("for the action only", r.get("all").asText());
      String one = r.get("one").asText();
      if (!one.isEmpty()) {
        assertEquals("for the action only", one);
        withPlaintext++;
      }
    }
    assertEquals(1, withPlaintext);

    ObjectNode denied = params(conditions("<"));
    denied.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
    denied.put("dataToEncryptHash", dataHash);
    String tryIt =
        "(async () => { await Lit.Actions.decryptAndCombine({ accessControlConditions: acc, ciphertext, dataToEncryptHash, chain: 'ethereum' }); })();";
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/execute", body(tryIt, denied))) {
      assertEquals(400, a.status(), a.body().toString());
      assertTrue(
          a.body()
              .get("error")
              .asText()
              .contains("NodeAccessControlConditionsReturnedNotAuthorized"),
          a.body().toString());
    }
  }

  @Test
  void aNodeThatNeverArrivesMakesTheOpThrowInTheAction() throws Exception {
    String code =
        "(async () => { try { await Lit.Actions.broadcastAndCollect({ name: 'x', value: '1' });"
            + " Lit.Actions.setResponse({ response: 'collected' }); } catch (e) { Lit.Actions.setResponse({ response: 'caught: ' + e.message }); } })();";
    ObjectNode b = body(code, NodeCalls.object());
    String requestId = NodeCalls.requestId();
    List<CompletableFuture<NodeCalls.Answer>> fs = new ArrayList<>();
    for (String url : net.nodeUrls().subList(0, 2)) {
      fs.add(
          CompletableFuture.supplyAsync(() -> NodeCalls.post(url, "/web/execute", b, requestId)));
    }
    for (CompletableFuture<NodeCalls.Answer> f : fs) {
      NodeCalls.Answer a = f.join();
      assertEquals(200, a.status(), a.body().toString());
      String response = a.body().get("response").asText();
      assertTrue(
          response.startsWith("caught: ") && response.contains("only 2 of 3 nodes"), response);
    }
  }

  @Test
  void decryptAndCombineChecksTheConditionsForTheAuthSigItIsGiven() throws Exception {
    Credentials other = net.devAccount(8);
    ArrayNode onlyOther = LitJson.mapper().createArrayNode();
    ObjectNode c = onlyOther.addObject();
    c.put("contractAddress", "");
    c.put("standardContractType", "");
    c.put("chain", "ethereum");
    c.put("method", "");
    c.putArray("parameters").add(":userAddress");
    c.putObject("returnValueTest")
        .put("comparator", "=")
        .put("value", org.web3j.crypto.Keys.toChecksumAddress(other.getAddress()));
    byte[] plaintext = "only for the other".getBytes(StandardCharsets.UTF_8);
    AccessControlConditions acc =
        AccessControlConditions.fromCanonicalJson(
            ConditionKind.ACCESS_CONTROL_CONDITIONS, onlyOther);
    String dataHash = TimeCrypt.dataToEncryptHash(plaintext);
    byte[] ciphertext =
        TimeCrypt.encrypt(
            net.blsPublicKey(),
            plaintext,
            TimeCrypt.accessControlIdentity(acc.hashHex(), dataHash));
    ObjectNode p = params(onlyOther);
    p.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
    p.put("dataToEncryptHash", dataHash);
    p.set("otherSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(other, blockhash())));
    String code =
        "(async () => { const args = { accessControlConditions: acc, ciphertext, dataToEncryptHash, chain: 'ethereum' };"
            + " let own; try { await Lit.Actions.decryptAndCombine(args); own = 'decrypted'; } catch (e) { own = e.message; }"
            + " const forOther = await Lit.Actions.decryptAndCombine({ ...args, authSig: otherSig });"
            + " Lit.Actions.setResponse({ response: JSON.stringify({ own, forOther }) }); })();";
    for (String s : responses(code, p)) {
      JsonNode r = LitJson.parse(s, "response");
      assertTrue(
          r.get("own").asText().contains("NodeAccessControlConditionsReturnedNotAuthorized"), s);
      assertEquals("only for the other", r.get("forOther").asText());
    }
  }
}
