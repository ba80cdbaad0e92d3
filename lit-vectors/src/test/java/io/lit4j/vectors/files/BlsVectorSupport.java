package io.lit4j.vectors.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.vectors.VectorCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.function.Executable;

/** Small helpers shared by the three BLS vector checkers. */
final class BlsVectorSupport {
  private BlsVectorSupport() {}

  /** A required field; fails the check (not the collection of checks) when it is absent. */
  static JsonNode req(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) fail("vector field '" + field + "' is missing");
    return v;
  }

  static String text(JsonNode node, String field) {
    return req(node, field).asText();
  }

  static byte[] hex(JsonNode node, String field) {
    return Hex.decode(text(node, field), field);
  }

  static byte[] utf8(JsonNode node, String field) {
    return text(node, field).getBytes(StandardCharsets.UTF_8);
  }

  static void assertHex(String expectedHex, byte[] actual, String what) {
    assertEquals(expectedHex.toLowerCase(), Hex.encode(actual), what);
  }

  /** Shares keyed by identifier, from an array of {"ProofOfPossession": …} objects. */
  static Map<Integer, BlsSignatureShare> sharesById(JsonNode array) {
    Map<Integer, BlsSignatureShare> out = new TreeMap<>();
    for (JsonNode s : array) {
      BlsSignatureShare share = BlsSignatureShare.fromJson(s);
      out.put(share.identifier(), share);
    }
    return out;
  }

  static List<BlsSignatureShare> pick(Map<Integer, BlsSignatureShare> byId, JsonNode ids) {
    List<BlsSignatureShare> out = new ArrayList<>();
    for (JsonNode id : ids) {
      BlsSignatureShare s = byId.get(id.asInt());
      if (s == null) fail("no share with identifier " + id.asInt());
      out.add(s);
    }
    return out;
  }

  /** Adds a check; a case whose inputs cannot even be read still yields a failing check. */
  static void add(List<VectorCheck> checks, String name, Executable e) {
    checks.add(VectorCheck.of(name, e));
  }
}
