package io.lit4j.core.acc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An immutable, validated list of access control conditions of one {@link ConditionKind}, with the
 * canonical form and hash the JS SDK 4.2.0 and the nodes use.
 *
 * <p>{@code hash = SHA-256(utf8(JSON.stringify(conditions.map(canonicalFormatter))))}; its hex is
 * the {@code conditionsHashHex} of the encryption identity {@code
 * lit-accesscontrolcondition://<conditionsHashHex>/<dataToEncryptHash>} (see {@link
 * AccessControlConditionResource}).
 *
 * <pre>{@code
 * AccessControlConditions accs = AccessControlConditions.accessControlConditions(List.of(
 *     new EvmBasicCondition("", "ethereum", "", "eth_getBalance",
 *         List.of(":userAddress", "latest"), ReturnValueTest.of(">=", "0"))));
 * accs.hashHex(); // 53b01f820c82e86d7e4cd804b8a6f68682221eeb7df76fd43ee777c8caab5628
 * }</pre>
 *
 * <p>Validation, beyond each condition's own fields: the list and every group are non-empty; every
 * condition is of a type the kind allows; Solana conditions in unified lists carry {@code
 * pdaInterface} and {@code pdaKey}; the boolean structure is one the node accepts (a list without
 * any operator is an implicit AND of its top level; otherwise conditions and operators alternate at
 * every level, starting and ending with a condition); at most {@value #MAX_CONDITIONS} conditions
 * and {@value #MAX_NESTING_DEPTH} levels of groups; JSON text of at most {@value #MAX_JSON_CHARS}
 * characters. Chain names are not checked against {@code LitChains}: the node decides which chains
 * it serves.
 *
 * <p>Stricter than the JS SDK, on purpose: the SDK hashes whatever fields are present (a missing
 * one is simply left out) and hashes an empty basic list as {@code []}; lit4j rejects both, since a
 * node cannot parse such conditions and the data could never be decrypted. Comparators are the
 * eight the node implements ({@code =, !=, >, >=, <, <=, contains, !contains}); the SDK's schema
 * check on {@code encrypt} knows only the first six.
 */
public final class AccessControlConditions {
  /** Most conditions (operators and groups not counted) in one list; the node's limit is 30. */
  public static final int MAX_CONDITIONS = 30;

  /** Deepest nesting of groups accepted (the top level is depth 0). */
  public static final int MAX_NESTING_DEPTH = 10;

  /** Longest JSON text {@link #fromJson(ConditionKind, String)} reads, in characters. */
  public static final int MAX_JSON_CHARS = 100_000;

  private final ConditionKind kind;
  private final List<ConditionEntry> entries;
  private final String canonicalJson;

  private AccessControlConditions(ConditionKind kind, List<ConditionEntry> entries) {
    this.kind = kind;
    this.entries = entries;
    this.canonicalJson = JsJson.stringify(ConditionJson.canonical(kind, entries));
  }

  /**
   * Conditions of the given kind.
   *
   * @param kind which list the entries form (and the request key they travel under)
   * @param entries conditions, operators and nested groups, in order
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException naming the bad entry (paths start with the
   *     kind's request key, e.g. {@code accessControlConditions[1]})
   */
  public static AccessControlConditions of(
      ConditionKind kind, List<? extends ConditionEntry> entries) {
    if (kind == null) throw Checks.invalid("kind", "is missing");
    List<ConditionEntry> copy = Checks.entries(entries, kind.requestKey());
    int[] count = {0};
    check(kind, copy, kind.requestKey(), 0, count);
    if (!hasOperator(copy)) {
      // The node ANDs a top level without operators; nested groups must still alternate.
      for (int i = 0; i < copy.size(); i++) {
        if (copy.get(i) instanceof ConditionGroup g)
          checkBoolean(g.entries(), kind.requestKey() + "[" + i + "]");
      }
    } else {
      checkBoolean(copy, kind.requestKey());
    }
    return new AccessControlConditions(kind, copy);
  }

  /**
   * {@code accessControlConditions}: basic EVM conditions.
   *
   * @param entries basic EVM conditions and operators
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException when invalid
   */
  public static AccessControlConditions accessControlConditions(
      List<? extends ConditionEntry> entries) {
    return of(ConditionKind.ACCESS_CONTROL_CONDITIONS, entries);
  }

  /**
   * The common "only this wallet" condition: {@code :userAddress} on {@code ethereum} equals {@code
   * address} (a basic EVM condition with empty contract address, contract type and method, as the
   * JS SDK docs write it).
   *
   * <pre>{@code
   * AccessControlConditions onlyThisWallet = AccessControlConditions.userAddressEquals(signer.address());
   * }</pre>
   *
   * @param address the wallet address, {@code 0x} + 40 hex digits
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException when {@code address} is missing or not an
   *     address
   */
  public static AccessControlConditions userAddressEquals(String address) {
    if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
      throw Checks.invalid(
          "address",
          "must be 0x followed by 40 hex digits, got "
              + (address == null ? "nothing" : "'" + address + "'"));
    }
    return accessControlConditions(
        List.of(
            new EvmBasicCondition(
                "",
                "ethereum",
                "",
                "",
                List.of(":userAddress"),
                ReturnValueTest.of("=", address))));
  }

  /**
   * {@code evmContractConditions}.
   *
   * @param entries EVM contract conditions and operators
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException when invalid
   */
  public static AccessControlConditions evmContractConditions(
      List<? extends ConditionEntry> entries) {
    return of(ConditionKind.EVM_CONTRACT_CONDITIONS, entries);
  }

  /**
   * {@code solRpcConditions}.
   *
   * @param entries Solana RPC conditions and operators
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException when invalid
   */
  public static AccessControlConditions solRpcConditions(List<? extends ConditionEntry> entries) {
    return of(ConditionKind.SOL_RPC_CONDITIONS, entries);
  }

  /**
   * {@code unifiedAccessControlConditions}: any mix.
   *
   * @param entries conditions of any chain type and operators
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException when invalid
   */
  public static AccessControlConditions unifiedAccessControlConditions(
      List<? extends ConditionEntry> entries) {
    return of(ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS, entries);
  }

  /**
   * Reads conditions from JSON text (a JSON array).
   *
   * @param kind which list the JSON holds
   * @param json a JSON array of conditions as a user writes them
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException naming the bad field, or when the text is
   *     longer than {@value #MAX_JSON_CHARS} characters or not JSON
   */
  public static AccessControlConditions fromJson(ConditionKind kind, String json) {
    return fromJson(kind, parseText(kind, json));
  }

  private static JsonNode parseText(ConditionKind kind, String json) {
    if (kind == null) throw Checks.invalid("kind", "is missing");
    String field = kind.requestKey();
    if (json == null) throw Checks.invalid(field, "is missing");
    if (json.length() > MAX_JSON_CHARS) {
      throw Checks.invalid(
          field,
          "JSON text is "
              + json.length()
              + " characters, more than the limit of "
              + MAX_JSON_CHARS);
    }
    try {
      return LitJson.mapper().readTree(json);
    } catch (Exception e) {
      throw Checks.invalid(field, "is not valid JSON");
    }
  }

  /**
   * Reads conditions from a parsed JSON array, as the JS SDK accepts them from a user: unified
   * entries must carry {@code conditionType}. Fields the canonical form does not use are ignored.
   *
   * @param kind which list the JSON holds
   * @param json a parsed JSON array of conditions as a user writes them
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException naming the bad field
   */
  public static AccessControlConditions fromJson(ConditionKind kind, JsonNode json) {
    if (kind == null) throw Checks.invalid("kind", "is missing");
    return of(kind, ConditionJson.readEntries(kind, json, kind.requestKey(), 0, false));
  }

  /**
   * Reads conditions in the form a node receives them (the canonical form, where unified entries
   * have no {@code conditionType}). Unified entries are typed by {@code conditionType} when
   * present, otherwise by their shape, in the node's order: {@code standardContractType} →
   * evmBasic, {@code params} → solRpc, {@code functionAbi} → evmContract, {@code path} → cosmos.
   *
   * @param kind which list the JSON holds
   * @param json a parsed JSON array in the canonical (node) form
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException naming the bad field
   */
  public static AccessControlConditions fromCanonicalJson(ConditionKind kind, JsonNode json) {
    if (kind == null) throw Checks.invalid("kind", "is missing");
    return of(kind, ConditionJson.readEntries(kind, json, kind.requestKey(), 0, true));
  }

  /**
   * {@link #fromCanonicalJson(ConditionKind, JsonNode)} from JSON text.
   *
   * @param kind which list the JSON holds
   * @param json JSON text of an array in the canonical (node) form
   * @return the validated conditions
   * @throws InvalidAccessControlConditionsException naming the bad field, or when the text is
   *     longer than {@value #MAX_JSON_CHARS} characters or not JSON
   */
  public static AccessControlConditions fromCanonicalJson(ConditionKind kind, String json) {
    return fromCanonicalJson(kind, parseText(kind, json));
  }

  /**
   * The conditions a request body (or SDK parameter object) carries: the first non-empty of {@code
   * accessControlConditions}, {@code evmContractConditions}, {@code solRpcConditions}, {@code
   * unifiedAccessControlConditions}, in that order, as the SDK and node pick them; read with {@link
   * #fromCanonicalJson(ConditionKind, JsonNode)}, as a node reads its request.
   *
   * @param body a request body or SDK parameter object
   * @return empty when none of the four keys holds a non-empty array
   * @throws InvalidAccessControlConditionsException when the chosen list is malformed
   */
  public static Optional<AccessControlConditions> fromRequest(JsonNode body) {
    if (body == null || !body.isObject()) return Optional.empty();
    for (ConditionKind kind : ConditionKind.values()) {
      JsonNode list = body.get(kind.requestKey());
      if (list != null && list.isArray() && !list.isEmpty())
        return Optional.of(fromCanonicalJson(kind, list));
    }
    return Optional.empty();
  }

  /** {@return the kind, which is also the request key the conditions travel under} */
  public ConditionKind kind() {
    return kind;
  }

  /** {@return the entries, as given} */
  public List<ConditionEntry> entries() {
    return entries;
  }

  /** {@return every condition, depth first, left to right (operators and groups left out)} */
  public List<Condition> conditions() {
    List<Condition> out = new ArrayList<>();
    collect(entries, out);
    return out;
  }

  /**
   * {@return the canonical form as {@code JSON.stringify} writes it: exactly the bytes that are
   * hashed}
   */
  public String canonicalJson() {
    return canonicalJson;
  }

  /**
   * The canonical form as a fresh JSON tree, to put in a node request body under {@link
   * ConditionKind#requestKey()}.
   *
   * @return a fresh JSON tree of the canonical form
   */
  public ArrayNode canonicalJsonNode() {
    return ConditionJson.canonical(kind, entries);
  }

  /**
   * Every field the models hold, in canonical key order; unified entries start with {@code
   * conditionType}. Reading this back with {@link #fromJson(ConditionKind, JsonNode)} gives equal
   * conditions.
   *
   * @return every field the models hold, in canonical key order; unified entries start with {@code
   *     conditionType}
   */
  public ArrayNode toJsonNode() {
    return ConditionJson.full(kind, entries);
  }

  /** {@return {@link #toJsonNode()} as compact JSON text} */
  public String toJson() {
    return JsJson.stringify(toJsonNode());
  }

  /**
   * SHA-256 of the UTF-8 {@link #canonicalJson()} (32 bytes, a fresh copy).
   *
   * @return SHA-256 of the canonical JSON, 32 bytes
   */
  public byte[] hash() {
    return sha256(canonicalJson.getBytes(StandardCharsets.UTF_8));
  }

  /** {@return {@link #hash()} as 64 lowercase hex characters: the {@code conditionsHashHex}} */
  public String hashHex() {
    return Hex.encode(hash());
  }

  /**
   * {@return the resource of these conditions with the hash (hex) of the data they protect}
   *
   * @param dataToEncryptHashHex hex SHA-256 of the protected data, 64 lowercase hex characters
   * @throws io.lit4j.core.errors.LitValidationException when the hash is not 64 hex characters
   */
  public AccessControlConditionResource resource(String dataToEncryptHashHex) {
    return new AccessControlConditionResource(hashHex(), dataToEncryptHashHex);
  }

  /**
   * Evaluates the boolean structure as the node does: a top level without operators is an AND;
   * every condition is evaluated (no short-circuit), left to right; operators then fold left to
   * right without precedence ({@code a or b and c} = {@code (a or b) and c}).
   *
   * @param evaluator decides one condition; its exceptions propagate
   * @return whether the conditions as a whole are met
   */
  public boolean evaluate(ConditionEvaluator evaluator) {
    if (evaluator == null) throw Checks.invalid("evaluator", "is missing");
    List<ConditionEntry> top = entries;
    if (!hasOperator(top) && top.size() > 1) {
      List<ConditionEntry> withAnds = new ArrayList<>();
      for (int i = 0; i < top.size(); i++) {
        if (i > 0) withAnds.add(ConditionOperator.AND);
        withAnds.add(top.get(i));
      }
      top = withAnds;
    }
    return evaluateGroup(top, evaluator);
  }

  /**
   * JS SDK {@code hashAccessControlConditions}: SHA-256 of the canonical form of basic EVM
   * conditions.
   *
   * @param entries basic EVM conditions and operators
   * @return SHA-256 of their canonical JSON, 32 bytes
   */
  public static byte[] hashAccessControlConditions(List<? extends ConditionEntry> entries) {
    return accessControlConditions(entries).hash();
  }

  /**
   * JS SDK {@code hashEVMContractConditions}.
   *
   * @param entries EVM contract conditions and operators
   * @return SHA-256 of their canonical JSON, 32 bytes
   */
  public static byte[] hashEVMContractConditions(List<? extends ConditionEntry> entries) {
    return evmContractConditions(entries).hash();
  }

  /**
   * JS SDK {@code hashSolRpcConditions}.
   *
   * @param entries Solana RPC conditions and operators
   * @return SHA-256 of their canonical JSON, 32 bytes
   */
  public static byte[] hashSolRpcConditions(List<? extends ConditionEntry> entries) {
    return solRpcConditions(entries).hash();
  }

  /**
   * JS SDK {@code hashUnifiedAccessControlConditions}.
   *
   * @param entries unified conditions and operators
   * @return SHA-256 of their canonical JSON, 32 bytes
   */
  public static byte[] hashUnifiedAccessControlConditions(List<? extends ConditionEntry> entries) {
    return unifiedAccessControlConditions(entries).hash();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessControlConditions a && a.kind == kind && a.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + entries.hashCode();
  }

  @Override
  public String toString() {
    return kind.requestKey() + "=" + canonicalJson;
  }

  // ---------------------------------------------------------------- internals

  private static boolean evaluateGroup(List<ConditionEntry> group, ConditionEvaluator evaluator) {
    List<Boolean> results = new ArrayList<>();
    List<ConditionOperator> ops = new ArrayList<>();
    for (ConditionEntry e : group) {
      if (e instanceof ConditionOperator op) ops.add(op);
      else if (e instanceof ConditionGroup g) results.add(evaluateGroup(g.entries(), evaluator));
      else results.add(evaluator.isMet((Condition) e));
    }
    boolean acc = results.get(0);
    for (int i = 0; i < ops.size(); i++) acc = ops.get(i).apply(acc, results.get(i + 1));
    return acc;
  }

  private static void check(
      ConditionKind kind, List<ConditionEntry> entries, String path, int depth, int[] count) {
    if (depth > MAX_NESTING_DEPTH) {
      throw Checks.invalid(path, "nests groups deeper than " + MAX_NESTING_DEPTH + " levels");
    }
    for (int i = 0; i < entries.size(); i++) {
      ConditionEntry e = entries.get(i);
      String at = path + "[" + i + "]";
      if (e instanceof ConditionGroup g) {
        check(kind, g.entries(), at, depth + 1, count);
      } else if (e instanceof Condition c) {
        if (++count[0] > MAX_CONDITIONS) {
          throw Checks.invalid(
              kind.requestKey(),
              "holds more than " + MAX_CONDITIONS + " conditions, the limit nodes accept");
        }
        if (!kind.accepts(c.conditionType())) {
          throw Checks.invalid(
              at,
              "is a "
                  + c.conditionType().wireName()
                  + " condition, which "
                  + kind.requestKey()
                  + " cannot hold (use unifiedAccessControlConditions to mix kinds)");
        }
        if (kind == ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS
            && c instanceof SolRpcCondition s) {
          try {
            s.requireV2Fields();
          } catch (InvalidAccessControlConditionsException ex) {
            throw ex.under(at);
          }
        }
      }
    }
  }

  /** The node's rule: condition (operator condition)*, recursively. */
  private static void checkBoolean(List<ConditionEntry> entries, String path) {
    for (int i = 0; i < entries.size(); i++) {
      ConditionEntry e = entries.get(i);
      boolean operatorSlot = i % 2 == 1;
      String at = path + "[" + i + "]";
      if (operatorSlot && !(e instanceof ConditionOperator)) {
        throw Checks.invalid(
            at, "must be an operator: conditions and {\"operator\":\"and\"|\"or\"} must alternate");
      }
      if (!operatorSlot && e instanceof ConditionOperator) {
        throw Checks.invalid(
            at + ".operator", "is misplaced: an operator must stand between two conditions");
      }
      if (e instanceof ConditionGroup g) checkBoolean(g.entries(), at);
    }
    if (entries.size() % 2 == 0) {
      throw Checks.invalid(
          path + "[" + (entries.size() - 1) + "].operator",
          "is misplaced: a list must not end with an operator");
    }
  }

  private static boolean hasOperator(List<ConditionEntry> entries) {
    for (ConditionEntry e : entries) {
      if (e instanceof ConditionOperator) return true;
      if (e instanceof ConditionGroup g && hasOperator(g.entries())) return true;
    }
    return false;
  }

  private static void collect(List<ConditionEntry> entries, List<Condition> out) {
    for (ConditionEntry e : entries) {
      if (e instanceof Condition c) out.add(c);
      else if (e instanceof ConditionGroup g) collect(g.entries(), out);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
