package io.lit4j.localnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.localnet.actions.ActionCoordinator;
import io.lit4j.localnet.actions.ActionHost;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;

/** The node operations of one {@code /web/execute} request ({@code Lit.Actions.*}). */
final class ExecuteHost implements ActionHost {
  private final SimulatedNode node;
  private final String requestId;
  private final ValidatedAuth auth;
  private final List<PkpAuthorizer.VerifiedAuthMethod> methods;
  private final String cid;
  // shared with child actions (Lit.Actions.call), as the node's execution state is
  private final ObjectNode signedData;
  private final ObjectNode claimData;
  private final java.util.concurrent.atomic.AtomicInteger coordinatedOps;
  private final long startedNanos;

  ExecuteHost(
      SimulatedNode node,
      String requestId,
      ValidatedAuth auth,
      List<PkpAuthorizer.VerifiedAuthMethod> methods,
      String cid) {
    this(
        node,
        requestId,
        auth,
        methods,
        cid,
        LitJson.mapper().createObjectNode(),
        LitJson.mapper().createObjectNode(),
        new java.util.concurrent.atomic.AtomicInteger(),
        System.nanoTime());
  }

  private ExecuteHost(
      SimulatedNode node,
      String requestId,
      ValidatedAuth auth,
      List<PkpAuthorizer.VerifiedAuthMethod> methods,
      String cid,
      ObjectNode signedData,
      ObjectNode claimData,
      java.util.concurrent.atomic.AtomicInteger coordinatedOps,
      long startedNanos) {
    this.node = node;
    this.requestId = requestId;
    this.auth = auth;
    this.methods = methods;
    this.cid = cid;
    this.signedData = signedData;
    this.claimData = claimData;
    this.coordinatedOps = coordinatedOps;
    this.startedNanos = startedNanos;
  }

  @Override
  public String ipfsCode(String ipfsId) {
    return node.pinnedCode(ipfsId);
  }

  @Override
  public ActionHost child(String ipfsId) {
    return new ExecuteHost(
        node,
        requestId,
        auth,
        methods,
        ipfsId,
        signedData,
        claimData,
        coordinatedOps,
        startedNanos);
  }

  ObjectNode signedData() {
    synchronized (signedData) {
      return signedData.deepCopy();
    }
  }

  ObjectNode claimData() {
    synchronized (claimData) {
      return claimData.deepCopy();
    }
  }

  private static byte[] pubkey(String hex) {
    try {
      return Hex.decode(hex, "publicKey");
    } catch (LitException e) {
      throw new IllegalArgumentException("publicKey is not hex: " + e.getMessage());
    }
  }

  private void sign(byte[] digest, String publicKey, String sigName, int scope) {
    byte[] pk = pubkey(publicKey);
    node.pkpAuthorizer()
        .check(pk, scope, methods, List.of(cid), auth.userAddress(), auth.userAddressError());
    Optional<EcdsaSignatureShare> share = node.ecdsaShare(pk, digest, requestId, sigName);
    synchronized (signedData) {
      signedData.set(
          sigName,
          share
              .map(EcdsaShareJson::writeExecute)
              .orElseGet(() -> EcdsaShareJson.writeEmptyExecute(sigName)));
    }
  }

  @Override
  public void signEcdsa(byte[] toSign, String publicKey, String sigName) {
    sign(toSign, publicKey, sigName, PkpAuthorizer.SCOPE_SIGN_ANYTHING);
  }

  @Override
  public void ethPersonalSignMessageEcdsa(byte[] message, String publicKey, String sigName) {
    sign(
        EthHash.personalMessageHash(message),
        publicKey,
        sigName,
        PkpAuthorizer.SCOPE_PERSONAL_SIGN);
  }

  @Override
  public boolean checkConditions(JsonNode conditions, JsonNode authSig, String chain) {
    AccessControlConditions acc =
        AccessControlConditions.fromCanonicalJson(
            ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS, conditions);
    ValidatedAuth a =
        conditionAuth(authSig, acc.hashHex(), LitAbility.ACCESS_CONTROL_CONDITION_SIGNING, chain);
    return node.evaluate(acc, a, Optional.of(cid));
  }

  /**
   * The action's own auth, or the auth of {@code authSig} when the action passes one, checked for
   * {@code ability} over the condition resource {@code resourceId}.
   */
  private ValidatedAuth conditionAuth(
      JsonNode authSig, String resourceId, LitAbility ability, String chain) {
    if (authSig == null || authSig.isNull()) return auth;
    AuthSig sig = AuthValidator.parseAuthSig(authSig, true);
    return node.authValidator()
        .validate(sig, new AuthResource("lit-accesscontrolcondition", resourceId, ability), chain);
  }

  @Override
  public String getLatestNonce(String address, String chain) {
    return "0x" + node.chain().transactionCount(address).toString(16);
  }

  @Override
  public String getRpcUrl(String chain) {
    return node.config().rpcUrl();
  }

