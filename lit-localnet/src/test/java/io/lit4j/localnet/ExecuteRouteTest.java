package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.ipfs.IpfsCid;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;

@LocalLitNetworkTest(nodes = 3, seed = "lit4j-execute-test", rateLimiting = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecuteRouteTest {
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

  private List<NodeCalls.Answer> execute(String code, ObjectNode jsParams) throws Exception {
    ObjectNode body = NodeCalls.object();
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, blockhash())));
    body.put("code", Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8)));
    body.set("jsParams", jsParams);
    return NodeCalls.all(net, "/web/execute", body);
  }

  @Test
  void anActionSignsWithThePkpAndItsSharesCombineAsTheSdkDoes() throws Exception {
    byte[] digest = EthHash.keccak256("execute me".getBytes(StandardCharsets.UTF_8));
    String code =
        String.join(
            "\n",
            "(async () => {",
            "  console.log('signing for', sigName);",
            "  await Lit.Actions.signEcdsa({ toSign: new Uint8Array(toSign), publicKey, sigName });",
            "  await Lit.Actions.ethPersonalSignMessageEcdsa({ message: 'hello', publicKey, sigName: 'personal' });",
            "  await Lit.Actions.claimKey({ keyId: 'my-key' });",
            "  const nonce = await Lit.Actions.getLatestNonce({ address: Lit.Auth.authSigAddress, chain: 'ethereum' });",
            "  Lit.Actions.setResponse({ response: JSON.stringify({ cid: Lit.Auth.actionIpfsIds[0], nonce,",
            "    ethers: typeof ethers !== 'undefined' ? ethers.utils.keccak256('0x01') : 'none' }) });",
            "})();");
    ObjectNode params = NodeCalls.object();
    ArrayNode ts = params.putArray("toSign");
    for (byte b : digest) ts.add(b & 0xff);
    params.put("publicKey", "0x" + pkp.publicKeyHex());
    params.put("sigName", "sig1");
    List<NodeCalls.Answer> answers = execute(code, params);
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    List<EcdsaSignatureShare> personal = new ArrayList<>();
    String cid = IpfsCid.of(code.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < answers.size(); i++) {
      NodeCalls.Answer a = answers.get(i);
      assertEquals(200, a.status(), a.body().toString());
      JsonNode b = a.body();
      assertTrue(b.get("success").asBoolean());
      assertEquals("signing for sig1\n", b.get("logs").asText());
      JsonNode response = LitJson.parse(b.get("response").asText(), "response");
      assertEquals(cid, response.get("cid").asText());
      assertTrue(response.get("nonce").asText().startsWith("0x"));
      assertTrue(net.ethersLoaded(), "the build installs ethers 5.7.2 for Lit Actions");
      assertEquals(
          "0x5fe7f977e71dba2ea1a68e21057beebb9be2ac30c6410aa38d4f3fbe41dcffd2",
          response.get("ethers").asText());
      assertTrue(b.get("decryptedData").isObject());
      JsonNode entry = b.path("signedData").path("sig1");
      for (String k :
          List.of(
              "sigType",
              "dataSigned",
              "signatureShare",
              "shareIndex",
              "bigR",
              "publicKey",
              "sigName")) {
        assertTrue(entry.has(k), "execute entry lacks " + k + ": " + entry);
      }
      EcdsaShareJson.parseExecute(entry).ifPresent(shares::add);
      EcdsaShareJson.parseExecute(b.path("signedData").path("personal")).ifPresent(personal::add);
      JsonNode claim = b.path("claimData").path("my-key");
      byte[] derived = EthHash.keccak256Utf8(cid + "_my-key");
      assertEquals(Hex.encode(derived), claim.get("derivedKeyId").asText());
      String signer =
          EthSignatures.recoverAddress(
                  EthHash.personalMessageHash(derived),
                  Hex.decode(claim.get("signature").asText(), "signature"))
              .lowercaseHex();
      assertEquals(net.node(i).nodeWalletAddress().toLowerCase(), signer);
    }
    EcdsaSignature sig = EcdsaShareCombiner.combine(shares, net.minNodeCount());
    assertEquals(pkp.ethAddress().lowercaseHex(), sig.recoverAddress().lowercaseHex());
    EcdsaSignature personalSig = EcdsaShareCombiner.combine(personal, net.minNodeCount());
    assertEquals(
        pkp.ethAddress().lowercaseHex(),
        EthSignatures.recoverPersonalSignAddress("hello", personalSig.signatureHex())
            .lowercaseHex());
  }

  @Test
  void aThrowingActionAnswers400WithTheErrorAndTheLogsSoFar() throws Exception {
    List<NodeCalls.Answer> answers =
        execute(
            "console.log('before'); throw new Error('boom ' + who);",
            NodeCalls.object().put("who", "lit4j"));
    for (NodeCalls.Answer a : answers) {
      assertEquals(400, a.status(), a.body().toString());
      assertFalse(a.body().get("success").asBoolean());
      assertTrue(a.body().get("error").asText().contains("boom lit4j"), a.body().toString());
      assertEquals("before\n", a.body().get("logs").asText());
      assertFalse(a.body().has("errorCode"));
    }
  }

  @Test
  void signingWithAPkpTheUserDoesNotControlFailsTheAction() throws Exception {
    Credentials other = net.devAccount(4);
    MintedPkp foreign;
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(other)
            .build()) {
      foreign = c.pkps().mintNext();
    }
    String code =
        "(async () => { await Lit.Actions.signEcdsa({ toSign: new Uint8Array(32).fill(7), publicKey: pk, sigName: 's' }); })();";
    for (NodeCalls.Answer a : execute(code, NodeCalls.object().put("pk", foreign.publicKeyHex()))) {
      assertEquals(400, a.status(), a.body().toString());
      assertTrue(
          a.body().get("error").asText().contains("NodeAuthSigScopeTooLimited"),
          a.body().toString());
    }
  }

  @Test
  void checkConditionsInAnActionEvaluatesOnTheLocalChain() throws Exception {
    String code =
        String.join(
            "\n",
            "(async () => {",
            "  const rich = await Lit.Actions.checkConditions({ chain: 'ethereum', conditions: [{ conditionType: 'evmBasic',",
            "    contractAddress: '', standardContractType: '', chain: 'ethereum', method: 'eth_getBalance',",
            "    parameters: [':userAddress', 'latest'], returnValueTest: { comparator: '>', value: '0' } }] });",
            "  const me = await Lit.Actions.checkConditions({ chain: 'ethereum', conditions: [{ conditionType: 'evmBasic',",
            "    contractAddress: '', standardContractType: '', chain: 'ethereum', method: '',",
            "    parameters: [':userAddress'], returnValueTest: { comparator: '=', value: other } }] });",
            "  Lit.Actions.setResponse({ response: rich + ',' + me });",
            "})();");
    for (NodeCalls.Answer a :
        execute(
            code,
            NodeCalls.object()
                .put("other", Keys.toChecksumAddress(net.devAccount(5).getAddress())))) {
      assertEquals(200, a.status(), a.body().toString());
      assertEquals("true,false", a.body().get("response").asText());
    }
  }

  @Test
  void aPlainActionRunsOnEveryNodeAndItsLatencyIsPrinted() throws Exception {
    String code = "Lit.Actions.setResponse({ response: String(1 + 1) });";
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      for (NodeCalls.Answer a : execute(code, NodeCalls.object())) {
        assertEquals(200, a.status(), a.body().toString());
        assertEquals("2", a.body().get("response").asText());
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
    }
    System.out.println(
        "lit-localnet: executeJs round trip to 3 nodes (no ethers), best of 3: " + best + " ms");
  }

  @Test
  void aPinnedActionRunsByIpfsIdAndAnUnpinnedOneIsNodeInvalidIpfsId() throws Exception {
    String cid = net.pinAction("Lit.Actions.setResponse({ response: Lit.Auth.actionIpfsIds[0] });");
    ObjectNode body = NodeCalls.object();
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, blockhash())));
    body.put("ipfsId", cid);
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/execute", body)) {
      assertEquals(200, a.status(), a.body().toString());
      assertEquals(cid, a.body().get("response").asText());
    }
    body.put("ipfsId", "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG");
    NodeCalls.Answer a =
        NodeCalls.post(net.nodeUrls().get(0), "/web/execute", body, NodeCalls.requestId());
    assertEquals(400, a.status());
    assertEquals("NodeInvalidIPFSID", a.body().get("errorCode").asText());
  }

  @Test
  void executeWithoutCodeOrIpfsIdIsNodeInvalidIpfsId() throws Exception {
    ObjectNode body = NodeCalls.object();
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, blockhash())));
    NodeCalls.Answer a =
        NodeCalls.post(net.nodeUrls().get(0), "/web/execute", body, NodeCalls.requestId());
    assertEquals(400, a.status());
    assertEquals("NodeInvalidIPFSID", a.body().get("errorCode").asText());
  }
}
