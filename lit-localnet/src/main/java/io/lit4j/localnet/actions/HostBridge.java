package io.lit4j.localnet.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.graalvm.polyglot.HostAccess;
import org.web3j.crypto.Hash;

/**
 * The one Java object a Lit Action's JS can reach ({@code __lit}). Every method takes and returns
 * strings (JSON where structured) and enforces the node's per-execution limits.
 */
public final class HostBridge {
  static final int MAX_LOG_BYTES = 102_400;
  static final int MAX_RESPONSE_BYTES = 102_400;
  static final int MAX_SIGN_OPS = 10;
  static final int MAX_BROADCAST_OPS = 30;
  static final int MAX_FETCH_COUNT = 50;
  static final int MAX_CONTRACT_CALLS = 30;
  static final int MAX_CALL_DEPTH = 5;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ActionHost host;
  private final Execution execution;
  private final int depth;

  /**
   * What one execution shares across its child actions ({@code Lit.Actions.call}), as the node's
   * execution state does: logs, response, operation counters, deadline.
   */
  static final class Execution {
    final LitActionRuntime runtime;

    /** Set when the top-level action starts running (preparing its context is not its time). */
    volatile long deadlineMillis;

    final StringBuilder logs = new StringBuilder();
    final java.util.List<org.graalvm.polyglot.Context> contexts =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    int logBytes;
    String response = "";
    int signOps;
    int broadcastOps;
    int fetchCount;
    int contractCalls;

    /** A failure that ends the whole execution (time or memory), raised from inside an op. */
    volatile ActionFailure fatal;

    Execution(LitActionRuntime runtime, long deadlineMillis) {
      this.runtime = runtime;
      this.deadlineMillis = deadlineMillis;
    }
  }

  HostBridge(ActionHost host) {
    this(host, new Execution(null, Long.MAX_VALUE), 0);
  }

  HostBridge(ActionHost host, Execution execution, int depth) {
    this.host = host;
    this.execution = execution;
    this.depth = depth;
  }

  /** {@return the auth context the action sees as {@code Lit.Auth}} */
  JsonNode authContext() {
    return host.authContext();
  }

  Execution execution() {
    return execution;
  }

  String logs() {
    synchronized (execution) {
      return execution.logs.toString();
    }
  }

  String response() {
    return execution.response;
  }