  @Override
  public String callContract(String chain, String txnHex) {
    RawTransaction tx;
    try {
      tx = TransactionDecoder.decode(txnHex);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "txn is not an RLP-encoded transaction: " + e.getMessage());
    }
    byte[] data =
        tx.getData() == null || tx.getData().isEmpty()
            ? new byte[0]
            : Hex.decode(tx.getData(), "txn.data");
    return Hex.encode0x(node.chain().call(null, tx.getTo(), data));
  }

  @Override
  public void claimKey(String keyId) {
    byte[] derived = EthHash.keccak256Utf8(cid + "_" + keyId);
    ObjectNode entry = LitJson.mapper().createObjectNode();
    entry.put("signature", Hex.encode(node.nodeWalletSign(derived)));
    entry.put("derivedKeyId", Hex.encode(derived));
    synchronized (claimData) {
      claimData.set(keyId, entry);
    }
  }

  private static BigInteger tokenId(JsonNode args) {
    JsonNode t = args.get("tokenId");
    if (t == null || t.isNull()) throw new IllegalArgumentException("tokenId is required");
    String s = t.asText();
    return s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
  }

  private static byte[] bytes(JsonNode arr, String field) {
    if (arr == null || !arr.isArray()) throw new IllegalArgumentException(field + " must be bytes");
    byte[] out = new byte[arr.size()];
    for (int i = 0; i < out.length; i++) out[i] = (byte) arr.get(i).asInt();
    return out;
  }

  @Override
  public JsonNode permissions(String operation, JsonNode args) {
    ChainReader chain = node.chain();
    var f = LitJson.mapper().getNodeFactory();
    switch (operation) {
      case "isPermittedAction" -> {
        return f.booleanNode(
            chain.isPermittedAction(tokenId(args), IpfsCid.toBytes(args.path("ipfsId").asText())));
      }
      case "isPermittedAddress" -> {
        return f.booleanNode(
            chain.isPermittedAddress(tokenId(args), args.path("address").asText()));
      }
      case "isPermittedAuthMethod" -> {
        BigInteger t = tokenId(args);
        BigInteger type = new BigInteger(args.path("authMethodType").asText());
        byte[] id = bytes(args.get("userId"), "userId");
        return f.booleanNode(
            chain.permittedAuthMethods(t).stream()
                .anyMatch(m -> m.type().equals(type) && java.util.Arrays.equals(m.id(), id)));
      }
      case "getPermittedActions" -> {
        ArrayNode a = f.arrayNode();
        chain.permittedActions(tokenId(args)).forEach(c -> a.add(IpfsCid.fromBytes(c)));
        return a;
      }
      case "getPermittedAddresses" -> {
        ArrayNode a = f.arrayNode();
        chain.permittedAddresses(tokenId(args)).forEach(a::add);
        return a;
      }
      case "getPermittedAuthMethods" -> {
        ArrayNode a = f.arrayNode();
        for (ChainReader.PermittedMethod m : chain.permittedAuthMethods(tokenId(args))) {
          ObjectNode o = a.addObject();
          o.put("auth_method_type", m.type().toString());
          o.put("id", Hex.encode0x(m.id()));
          o.put("user_pubkey", Hex.encode0x(m.userPubkey()));
        }
        return a;
      }
      case "getPermittedAuthMethodScopes" -> {
        int max = args.path("maxScopeId").asInt(100);
        ArrayNode a = f.arrayNode();
        chain
            .permittedScopes(
                tokenId(args),
                new BigInteger(args.path("authMethodType").asText()),
                bytes(args.get("userId"), "userId"),
                max)
            .forEach(a::add);
        return a;
      }
      default -> throw new IllegalArgumentException("unknown permissions operation " + operation);
    }
  }

  @Override
  public JsonNode authContext() {
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.putArray("actionIpfsIds").add(cid);
    if (auth.userAddress().isPresent()) o.put("authSigAddress", auth.userAddress().get());
    else o.putNull("authSigAddress");
    ArrayNode ctx = o.putArray("authMethodContexts");
    for (PkpAuthorizer.VerifiedAuthMethod m : methods) {
      ObjectNode c = ctx.addObject();
      c.put("userId", m.userId());
      c.put("appId", m.appId());
      c.put("authMethodType", m.type());
      c.put("usedForSignSessionKeyRequest", false);
    }
    ArrayNode res = o.putArray("resources");
    auth.resources().forEach(res::add);
    o.put("customAuthResource", "");
    return o;
  }

  // ---------------------------------------------------------------- ops across the nodes

  /** Every node's value for this op of this execution (rounds keyed by request id and op order). */
  private Map<Integer, String> exchange(String kind, String name, String value) {
    String key = requestId + "#" + coordinatedOps.incrementAndGet() + ":" + kind + ":" + name;
    SimulatedNodeConfig c = node.config();
    try {
      // wait for the other nodes at most until a fifth of the action's time is left, so the op
      // throws inside the action (which may catch it) rather than the whole action timing out
      java.time.Duration timeout = node.actions().timeout();
      long leftNanos =
          timeout.toNanos() - (System.nanoTime() - startedNanos) - timeout.toNanos() / 5;
      return node.actions()
          .coordinator()
          .exchange(
              key,
              c.nodeCount(),
              c.shareIndex(),
              value,
              java.time.Duration.ofNanos(Math.max(0, leftNanos)));
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Lit.Actions." + kind + " '" + name + "': " + e.getMessage());
    }
  }

  @Override
  public JsonNode encrypt(JsonNode args, byte[] plaintext) {
    AccessControlConditions acc = SimulatedNode.readConditions(args);
    String dataHash = TimeCrypt.dataToEncryptHash(plaintext);
    byte[] ciphertext =
        TimeCrypt.encrypt(
            node.config().blsPublicKey(),
            plaintext,
            TimeCrypt.accessControlIdentity(acc.hashHex(), dataHash));
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
    o.put("dataToEncryptHash", dataHash);
    return o;
  }

  @Override
  public List<String> broadcastAndCollect(String name, String value) {
    Map<Integer, String> all = exchange("broadcastAndCollect", name, value);
    List<String> out = new ArrayList<>();
    all.forEach(
        (i, v) -> {
          if (i != node.config().shareIndex()) out.add(v);
        });
    out.add(value);
    return out;
  }

  @Override
  public boolean isLeader() {
    return ActionCoordinator.leader(requestId, node.config().nodeCount())
        == node.config().shareIndex();
  }

  @Override
  public String runOnceResult(String name, String leaderResult) {
    int leader = ActionCoordinator.leader(requestId, node.config().nodeCount());
    String v =
        exchange("runOnce", name, leader == node.config().shareIndex() ? leaderResult : null)
            .get(leader);
    return v == null ? "[ERROR]" : v;
  }

  @Override
  public String signAndCombineEcdsa(byte[] toSign, String publicKey, String sigName) {
    byte[] pk = pubkey(publicKey);
    node.pkpAuthorizer()
        .check(
            pk,
            PkpAuthorizer.SCOPE_SIGN_ANYTHING,
            methods,
            List.of(cid),
            auth.userAddress(),
            auth.userAddressError());
    Optional<EcdsaSignatureShare> own = node.ecdsaShare(pk, toSign, requestId, sigName);
    String mine = own.map(sh -> LitJson.write(EcdsaShareJson.writeExecute(sh))).orElse("");
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    for (String v : exchange("signAndCombineEcdsa", sigName, mine).values()) {
      if (v != null && !v.isEmpty())
        EcdsaShareJson.parseExecute(LitJson.parse(v, "signature share")).ifPresent(shares::add);
    }
    EcdsaSignature sig = EcdsaShareCombiner.combine(shares, node.config().threshold());
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("r", String.format("%02x", 2 + (sig.recid() & 1)) + sig.rHex());
    o.put("s", sig.sHex());
    o.put("v", sig.recid());
    return LitJson.write(o);
  }

  @Override
  public String decrypt(JsonNode args, boolean singleNode) {
    String kind = singleNode ? "decryptToSingleNode" : "decryptAndCombine";
    AccessControlConditions acc = SimulatedNode.readConditions(args);
    String dataHash = requiredText(args, "dataToEncryptHash");
    String ciphertextB64 = requiredText(args, "ciphertext");
    String chain = requiredText(args, "chain");
    byte[] ciphertext;
    try {
      ciphertext = Base64.getDecoder().decode(ciphertextB64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ciphertext is not base64: " + e.getMessage());
    }
    ValidatedAuth a =
        conditionAuth(
            args.get("authSig"),
            acc.hashHex() + "/" + dataHash,
            LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION,
            chain);
    if (!node.evaluate(acc, a, Optional.of(cid))) {
      throw NodeError.of(
          NodeErrorCode.NodeAccessControlConditionsReturnedNotAuthorized,
          "The access control conditions returned false");
    }
    byte[] identity = TimeCrypt.accessControlIdentity(acc.hashHex(), dataHash);
    String mine = node.blsShare(identity).toHex();
    Map<Integer, String> all = exchange(kind, dataHash, mine);
    if (singleNode && !isLeader()) return "";
    List<BlsSignatureShare> shares = new ArrayList<>();
    for (String v : all.values()) shares.add(BlsSignatureShare.fromHex(v));
    byte[] plaintext =
        TimeCrypt.verifyAndDecrypt(node.config().blsPublicKey(), identity, ciphertext, shares);
    return new String(plaintext, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String requiredText(JsonNode args, String field) {
    JsonNode v = args.get(field);
    if (v == null || v.isNull()) throw new IllegalArgumentException(field + " is required");
    if (!v.isTextual()) throw new IllegalArgumentException(field + " must be a string");
    return v.textValue();
  }
}
