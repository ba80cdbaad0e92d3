package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * Validators join and leave through Staking at run time, and the keys follow: after each epoch
 * change the network key, the HD roots and a PKP minted before are unchanged, the new set signs and
 * decrypts with the threshold Staking reports, and a removed node stops serving.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-epochs", rateLimiting = false)
class EpochChangeTest {

  @Test
  void nodesJoinAndLeaveByEpochAndTheKeysStayTheNetworks(LocalLitNetwork net) throws Exception {
    Credentials owner = net.devAccount(2);
    MintedPkp pkp;
    try (LitContracts c =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(owner)
            .build()) {
      pkp = c.pkps().mintNext();
    }
    String networkKey = net.networkPublicKey();
    byte[] plaintext = "kept across epochs".getBytes(StandardCharsets.UTF_8);
    AccessControlConditions acc =
        AccessControlConditions.fromCanonicalJson(
            ConditionKind.ACCESS_CONTROL_CONDITIONS, conditions());
    String dataHash = TimeCrypt.dataToEncryptHash(plaintext);
    byte[] identity = TimeCrypt.accessControlIdentity(acc.hashHex(), dataHash);
    byte[] ciphertext = TimeCrypt.encrypt(net.blsPublicKey(), plaintext, identity);
    assertEquals(1, net.epoch());
    signsAndDecrypts(net, owner, pkp, ciphertext, identity, dataHash, 2);

    // two join: 5 validators, threshold 3
    String joined1 = net.addNode();
    String joined2 = net.addNode();
    assertFalse(net.nodeUrls().contains(joined1), "a joining node serves from the next epoch on");
    assertEquals(
        List.of(net.nodeUrls().get(0), net.nodeUrls().get(1), net.nodeUrls().get(2)),
        stakingUrls(net));
    assertEquals(2, net.advanceEpoch());
    assertEquals(5, net.nodeUrls().size());
    assertTrue(net.nodeUrls().containsAll(List.of(joined1, joined2)));
    assertEquals(
        net.nodeUrls(),
        stakingUrls(net),
        "the nodes are Staking's current validators, in staker-address order");
    assertEquals(3, net.minNodeCount());
    assertEquals(networkKey, net.networkPublicKey());
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/handshake", handshake())) {
      assertEquals(200, a.status(), a.body().toString());
      assertEquals(
          networkKey,
          a.body().get("networkPublicKey").asText(),
          "the new set reports the same network key");
      assertEquals(
          net.hdRootPubkeys(),
          LitJson.mapper().convertValue(a.body().get("hdRootPubkeys"), List.class));
    }
    signsAndDecrypts(net, owner, pkp, ciphertext, identity, dataHash, 3);

    // one leaves: 4 validators, threshold 2; it serves until the epoch advances
    String leaving = net.nodeUrls().get(0);
    net.removeNode(0);
    assertTrue(net.nodeUrls().contains(leaving));
    assertEquals(3, net.advanceEpoch());
    assertEquals(4, net.nodeUrls().size());
    assertFalse(net.nodeUrls().contains(leaving));
    assertEquals(net.nodeUrls(), stakingUrls(net));
    assertEquals(2, net.minNodeCount());
    assertFalse(
        ProcessLeaks.listening(URI.create(leaving).getPort()), "a removed node stops serving");
    signsAndDecrypts(net, owner, pkp, ciphertext, identity, dataHash, 2);

