package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.contracts.LitContracts;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.bls.BlsJwt;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;

@LocalLitNetworkTest(nodes = 3, seed = "lit4j-acc-test", rateLimiting = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlRoutesTest {
  private LocalLitNetwork net;
  private Credentials user;

  @BeforeAll
  void setUp(LocalLitNetwork network) {
    net = network;
    user = net.devAccount(6);
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(user)
            .build()) {
      c.pkps().mintNext(); // the user now holds one PKPNFT (an ERC721)
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

  private static ObjectNode basic(
      String standardContractType,
      String contract,
      String method,
      List<String> params,
      String comparator,
      String value) {
    ObjectNode c = NodeCalls.object();
    c.put("contractAddress", contract);
    c.put("standardContractType", standardContractType);
    c.put("chain", "ethereum");
    c.put("method", method);
    ArrayNode p = c.putArray("parameters");
    params.forEach(p::add);
    c.putObject("returnValueTest").put("comparator", comparator).put("value", value);
    return c;
  }

  private ObjectNode hasBalance() {
    return basic("", "", "eth_getBalance", List.of(":userAddress", "latest"), ">", "0");
  }

  private ObjectNode isAddress(Credentials who) {
    return basic(
        "", "", "", List.of(":userAddress"), "=", Keys.toChecksumAddress(who.getAddress()));
  }

  private ObjectNode holdsPkpNft() {
    return basic(
        "ERC721", net.contracts().pkpNft(), "balanceOf", List.of(":userAddress"), ">", "0");
  }

  private static ArrayNode list(JsonNode... items) {
    ArrayNode a = LitJson.mapper().createArrayNode();
    for (JsonNode i : items) a.add(i);
    return a;
  }

  private static ObjectNode op(String name) {
    return NodeCalls.object().put("operator", name);
  }

  private List<NodeCalls.Answer> decryptionShares(ArrayNode conditions, String dataHash)
      throws Exception {
    ObjectNode body = NodeCalls.object();
    body.set("accessControlConditions", conditions);
    body.put("dataToEncryptHash", dataHash);
    body.put("chain", "ethereum");
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(user, blockhash())));
    return NodeCalls.all(net, "/web/encryption/sign", body);
  }

  @Test
  void decryptionSharesFromTheNodesDecryptATimeCryptCiphertextWhenTheConditionsHold()
      throws Exception {
    ArrayNode conditions =
        list(
            hasBalance(),
            op("and"),
            holdsPkpNft(),
            op("and"),
            list(isAddress(net.devAccount(7)), op("or"), isAddress(user)));
    byte[] plaintext = "secret of lit4j".getBytes(StandardCharsets.UTF_8);
    AccessControlConditions acc =
        AccessControlConditions.fromCanonicalJson(
            ConditionKind.ACCESS_CONTROL_CONDITIONS, conditions);
    String dataHash = TimeCrypt.dataToEncryptHash(plaintext);
    byte[] identity = TimeCrypt.accessControlIdentity(acc.hashHex(), dataHash);
    byte[] ciphertext = TimeCrypt.encrypt(net.blsPublicKey(), plaintext, identity);
    List<BlsSignatureShare> shares = new ArrayList<>();
    for (NodeCalls.Answer a : decryptionShares(conditions, dataHash)) {
      assertEquals(200, a.status(), a.body().toString());
      assertEquals("success", a.body().get("result").asText());
      assertTrue(
          a.body()
              .path("signatureShare")
              .path("ProofOfPossession")
              .asText()
              .matches("[0-9a-f]{194}"));
      BlsSignatureShare s = BlsSignatureShare.fromJson(a.body().get("signatureShare"));
      assertEquals(a.body().get("shareIndex").asInt() + 1, s.identifier());
      shares.add(s);
    }
    assertArrayEquals(
        plaintext,
        TimeCrypt.verifyAndDecrypt(net.blsPublicKey(), identity, ciphertext, shares.subList(0, 2)));
    assertArrayEquals(
        plaintext, TimeCrypt.verifyAndDecrypt(net.blsPublicKey(), identity, ciphertext, shares));
  }

  @Test
  void conditionsThatDoNotHoldAnswer401() throws Exception {
    for (NodeCalls.Answer a :
        decryptionShares(list(isAddress(net.devAccount(7))), "ab".repeat(32))) {
      assertEquals(401, a.status(), a.body().toString());
      assertEquals(
          "NodeAccessControlConditionsReturnedNotAuthorized", a.body().get("errorCode").asText());
    }
  }

  @Test
  void theJwtRouteSignsAnUnsignedJwtThatVerifiesUnderTheNetworkKey() throws Exception {
    long now = Instant.now().getEpochSecond();
    ObjectNode body = NodeCalls.object();
    body.set("accessControlConditions", list(hasBalance()));
    body.put("chain", "ethereum");
    body.put("iat", now);
    body.put("exp", now + 3600);
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(user, blockhash())));
    List<BlsSignatureShare> shares = new ArrayList<>();
    String unsigned = null;
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/signing/access_control_condition", body)) {
      assertEquals(200, a.status(), a.body().toString());
      unsigned = a.body().get("unsignedJwt").asText();
      shares.add(BlsSignatureShare.fromJson(a.body().get("signatureShare")));
    }
    SignedToken jwt = BlsJwt.verify(BlsJwt.signedJwt(unsigned, shares), net.blsPublicKey());
    assertEquals("LIT", jwt.payload().get("iss").asText());
    assertEquals(Keys.toChecksumAddress(user.getAddress()), jwt.payload().get("sub").asText());
    assertEquals(now, jwt.payload().get("iat").asLong());
    assertTrue(jwt.payload().get("evmContractConditions").isNull());
    assertEquals("BLS12-381", jwt.header().get("alg").asText());

    body.put("iat", now - 3600);
    NodeCalls.Answer late =
        NodeCalls.post(
            net.nodeUrls().get(0),
            "/web/signing/access_control_condition",
            body,
            NodeCalls.requestId());
    assertEquals(403, late.status());
    assertEquals("NodeIatOutsideGracePeriod", late.body().get("errorCode").asText());
  }

  @Test
  void evmContractConditionsCallTheContractOnTheLocalChain() throws Exception {
    ObjectNode cond = NodeCalls.object();
    cond.put("contractAddress", net.contracts().pkpNft());
    cond.put("functionName", "balanceOf");
    cond.putArray("functionParams").add(":userAddress");
    ObjectNode abi = cond.putObject("functionAbi");
    abi.put("name", "balanceOf");
    abi.putArray("inputs").addObject().put("name", "owner").put("type", "address");
    abi.putArray("outputs").addObject().put("name", "balance").put("type", "uint256");
    abi.put("constant", true);
    abi.put("stateMutability", "view");
    cond.put("chain", "ethereum");
    cond.putObject("returnValueTest").put("key", "").put("comparator", ">=").put("value", "1");
    ObjectNode body = NodeCalls.object();
    body.set("evmContractConditions", list(cond));
    body.put("dataToEncryptHash", "cd".repeat(32));
    body.put("chain", "ethereum");
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(user, blockhash())));
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/encryption/sign", body)) {
      assertEquals(200, a.status(), a.body().toString());
    }
    body.set(
        "authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(net.devAccount(8), blockhash())));
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/encryption/sign", body)) {
      assertEquals(401, a.status(), a.body().toString());
    }
  }

  @Test
  void aRequestWithoutConditionsIsNodeMissingAccessControlConditions() throws Exception {
    ObjectNode body = NodeCalls.object();
    body.put("dataToEncryptHash", "00".repeat(32));
    body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(user, blockhash())));
    NodeCalls.Answer a =
        NodeCalls.post(net.nodeUrls().get(0), "/web/encryption/sign", body, NodeCalls.requestId());
    assertEquals(400, a.status());
    assertEquals("NodeMissingAccessControlConditions", a.body().get("errorCode").asText());
  }
}
