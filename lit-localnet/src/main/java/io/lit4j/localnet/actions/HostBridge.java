package io.lit4j.localnet.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.web3j.crypto.Hash;

/**
 * The one Java object a Lit Action's JS can reach ({@code __lit}). Every method takes and returns
 * strings (JSON where structured) and enforces the node's per-execution limits.
 */
public final class HostBridge {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ActionHost host;
  private final ActionExecution execution;
  private final int depth;

  HostBridge(ActionHost host) {
    this(host, new ActionExecution(null, Long.MAX_VALUE), 0);
  }

  HostBridge(ActionHost host, ActionExecution execution, int depth) {
    this.host = host;
    this.execution = execution;
    this.depth = depth;
  }

  /** {@return the auth context the action sees as {@code Lit.Auth}} */
  JsonNode authContext() {
    return host.authContext();
  }

  ActionExecution execution() {
    return execution;
  }

  String logs() {
    return execution.logs();
  }

  String response() {
    return execution.response();
  }

  /**
   * {@code console.log}: appends one line to the action's logs.
   *
   * @param line the line to append
   * @throws IllegalStateException when the console output limit is exceeded
   */
  @HostAccess.Export
  public void log(String line) {
    execution.log(line);
  }

  /**
   * {@code Date.now()}.
   *
   * @return milliseconds since the Unix epoch
   */
  @HostAccess.Export
  public double now() {
    return System.currentTimeMillis();
  }

  /**
   * {@code Lit.Actions.setResponse}: sets the action's response.
   *
   * @param value the response text
   * @throws IllegalStateException when the response is too large
   */
  @HostAccess.Export
  public void setResponse(String value) {
    execution.setResponse(value);
  }