    assertThrows(LitValidationException.class, () -> net.removeNode(9));
  }

  /**
   * pkpSign on every node combines to the PKP's signature with exactly t shares; decryption shares
   * decrypt.
   */
  private static void signsAndDecrypts(
      LocalLitNetwork net,
      Credentials owner,
      MintedPkp pkp,
      byte[] ciphertext,
      byte[] identity,
      String dataHash,
      int threshold)
      throws Exception {
    String blockhash =
        net.anvil()
            .web3j()
            .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock()
            .getHash();
    JsonNode authSig = NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, blockhash));
    byte[] digest = EthHash.keccak256(("epoch " + net.epoch()).getBytes(StandardCharsets.UTF_8));
    ObjectNode sign = NodeCalls.object();
    ArrayNode arr = sign.putArray("toSign");
    for (byte x : digest) arr.add(x & 0xff);
    sign.put("pubkey", "0x" + pkp.publicKey().hex());
    sign.set("authSig", authSig);
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/pkp/sign", sign)) {
      assertEquals(200, a.status(), a.body().toString());
      EcdsaShareJson.parsePkpSign(a.body().get("signatureShare")).ifPresent(shares::add);
    }
    assertEquals(threshold, shares.size(), "the signing subset has the threshold Staking reports");
    EcdsaSignature sig = EcdsaShareCombiner.combine(shares, threshold);
    assertTrue(sig.verify());
    assertEquals(pkp.ethAddress().lowercaseHex(), sig.recoverAddress().lowercaseHex());

    ObjectNode share = NodeCalls.object();
    share.set("accessControlConditions", conditions());
    share.put("dataToEncryptHash", dataHash);
    share.put("chain", "ethereum");
    share.set("authSig", authSig);
    List<BlsSignatureShare> bls = new ArrayList<>();
    for (NodeCalls.Answer a : NodeCalls.all(net, "/web/encryption/sign", share)) {
      assertEquals(200, a.status(), a.body().toString());
      bls.add(BlsSignatureShare.fromJson(a.body().get("signatureShare")));
    }
    byte[] plaintext =
        TimeCrypt.verifyAndDecrypt(
            net.blsPublicKey(), identity, ciphertext, bls.subList(0, Math.max(2, threshold)));
    assertArrayEquals("kept across epochs".getBytes(StandardCharsets.UTF_8), plaintext);
  }

  private static ObjectNode handshake() {
    ObjectNode o = NodeCalls.object();
    o.put("clientPublicKey", "test");
    o.put("challenge", "00");
    return o;
  }

  private static ArrayNode conditions() {
    return NodeCalls.balanceConditions(">=", "0");
  }

  /** Staking's current validators as the SDK builds their URLs. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<String> stakingUrls(LocalLitNetwork net) throws Exception {
    String staking = net.contracts().staking();
    Function current =
        new Function(
            "getValidatorsInCurrentEpoch",
            List.of(),
            List.of(new TypeReference<DynamicArray<Address>>() {}));
    List<Address> stakers =
        (List<Address>)
            FunctionReturnDecoder.decode(
                    ethCall(net, staking, FunctionEncoder.encode(current)),
                    current.getOutputParameters())
                .get(0)
                .getValue();
    // the nodes number themselves by staker address, whatever order Staking lists them in
    stakers = new ArrayList<>(stakers);
    stakers.sort(
        java.util.Comparator.comparing(a -> a.getValue().toLowerCase(java.util.Locale.ROOT)));
    List<String> urls = new ArrayList<>();
    for (Address s : stakers) {
      Function v =
          new Function(
              "validators",
              List.of(s),
              List.of(
                  new TypeReference<Uint256>() {},
                  new TypeReference<Uint256>() {},
                  new TypeReference<Uint256>() {}));
      List<Type> out =
          FunctionReturnDecoder.decode(
              ethCall(net, staking, FunctionEncoder.encode(v)), v.getOutputParameters());
      long ip = ((BigInteger) out.get(0).getValue()).longValue();
      urls.add(
          "http://"
              + ((ip >> 24) & 255)
              + "."
              + ((ip >> 16) & 255)
              + "."
              + ((ip >> 8) & 255)
              + "."
              + (ip & 255)
              + ":"
              + out.get(2).getValue());
    }
    return urls;
  }

  private static String ethCall(LocalLitNetwork net, String to, String data) throws Exception {
    return net.anvil()
        .web3j()
        .ethCall(
            Transaction.createEthCallTransaction(null, to, data), DefaultBlockParameterName.LATEST)
        .send()
        .getValue();
  }
}
