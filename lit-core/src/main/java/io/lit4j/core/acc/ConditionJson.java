package io.lit4j.core.acc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.json.JsJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads condition JSON into the models (every error names the field by its path) and writes the
 * models back, either in full or in the canonical form of JS SDK 4.2.0's {@code
 * canonical*ConditionFormatter}.
 */
final class ConditionJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ConditionJson() {}

  // ---------------------------------------------------------------- reading

  static List<ConditionEntry> readEntries(
      ConditionKind kind, JsonNode array, String path, int depth, boolean inferTypes) {
    if (array == null || array.isNull() || array.isMissingNode())
      throw Checks.invalid(path, "is missing");
    if (!array.isArray()) throw Checks.invalid(path, "must be a JSON array");
    if (depth > AccessControlConditions.MAX_NESTING_DEPTH) {
      throw Checks.invalid(
          path,
          "nests groups deeper than " + AccessControlConditions.MAX_NESTING_DEPTH + " levels");
    }
    if (array.isEmpty()) throw Checks.invalid(path, "must not be empty");
    List<ConditionEntry> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(readEntry(kind, array.get(i), path + "[" + i + "]", depth, inferTypes));
    }
    return out;
  }

  private static ConditionEntry readEntry(
      ConditionKind kind, JsonNode node, String path, int depth, boolean inferTypes) {
    if (node.isArray())
      return new ConditionGroup(readEntries(kind, node, path, depth + 1, inferTypes));
    if (!node.isObject())
      throw Checks.invalid(path, "must be a condition object, an operator or an array");
    // As in the SDK, an object with an "operator" key is an operator whatever else it holds.
    if (node.has("operator")) {
      JsonNode op = node.get("operator");
      if (!op.isTextual())
        throw Checks.invalid(path + ".operator", "must be the string \"and\" or \"or\"");
      try {
        return ConditionOperator.fromWireName(op.textValue());
      } catch (InvalidAccessControlConditionsException e) {
        throw e.under(path);
      }
    }
    if (!node.has("returnValueTest")) throw Checks.invalid(path + ".returnValueTest", "is missing");
    ConditionType type =
        switch (kind) {
          case ACCESS_CONTROL_CONDITIONS -> ConditionType.EVM_BASIC;
          case EVM_CONTRACT_CONDITIONS -> ConditionType.EVM_CONTRACT;
          case SOL_RPC_CONDITIONS -> ConditionType.SOL_RPC;
          case UNIFIED_ACCESS_CONTROL_CONDITIONS -> unifiedType(node, path, inferTypes);
        };
    try {
      return switch (type) {
        case EVM_BASIC -> readEvmBasic(node);
        case EVM_CONTRACT -> readEvmContract(node);
        case SOL_RPC -> readSolRpc(node);
        case COSMOS -> readCosmos(node);
      };
    } catch (InvalidAccessControlConditionsException e) {
      throw e.under(path);
    }
  }

  /**
   * The type of a unified entry: its {@code conditionType}, or, when the field is absent (the
   * canonical form nodes receive), the first shape that fits in the node's order.
   */
  private static ConditionType unifiedType(JsonNode node, String path, boolean inferTypes) {
    JsonNode t = node.get("conditionType");
    if (t != null) {
      if (!t.isTextual()) throw Checks.invalid(path + ".conditionType", "must be a string");
      try {
        return ConditionType.fromWireName(t.textValue());
      } catch (InvalidAccessControlConditionsException e) {
        throw e.under(path);
      }
    }
    if (!inferTypes) {
      throw Checks.invalid(
          path + ".conditionType", "is missing (use evmBasic, evmContract, solRpc or cosmos)");
    }
    if (node.has("standardContractType")) return ConditionType.EVM_BASIC;
    if (node.has("params")) return ConditionType.SOL_RPC;
    if (node.has("functionAbi")) return ConditionType.EVM_CONTRACT;
    if (node.has("path")) return ConditionType.COSMOS;
    throw Checks.invalid(
        path + ".conditionType", "is missing (use evmBasic, evmContract, solRpc or cosmos)");
  }

  private static EvmBasicCondition readEvmBasic(JsonNode n) {
    JsonNode rvt = n.get("returnValueTest");
    requireObject(rvt, "returnValueTest");
    return new EvmBasicCondition(
        string(n, "contractAddress"),
        string(n, "chain"),
        string(n, "standardContractType"),
        string(n, "method"),
        strings(n, "parameters"),
        ReturnValueTest.of(
            string(rvt, "comparator", "returnValueTest."),
            string(rvt, "value", "returnValueTest.")));
  }

  private static EvmContractCondition readEvmContract(JsonNode n) {
    JsonNode abi = n.get("functionAbi");
    if (abi == null || abi.isNull()) throw Checks.invalid("functionAbi", "is missing");
    requireObject(abi, "functionAbi");
    boolean constant = false;
    JsonNode c = abi.get("constant");
    if (c != null) {
      if (!c.isBoolean()) throw Checks.invalid("functionAbi.constant", "must be true or false");
      constant = c.booleanValue();
    }
    FunctionAbi functionAbi;
    try {
      functionAbi =
          new FunctionAbi(
              string(abi, "name"),
              abiParams(abi, "inputs"),
              abiParams(abi, "outputs"),
              constant,
              string(abi, "stateMutability"));
    } catch (InvalidAccessControlConditionsException e) {
      throw e.under("functionAbi");
    }
    return new EvmContractCondition(
        string(n, "contractAddress"),
        string(n, "functionName"),
        strings(n, "functionParams"),
        functionAbi,
        string(n, "chain"),
        keyedTest(n));
  }

  private static SolRpcCondition readSolRpc(JsonNode n) {
    SolRpcCondition.Builder b =
        SolRpcCondition.builder()
            .method(string(n, "method"))
            .params(strings(n, "params"))
            .chain(string(n, "chain"))
            .returnValueTest(keyedTest(n));
    if (n.has("pdaParams")) b.pdaParams(strings(n, "pdaParams"));
    if (n.has("pdaKey")) b.pdaKey(string(n, "pdaKey"));
    JsonNode pda = n.get("pdaInterface");
    if (pda != null) {
      requireObject(pda, "pdaInterface");
      long offset = nonNegativeLong(pda.get("offset"), "pdaInterface.offset");
      JsonNode fields = pda.get("fields");
      if (fields == null) throw Checks.invalid("pdaInterface.fields", "is missing");
      requireObject(fields, "pdaInterface.fields");
      Map<String, Long> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), nonNegativeLong(e.getValue(), "pdaInterface.fields." + e.getKey()));
      }
      b.pdaInterface(new PdaInterface(offset, map));
    }
    return b.build();
  }

  private static CosmosCondition readCosmos(JsonNode n) {
    CosmosCondition.Builder b =
        CosmosCondition.builder()
            .path(string(n, "path"))
            .chain(string(n, "chain"))
            .returnValueTest(keyedTest(n));
    if (n.has("method")) b.method(string(n, "method"));
    if (n.has("parameters")) b.parameters(strings(n, "parameters"));
    return b.build();
  }

  private static ReturnValueTest keyedTest(JsonNode n) {
    JsonNode rvt = n.get("returnValueTest");
    requireObject(rvt, "returnValueTest");
    String comparator = string(rvt, "comparator", "returnValueTest.");
    String value = string(rvt, "value", "returnValueTest.");
    return rvt.has("key")
        ? ReturnValueTest.keyed(string(rvt, "key", "returnValueTest."), comparator, value)
        : ReturnValueTest.of(comparator, value);
  }

  private static List<AbiParam> abiParams(JsonNode abi, String field) {
    JsonNode arr = abi.get(field);
    if (arr == null || arr.isNull()) throw Checks.invalid(field, "is missing");
    if (!arr.isArray()) throw Checks.invalid(field, "must be an array");
    List<AbiParam> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonNode p = arr.get(i);
      String at = field + "[" + i + "]";
      requireObject(p, at);
      try {
        out.add(new AbiParam(string(p, "name"), string(p, "type")));
      } catch (InvalidAccessControlConditionsException e) {
        throw e.under(at);
      }
    }
    return out;
  }

  private static void requireObject(JsonNode n, String field) {
    if (n == null || n.isNull()) throw Checks.invalid(field, "is missing");
    if (!n.isObject()) throw Checks.invalid(field, "must be a JSON object");
  }

  private static String string(JsonNode n, String field) {
    return string(n, field, "");
  }

  private static String string(JsonNode n, String field, String prefix) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw Checks.invalid(prefix + field, "is missing");
    if (!v.isTextual()) throw Checks.invalid(prefix + field, "must be a string");
    return v.textValue();
  }

  private static List<String> strings(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw Checks.invalid(field, "is missing");
    if (!v.isArray()) throw Checks.invalid(field, "must be an array of strings");
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isTextual()) throw Checks.invalid(field + "[" + i + "]", "must be a string");
      out.add(item.textValue());
    }
    return out;
  }

  private static long nonNegativeLong(JsonNode v, String field) {
    if (v == null || v.isNull()) throw Checks.invalid(field, "is missing");
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw Checks.invalid(field, "must be a non-negative integer");
    }
    return v.longValue();
  }

  // ---------------------------------------------------------------- writing

  /** Canonical form of a list, as {@code conditions.map(canonical*Formatter)} builds it. */
  static ArrayNode canonical(ConditionKind kind, List<ConditionEntry> entries) {
    ArrayNode out = F.arrayNode();
    for (ConditionEntry e : entries) out.add(canonicalEntry(kind, e));
    return out;
  }

  private static JsonNode canonicalEntry(ConditionKind kind, ConditionEntry e) {
    if (e instanceof ConditionOperator op) return F.objectNode().put("operator", op.wireName());
    if (e instanceof ConditionGroup g) return canonical(kind, g.entries());
    boolean unified = kind == ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS;
    if (e instanceof SolRpcCondition c) return (unified || c.isV2()) ? solV2(c) : solV1(c);
    return body(e);
  }

  private static ObjectNode body(ConditionEntry e) {
    if (e instanceof EvmBasicCondition c) return evmBasic(c);
    if (e instanceof EvmContractCondition c) return evmContract(c);
    if (e instanceof SolRpcCondition c) return solFull(c);
    if (e instanceof CosmosCondition c) return cosmos(c);
    throw new IllegalStateException("unknown condition " + e.getClass());
  }

  /** Full form: every field the model holds; unified lists also get {@code conditionType} first. */
  static ArrayNode full(ConditionKind kind, List<ConditionEntry> entries) {
    ArrayNode out = F.arrayNode();
    for (ConditionEntry e : entries) {
      if (e instanceof ConditionOperator op) {
        out.add(F.objectNode().put("operator", op.wireName()));
      } else if (e instanceof ConditionGroup g) {
        out.add(full(kind, g.entries()));
      } else {
        Condition c = (Condition) e;
        ObjectNode body = body(c);
        if (kind == ConditionKind.UNIFIED_ACCESS_CONTROL_CONDITIONS) {
          ObjectNode tagged = F.objectNode().put("conditionType", c.conditionType().wireName());
          tagged.setAll(body);
          body = tagged;
        }
        out.add(body);
      }
    }
    return out;
  }

  private static ObjectNode evmBasic(EvmBasicCondition c) {
    ObjectNode o = F.objectNode();
    o.put("contractAddress", c.contractAddress());
    o.put("chain", c.chain());
    o.put("standardContractType", c.standardContractType());
    o.put("method", c.method());
    o.set("parameters", strings(c.parameters()));
    ObjectNode rvt = o.putObject("returnValueTest");
    rvt.put("comparator", c.returnValueTest().comparator());
    rvt.put("value", c.returnValueTest().value());
    return o;
  }

  private static ObjectNode evmContract(EvmContractCondition c) {
    ObjectNode o = F.objectNode();
    o.put("contractAddress", c.contractAddress());
    o.put("functionName", c.functionName());
    o.set("functionParams", strings(c.functionParams()));
    FunctionAbi abi = c.functionAbi();
    ObjectNode a = o.putObject("functionAbi");
    a.put("name", abi.name());
    a.set("inputs", abiParams(abi.inputs()));
    a.set("outputs", abiParams(abi.outputs()));
    a.put("constant", abi.constant());
    a.put("stateMutability", abi.stateMutability());
    o.put("chain", c.chain());
    o.set("returnValueTest", keyedTest(c.returnValueTest()));
    return o;
  }

  private static ObjectNode solV1(SolRpcCondition c) {
    ObjectNode o = F.objectNode();
    o.put("method", c.method());
    o.set("params", strings(c.params()));
    o.put("chain", c.chain());
    o.set("returnValueTest", keyedTest(c.returnValueTest()));
    return o;
  }

  private static ObjectNode solV2(SolRpcCondition c) {
    ObjectNode o = F.objectNode();
    o.put("method", c.method());
    o.set("params", strings(c.params()));
    c.pdaParams().ifPresent(p -> o.set("pdaParams", strings(p)));
    // Present by construction: v2 conditions and unified lists are checked for both.
    o.set("pdaInterface", pdaInterface(c.pdaInterface().orElseThrow()));
    o.put("pdaKey", c.pdaKey().orElseThrow());
    o.put("chain", c.chain());
    o.set("returnValueTest", keyedTest(c.returnValueTest()));
    return o;
  }

  private static ObjectNode solFull(SolRpcCondition c) {
    ObjectNode o = F.objectNode();
    o.put("method", c.method());
    o.set("params", strings(c.params()));
    c.pdaParams().ifPresent(p -> o.set("pdaParams", strings(p)));
    c.pdaInterface().ifPresent(p -> o.set("pdaInterface", pdaInterface(p)));
    c.pdaKey().ifPresent(k -> o.put("pdaKey", k));
    o.put("chain", c.chain());
    o.set("returnValueTest", keyedTest(c.returnValueTest()));
    return o;
  }

  private static ObjectNode cosmos(CosmosCondition c) {
    ObjectNode o = F.objectNode();
    o.put("path", c.path());
    o.put("chain", c.chain());
    c.method().ifPresent(m -> o.put("method", m));
    c.parameters().ifPresent(p -> o.set("parameters", strings(p)));
    o.set("returnValueTest", keyedTest(c.returnValueTest()));
    return o;
  }

  private static ObjectNode keyedTest(ReturnValueTest t) {
    ObjectNode o = F.objectNode();
    t.key().ifPresent(k -> o.put("key", k));
    o.put("comparator", t.comparator());
    o.put("value", t.value());
    return o;
  }

  private static ObjectNode pdaInterface(PdaInterface p) {
    ObjectNode o = F.objectNode();
    o.put("offset", p.offset());
    ObjectNode fields = o.putObject("fields");
    for (String key : JsJson.propertyOrder(p.fields().keySet()))
      fields.put(key, p.fields().get(key));
    return o;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  private static ArrayNode abiParams(List<AbiParam> params) {
    ArrayNode a = F.arrayNode();
    for (AbiParam p : params) a.addObject().put("name", p.name()).put("type", p.type());
    return a;
  }
}