  /**
   * {@code console.log}: appends one line to the action's logs.
   *
   * @param line the line to append
   * @throws IllegalStateException when the console output limit is exceeded
   */
  @HostAccess.Export
  public void log(String line) {
    int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
    synchronized (execution) {
      if (execution.logBytes + size > MAX_LOG_BYTES) {
        throw new IllegalStateException(
            "Console.log is printing something that is too long. Max length for all logs in a single request is "
                + MAX_LOG_BYTES
                + " bytes");
      }
      execution.logBytes += size;
      execution.logs.append(line).append('\n');
    }
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
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_RESPONSE_BYTES) {
      throw new IllegalStateException(
          "Response is too long. Max length is " + MAX_RESPONSE_BYTES + " bytes");
    }
    execution.response = value;
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
    return bytesToJson(b);
  }

  /**
   * {@code TextEncoder.encode}: UTF-8 bytes of a string.
   *
   * @param s the string
   * @return the bytes as a JSON array of numbers
   */
  @HostAccess.Export
  public String utf8Encode(String s) {
    return bytesToJson(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code TextDecoder.decode}: a string from UTF-8 bytes.
   *
   * @param json the bytes as a JSON array of numbers
   * @return the decoded string
   */
  @HostAccess.Export
  public String utf8Decode(String json) {
    return new String(jsonToBytes(json, "bytes"), StandardCharsets.UTF_8);
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
    byte[] b = jsonToBytes(json, "array");
    return switch (encoding.toLowerCase()) {
      case "utf8", "utf-8" -> new String(b, StandardCharsets.UTF_8);
      case "base16", "hex" -> Hex.encode(b);
      case "base64" -> Base64.getEncoder().encodeToString(b);
      case "base64url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      default -> throw new IllegalArgumentException("unsupported encoding " + encoding);
    };
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
    byte[] b =
        switch (encoding.toLowerCase()) {
          case "utf8", "utf-8" -> s.getBytes(StandardCharsets.UTF_8);
          case "base16", "hex" -> Hex.decode(s, "string");
          case "base64" -> Base64.getDecoder().decode(s);
          case "base64url" -> Base64.getUrlDecoder().decode(s);
          default -> throw new IllegalArgumentException("unsupported encoding " + encoding);
        };
    return bytesToJson(b);
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
    countSignOp();
    byte[] toSign = jsonToBytes(toSignJson, "toSign");
    if (toSign.length != 32) {
      throw new IllegalArgumentException(
          "Message length to be signed is not 32 bytes.  Please hash it before sending it to the node to sign.  You can use SHA256 or Keccak256 for example");
    }
    host.signEcdsa(toSign, publicKey, sigName);
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
    countSignOp();
    host.ethPersonalSignMessageEcdsa(jsonToBytes(messageJson, "message"), publicKey, sigName);
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
    if (++execution.contractCalls > MAX_CONTRACT_CALLS) {
      // the node's text, word for word
      throw new IllegalStateException(
          "You may invoke contract calls more than "
              + MAX_CONTRACT_CALLS
              + " times per session and you have attempted to exceed that limit.");
    }
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
            jsonToBytes(plaintextJson, "to_encrypt")));
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
          countBroadcastOp();
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
          countBroadcastOp();
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
          countSignOp();
          countBroadcastOp();
          byte[] toSign = jsonToBytes(toSignJson, "toSign");
          if (toSign.length != 32) {
            throw new IllegalArgumentException(
                "Message length to be signed is not 32 bytes.  Please hash it before sending it to the node to sign.  You can use SHA256 or Keccak256 for example");
          }
          return host.signAndCombineEcdsa(toSign, publicKey, sigName);
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
          countBroadcastOp();
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
                jsonToBytes(keyJson, "symmetricKey"), jsonToBytes(ciphertextJson, "ciphertext")));
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
          if (depth + 1 > MAX_CALL_DEPTH) {
            throw new IllegalStateException(
                "The recursion limit of a child action is "
                    + MAX_CALL_DEPTH
                    + " and you have attempted to exceed that limit.");
          }
          String code = host.ipfsCode(ipfsId);
          JsonNode params = paramsJson == null ? null : LitJson.parse(paramsJson, "params");
          HostBridge child = new HostBridge(host.child(ipfsId), execution, depth + 1);
          execution.runtime.runChild(
              code, params != null && params.isObject() ? params : null, child);
          return execution.response;
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
    if (++execution.fetchCount > MAX_FETCH_COUNT) {
      // the node's text, word for word
      throw new IllegalStateException(
          "You may not send more than "
              + MAX_FETCH_COUNT
              + " HTTP requests per session and you have attempted to exceed that limit.");
    }
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

  private void countBroadcastOp() {
    if (++execution.broadcastOps > MAX_BROADCAST_OPS) {
      throw new IllegalStateException(
          "You may not use more than "
              + MAX_BROADCAST_OPS
              + " broadcast operations per Lit Action");
    }
  }

  private void countSignOp() {
    if (++execution.signOps > MAX_SIGN_OPS) {
      throw new IllegalStateException(
          "You may not sign more than " + MAX_SIGN_OPS + " times per Lit Action");
    }
  }

  private static String bytesToJson(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length * 4 + 2).append('[');
    for (int i = 0; i < b.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(b[i] & 0xff);
    }
    return sb.append(']').toString();
  }

  private static byte[] jsonToBytes(String json, String what) {
    JsonNode arr = LitJson.parse(json, what);
    if (!arr.isArray()) throw new IllegalArgumentException(what + " must be an array of bytes");
    byte[] out = new byte[arr.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = arr.get(i);
      if (!v.canConvertToInt() || v.asInt() < 0 || v.asInt() > 255) {
        throw new IllegalArgumentException(what + "[" + i + "] is not a byte");
      }
      out[i] = (byte) v.asInt();
    }
    return out;
  }
}
