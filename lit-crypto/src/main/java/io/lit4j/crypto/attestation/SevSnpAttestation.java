package io.lit4j.crypto.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.JsJson;
import io.lit4j.core.json.LitJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code attestation} object of a node's {@code /web/handshake} answer, decoded: {@code {type:
 * "AMD_SEV_SNP", noonce, data: {KEY: value, …}, signatures: […], report}} with every value base64
 * on the wire. Immutable: accessors return copies.
 *
 * <p>{@code data} keeps the order in which JavaScript's {@code Object.entries} returns the parsed
 * JSON object, because that order enters the {@code report_data} hash: integer-like keys ({@code
 * "0"}, {@code "17"}) first in ascending order, then the other keys in JSON order. Real nodes send
 * only named keys ({@code INSTANCE_ID}, {@code RELEASE_ID}, {@code UNIX_TIME}, {@code
 * EXTERNAL_ADDR}), so in practice this is the JSON order.
 *
 * @param noonce the nonce the node echoes (should equal the client's challenge)
 * @param data the node's data entries, in hashing order (pass an ordered map; kept unmodifiable)
 * @param signatures the node's signatures (unmodifiable)
 * @param report the attestation report as sent (at least {@value SevSnpReport#SIZE} bytes)
 */
public record SevSnpAttestation(
    byte[] noonce, Map<String, byte[]> data, List<byte[]> signatures, byte[] report) {

  /** The only {@code type} the SDK knows. */
  public static final String TYPE = "AMD_SEV_SNP";

  /**
   * @param noonce the nonce the node echoes (should equal the client's challenge)
   * @param data the node's data entries, in hashing order (pass an ordered map; kept unmodifiable)
   * @param signatures the node's signatures (unmodifiable)
   * @param report the attestation report as sent (at least {@value SevSnpReport#SIZE} bytes)
   * @throws LitValidationException when a part is missing, a data key or value or a signature is
   *     missing, or the report is shorter than {@value SevSnpReport#SIZE} bytes
   */
  public SevSnpAttestation {
    if (noonce == null) throw invalid("attestation.noonce is missing");
    if (data == null) throw invalid("attestation.data is missing");
    if (signatures == null) throw invalid("attestation.signatures is missing");
    if (report == null) throw invalid("attestation.report is missing");
    if (report.length < SevSnpReport.SIZE) {
      throw invalid(
          "attestation.report is too short: "
              + report.length
              + " bytes, an SEV-SNP report has at least "
              + SevSnpReport.SIZE);
    }
    noonce = noonce.clone();
    report = report.clone();
    data = copyData(data);
    signatures = copySignatures(signatures);
  }

  /**
   * Parses the handshake's {@code attestation} JSON text.
   *
   * @param json the attestation JSON text
   * @return the attestation
   * @throws LitValidationException when it is not JSON or not a valid attestation (see {@link
   *     #fromJson(JsonNode)})
   */
  public static SevSnpAttestation fromJson(String json) {
    return fromJson(LitJson.parse(json, "attestation"));
  }

  /**
   * Parses the handshake's {@code attestation} object.
   *
   * @param attestation the attestation JSON object
   * @return the attestation
   * @throws LitValidationException naming the field when the attestation is missing or {@code
   *     null}, {@code type} is not {@value #TYPE}, a field is missing or of the wrong JSON type, or
   *     a value is not valid base64
   */
  public static SevSnpAttestation fromJson(JsonNode attestation) {
    if (attestation == null || attestation.isNull() || attestation.isMissingNode()) {
      throw invalid("attestation is missing from the handshake response");
    }
    if (!attestation.isObject()) throw invalid("attestation must be a JSON object");
    JsonNode type = attestation.get("type");
    if (type == null || !type.isTextual()) throw invalid("attestation.type is missing");
    if (!TYPE.equals(type.textValue())) {
      throw invalid("attestation.type must be " + TYPE + ", got " + abbreviate(type.textValue()));
    }
    byte[] noonce = base64(attestation.get("noonce"), "attestation.noonce");

    JsonNode dataNode = attestation.get("data");
    if (dataNode == null || !dataNode.isObject())
      throw invalid("attestation.data must be a JSON object");
    List<String> keys = new ArrayList<>();
    dataNode.fieldNames().forEachRemaining(keys::add);
    Map<String, byte[]> data = new LinkedHashMap<>();
    for (String key : JsJson.propertyOrder(keys)) { // Object.entries order of a JSON.parse result
      data.put(key, base64(dataNode.get(key), "attestation.data." + key));
    }

    JsonNode sigNode = attestation.get("signatures");
    if (sigNode == null || !sigNode.isArray())
      throw invalid("attestation.signatures must be a JSON array");
    List<byte[]> signatures = new ArrayList<>();
    for (int i = 0; i < sigNode.size(); i++) {
      signatures.add(base64(sigNode.get(i), "attestation.signatures[" + i + "]"));
    }

    byte[] report = base64(attestation.get("report"), "attestation.report");
    return new SevSnpAttestation(noonce, data, signatures, report);
  }

  /** {@return the attestation as handshake JSON, values base64 (standard alphabet, padded)} */
  public ObjectNode toJson() {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode out = LitJson.mapper().createObjectNode();
    out.put("type", TYPE);
    out.put("noonce", b64.encodeToString(noonce));
    ObjectNode dataNode = out.putObject("data");
    data.forEach((k, v) -> dataNode.put(k, b64.encodeToString(v)));
    ArrayNode sigs = out.putArray("signatures");
    signatures.forEach(s -> sigs.add(b64.encodeToString(s)));
    out.put("report", b64.encodeToString(report));
    return out;
  }

  /** {@return the report, cut to {@value SevSnpReport#SIZE} bytes, with its fields} */
  public SevSnpReport parsedReport() {
    return SevSnpReport.parse(report);
  }

  /** {@return the decoded {@code noonce} (a copy)} */
  @Override
  public byte[] noonce() {
    return noonce.clone();
  }

  /**
   * {@return the data entries in hashing order; the map is unmodifiable and its arrays are copies}
   */
  @Override
  public Map<String, byte[]> data() {
    return copyData(data);
  }

  /** {@return the signatures; the list is unmodifiable and its arrays are copies} */
  @Override
  public List<byte[]> signatures() {
    return copySignatures(signatures);
  }

  /**
   * {@return the report bytes as sent, not cut (a copy); {@link #parsedReport()} gives the fields}
   */
  @Override
  public byte[] report() {
    return report.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SevSnpAttestation other)) return false;
    if (!Arrays.equals(noonce, other.noonce) || !Arrays.equals(report, other.report)) return false;
    if (signatures.size() != other.signatures.size() || data.size() != other.data.size())
      return false;
    for (int i = 0; i < signatures.size(); i++) {
      if (!Arrays.equals(signatures.get(i), other.signatures.get(i))) return false;
    }
    Iterator<Map.Entry<String, byte[]>> a = data.entrySet().iterator();
    Iterator<Map.Entry<String, byte[]>> b = other.data.entrySet().iterator();
    while (a.hasNext()) {
      Map.Entry<String, byte[]> x = a.next();
      Map.Entry<String, byte[]> y = b.next();
      if (!x.getKey().equals(y.getKey()) || !Arrays.equals(x.getValue(), y.getValue()))
        return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(noonce) * 31 + Arrays.hashCode(report);
    for (byte[] s : signatures) h = h * 31 + Arrays.hashCode(s);
    for (Map.Entry<String, byte[]> e : data.entrySet()) {
      h = h * 31 + e.getKey().hashCode();
      h = h * 31 + Arrays.hashCode(e.getValue());
    }
    return h;
  }

  @Override
  public String toString() {
    return "SevSnpAttestation[data="
        + data.keySet()
        + ", signatures="
        + signatures.size()
        + ", report="
        + report.length
        + " bytes]";
  }

  private static byte[] base64(JsonNode node, String field) {
    if (node == null || node.isNull()) throw invalid(field + " is missing");
    if (!node.isTextual()) throw invalid(field + " must be a base64 string");
    try {
      return Base64.getDecoder().decode(node.textValue());
    } catch (IllegalArgumentException e) {
      throw invalid(field + " is not valid base64: " + e.getMessage());
    }
  }

  private static Map<String, byte[]> copyData(Map<String, byte[]> data) {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : data.entrySet()) {
      if (e.getKey() == null) throw invalid("attestation.data has a missing key");
      if (e.getValue() == null) throw invalid("attestation.data." + e.getKey() + " is missing");
      copy.put(e.getKey(), e.getValue().clone());
    }
    return Collections.unmodifiableMap(copy);
  }

  private static List<byte[]> copySignatures(List<byte[]> signatures) {
    List<byte[]> copy = new ArrayList<>(signatures.size());
    for (int i = 0; i < signatures.size(); i++) {
      byte[] s = signatures.get(i);
      if (s == null) throw invalid("attestation.signatures[" + i + "] is missing");
      copy.add(s.clone());
    }
    return Collections.unmodifiableList(copy);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? '"' + s + '"' : '"' + s.substring(0, 40) + "…\"";
  }

  private static LitValidationException invalid(String message) {
    return LitValidationException.builder()
        .message(message)
        .errorCode(LitErrorCode.INVALID_NODE_ATTESTATION)
        .buildValidation();
  }
}
