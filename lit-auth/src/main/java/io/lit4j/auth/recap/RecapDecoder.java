package io.lit4j.auth.recap;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code urn:recap:} resource as siwe-recap {@code decode_urn} does. */
final class RecapDecoder {
  private RecapDecoder() {}

  static RecapObject decode(String urn, boolean requireSorted) {
    if (urn == null || !urn.startsWith(RecapObject.URN_PREFIX))
      throw new RecapException("Invalid recap urn: must start with " + RecapObject.URN_PREFIX);
    byte[] raw = RecapEncodings.base64UrlDecode(urn.substring(RecapObject.URN_PREFIX.length()));
    String json = new String(raw, StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = LitJson.parse(json, "recap JSON");
    } catch (LitValidationException e) {
      throw new RecapException(e.getMessage(), e);
    }
    if (!root.isObject()) throw new RecapException("recap JSON must be an object {att, prf}");
    JsonNode att = root.get("att");
    JsonNode prf = root.get("prf");
    if (att == null || !att.isObject())
      throw new RecapException("Invalid attenuation object: recap att must be a JSON object");
    if (prf == null || !prf.isArray())
      throw new RecapException("Invalid proof list: recap prf must be an array of strings");
    List<String> proofs = new ArrayList<>();
    for (JsonNode p : prf) {
      if (!p.isTextual())
        throw new RecapException("Invalid proof list: recap prf must be an array of strings");
      proofs.add(p.textValue());
    }
    Map<String, Map<String, List<Map<String, Object>>>> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = att.fields(); it.hasNext(); ) {
      var r = it.next();
      if (!r.getValue().isObject())
        throw new RecapException(
            "Invalid attenuation object: att['" + r.getKey() + "'] must be an object");
      m.put(r.getKey(), abilities(r.getKey(), r.getValue()));
    }
    if (requireSorted && !RecapValues.isSorted(m))
      throw new RecapException("Attenuation object is not properly sorted");
    List<String> normalized = new ArrayList<>();
    for (String p : proofs) normalized.add(RecapEncodings.normalizeProof(p));
    return RecapObject.fromParts(m, normalized);
  }

  private static Map<String, List<Map<String, Object>>> abilities(
      String resource, JsonNode abilityObject) {
    Map<String, List<Map<String, Object>>> abilities = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> ai = abilityObject.fields(); ai.hasNext(); ) {
      var a = ai.next();
      RecapValues.checkAbility(a.getKey(), "att['" + resource + "']");
      if (!a.getValue().isArray())
        throw new RecapException(
            "Invalid nota-bene list for " + a.getKey() + ": must be an array of objects");
      List<Map<String, Object>> nbs = new ArrayList<>();
      for (JsonNode nb : a.getValue()) {
        if (!nb.isObject())
          throw new RecapException(
              "Invalid nota-bene list for " + a.getKey() + ": must be an array of objects");
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) RecapValues.plain(nb);
        nbs.add(plain);
      }
      abilities.put(a.getKey(), nbs);
    }
    return abilities;
  }
}