  /**
   * {@code atob}: decodes base64 to a Latin-1 string.
   *
   * @param b64 base64 text
   * @return one character per decoded byte
   */
  @HostAccess.Export
  public String atob(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.ISO_8859_1);
  }

  /**
   * {@code btoa}: encodes a Latin-1 string as base64.
   *
   * @param latin1 one character per byte
   * @return base64 text
   */
  @HostAccess.Export
  public String btoa(String latin1) {
    return Base64.getEncoder().encodeToString(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Random bytes (at most 65,536) for {@code crypto.getRandomValues}.
   *
   * @param n how many bytes
   * @return the bytes as a JSON array of numbers
   */
  @HostAccess.Export
  public String randomBytes(int n) {
    byte[] b = new byte[Math.max(0, Math.min(n, 65_536))];
    RANDOM.nextBytes(b);
    return BridgeBytes.toJson(b);
  }

  /**
   * {@code TextEncoder.encode}: UTF-8 bytes of a string.
   *
   * @param s the string
   * @return the bytes as a JSON array of numbers
   */
  @HostAccess.Export
  public String utf8Encode(String s) {
    return BridgeBytes.toJson(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code TextDecoder.decode}: a string from UTF-8 bytes.
   *
   * @param json the bytes as a JSON array of numbers
   * @return the decoded string
   */
  @HostAccess.Export
  public String utf8Decode(String json) {
    return new String(BridgeBytes.fromJson(json, "bytes"), StandardCharsets.UTF_8);
  }

  /**
   * Bytes as a string in an encoding ({@code utf8}, {@code hex}/{@code base16}, {@code base64},
   * {@code base64url}).
   *
   * @param json the bytes as a JSON array of numbers
   * @param encoding the encoding name
   * @return the encoded string
   */
  @HostAccess.Export
  public String bytesToString(String json, String encoding) {
    return BridgeBytes.encode(BridgeBytes.fromJson(json, "array"), encoding);
  }

  /**
   * Bytes from a string in an encoding ({@code utf8}, {@code hex}/{@code base16}, {@code base64},
   * {@code base64url}).
   *
   * @param s the encoded string
   * @param encoding the encoding name
   * @return the bytes as a JSON array of numbers
   */
  @HostAccess.Export
  public String bytesFromString(String s, String encoding) {
    return BridgeBytes.toJson(BridgeBytes.decode(s, encoding));
  }

  /**
   * {@code Lit.Actions.pubkeyToTokenId}: keccak256 of the public key.
   *
   * @param publicKey the public key, hex
   * @return the token id, {@code 0x} hex
   */
  @HostAccess.Export
  public String pubkeyToTokenId(String publicKey) {
    return "0x" + Hex.encode(Hash.sha3(Hex.decode(publicKey, "publicKey")));
  }

  /**
   * {@code Lit.Actions.signEcdsa}: records this node's share over a 32-byte digest.
   *
   * @param toSignJson the digest as a JSON array of numbers
   * @param publicKey the PKP public key, hex
   * @param sigName the name the share is recorded under
   */
  @HostAccess.Export
  public void signEcdsa(String toSignJson, String publicKey, String sigName) {
    execution.countSignOp();
    host.signEcdsa(BridgeBytes.digest(toSignJson), publicKey, sigName);
  }

  /**
   * {@code Lit.Actions.ethPersonalSignMessageEcdsa}: signs the EIP-191 hash of a message.
   *
   * @param messageJson the message as a JSON array of numbers
   * @param publicKey the PKP public key, hex
   * @param sigName the name the share is recorded under
   */
  @HostAccess.Export
  public void ethPersonalSignMessageEcdsa(String messageJson, String publicKey, String sigName) {
    execution.countSignOp();
    host.ethPersonalSignMessageEcdsa(
        BridgeBytes.fromJson(messageJson, "message"), publicKey, sigName);
  }

  /**
   * {@code Lit.Actions.checkConditions}.
   *
   * @param conditionsJson the unified conditions, JSON
   * @param authSigJson the auth sig, JSON, or null for the request's
   * @param chain the chain name
   * @return whether the conditions are met
   */
  @HostAccess.Export
  public boolean checkConditions(String conditionsJson, String authSigJson, String chain) {
    if (chain == null) throw new IllegalArgumentException("chain is required");
    JsonNode authSig = authSigJson == null ? null : LitJson.parse(authSigJson, "authSig");
    return host.checkConditions(LitJson.parse(conditionsJson, "conditions"), authSig, chain);
  }

  /**
   * {@code Lit.Actions.getLatestNonce}.
   *
   * @param address the account address
   * @param chain the chain name
   * @return the transaction count, {@code 0x} hex
   */
  @HostAccess.Export
  public String getLatestNonce(String address, String chain) {
    return host.getLatestNonce(address, chain);
  }

  /**
   * {@code Lit.Actions.getRpcUrl}.
   *
   * @param chain the chain name
   * @return the RPC URL the node uses
   */
  @HostAccess.Export
  public String getRpcUrl(String chain) {
    return host.getRpcUrl(chain);
  }

  /**
   * {@code Lit.Actions.callContract}.
   *
   * @param chain the chain name
   * @param txn the unsigned RLP transaction, hex
   * @return the call's result, hex
   */
  @HostAccess.Export
  public String callContract(String chain, String txn) {
    execution.countContractCall();
    return host.callContract(chain, txn);
  }

  /**
   * {@code Lit.Actions.claimKey}.
   *
   * @param keyId the key id to claim
   */
  @HostAccess.Export
  public void claimKey(String keyId) {
    host.claimKey(keyId);
  }

  /**
   * Permission reads ({@code Lit.Actions.isPermittedAction} and the like).
   *
   * @param operation the read's name
   * @param argsJson the read's arguments, JSON
   * @return the result, JSON
   */
  @HostAccess.Export
  public String permissions(String operation, String argsJson) {
    return LitJson.write(
        host.permissions(operation, LitJson.parse(argsJson, operation + " arguments")));
  }

  /**
   * {@code Lit.Actions.encrypt}.
   *
   * @param argsJson the arguments without {@code to_encrypt}, JSON
   * @param plaintextJson {@code to_encrypt} as a JSON array of numbers
   * @return {@code {ciphertext, dataToEncryptHash}}, JSON
   */
  @HostAccess.Export
  public String encrypt(String argsJson, String plaintextJson) {
    return LitJson.write(
        host.encrypt(
            LitJson.parse(argsJson, "encrypt arguments"),
            BridgeBytes.fromJson(plaintextJson, "to_encrypt")));
  }

  /**
   * {@code Lit.Actions.broadcastAndCollect}.
   *
   * @param name the round's name
   * @param value this node's value
   * @return every node's value (this node's last), JSON array of strings
   */
  @HostAccess.Export
  public String broadcastAndCollect(String name, String value) {
    return outcome(
        () -> {
          execution.countBroadcastOp();
          return LitJson.write(host.broadcastAndCollect(name, value));
        });
  }

  /**
   * Whether this node leads {@code runOnce}.
   *
   * @return whether this node is the leader
   */
  @HostAccess.Export
  public boolean isLeader() {
    return host.isLeader();
  }

  /**
   * {@code Lit.Actions.runOnce} with {@code waitForResponse}: shares the leader's result.
   *
   * @param name the round's name
   * @param leaderResult the result on the leader, null elsewhere
   * @return the leader's result
   */
  @HostAccess.Export
  public String runOnceResult(String name, String leaderResult) {
    return outcome(
        () -> {
          execution.countBroadcastOp();
          return host.runOnceResult(name, leaderResult);
        });
  }

  /**
   * {@code Lit.Actions.signAndCombineEcdsa}.
   *
   * @param toSignJson the digest as a JSON array of numbers
   * @param publicKey the PKP public key, hex
   * @param sigName the signature's name
   * @return the combined signature, JSON string
   */
  @HostAccess.Export
  public String signAndCombineEcdsa(String toSignJson, String publicKey, String sigName) {
    return outcome(
        () -> {
          execution.countSignOp();
          execution.countBroadcastOp();
          return host.signAndCombineEcdsa(BridgeBytes.digest(toSignJson), publicKey, sigName);
        });
  }

  /**
   * {@code Lit.Actions.decryptAndCombine} and {@code decryptToSingleNode}.
   *
   * @param argsJson the op's arguments, JSON
   * @param singleNode whether only the leader decrypts
   * @return the plaintext (or {@code ""} off the leader when {@code singleNode})
   */
  @HostAccess.Export
  public String decrypt(String argsJson, boolean singleNode) {
    return outcome(
        () -> {
          execution.countBroadcastOp();
          return host.decrypt(
              LitJson.parse(
                  argsJson,
                  singleNode ? "decryptToSingleNode arguments" : "decryptAndCombine arguments"),
              singleNode);
        });
  }

  /**
   * Runs a coordinated operation and returns {@code {"ok": result}} or {@code {"error": message}}.
   * These operations block while the other nodes arrive; their failures come back as values so the
   * prelude raises them as ordinary JS errors the action can always catch, instead of host
   * exceptions crossing the polyglot boundary after a long host call.
   */
  private String outcome(java.util.function.Supplier<String> op) {
    var out = LitJson.mapper().createObjectNode();
    try {
      out.put("ok", op.get());
    } catch (ActionFailure fatal) {
      throw fatal;
    } catch (RuntimeException e) {
      if (execution.fatal != null) throw execution.fatal;
      out.put("error", errorText(e));
    }
    return LitJson.write(out);
  }

  /** An op's failure as the action sees it: the message, never a bare Java class name. */
  private static String errorText(RuntimeException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? "operation failed (" + e.getClass().getSimpleName() + ")" : m;
  }

  /**
   * {@code Lit.Actions.aesDecrypt}: AES-256-CBC, the IV being the first 16 bytes of the ciphertext,
   * PKCS#7 padding removed (v4 {@code functions/aes.rs}, libaes with auto padding).
   *
   * @param keyJson the 32-byte key as a JSON array of numbers
   * @param ciphertextJson IV then ciphertext, as a JSON array of numbers
   * @return {@code {"ok": plaintext hex}} or {@code {"error": message}}
   */
  @HostAccess.Export
  public String aesDecrypt(String keyJson, String ciphertextJson) {
    return outcome(
        () ->
            ActionCrypto.aesDecryptHex(
                BridgeBytes.fromJson(keyJson, "symmetricKey"),
                BridgeBytes.fromJson(ciphertextJson, "ciphertext")));
  }

  /**
   * {@code Lit.Actions.call}: runs the action pinned under {@code ipfsId} as a child of this one
   * (same logs, response and counters; its own context and {@code Lit.Auth.actionIpfsIds}).
   *
   * @param ipfsId the child's CIDv0
   * @param paramsJson the child's {@code jsParams}, JSON, or null
   * @return {@code {"ok": the response after the child ran}} or {@code {"error": message}}
   */
  @HostAccess.Export
  public String callChild(String ipfsId, String paramsJson) {
    return outcome(
        () -> {
          if (ipfsId.isBlank()) throw new IllegalArgumentException("ipfsId must not be blank");
          if (depth + 1 > ActionExecution.MAX_CALL_DEPTH) {
            throw new IllegalStateException(
                "The recursion limit of a child action is "
                    + ActionExecution.MAX_CALL_DEPTH
                    + " and you have attempted to exceed that limit.");
          }
          String code = host.ipfsCode(ipfsId);
          JsonNode params = paramsJson == null ? null : LitJson.parse(paramsJson, "params");
          HostBridge child = new HostBridge(host.child(ipfsId), execution, depth + 1);
          execution.runtime.runChild(
              code, params != null && params.isObject() ? params : null, child);
          return execution.response();
        });
  }

  /**
   * {@code fetch}: one outbound HTTP request, counted against the per-execution limit.
   *
   * @param requestJson {@code {url, method, headers: [[name, value]], body: base64 | null}}
   * @return {@code {status, statusText, url, redirected, headers: [[name, value]], body: base64}}
   *     or {@code {error}} for a network failure
   */
  @HostAccess.Export
  public String fetch(String requestJson) {
    execution.countFetch();
    return execution
        .runtime
        .fetcher()
        .fetch(LitJson.parse(requestJson, "fetch request"), execution);
  }

  /**
   * A string from base64-encoded UTF-8 ({@code Response.text()}).
   *
   * @param b64 base64 of the bytes
   * @return the decoded text
   */
  @HostAccess.Export
  public String utf8DecodeBase64(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  /**
   * Loads {@code ethers} into this action's context: the getter the prelude puts in its place runs
   * this on first use, for actions whose code does not name {@code ethers} (those get a context
   * with it loaded ahead).
   */
  @HostAccess.Export
  public void loadEthers() {
    execution.runtime.loadEthersInto(Context.getCurrent());
  }
}
