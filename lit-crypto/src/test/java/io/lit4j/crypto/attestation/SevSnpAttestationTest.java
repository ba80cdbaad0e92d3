package io.lit4j.crypto.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SevSnpAttestationTest {
  private static final SevSnpVector V = SevSnpVector.load();

  private static LitValidationException rejects(ObjectNode json, String field) {
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> SevSnpAttestation.fromJson(json));
    assertTrue(
        e.getMessage().contains(field), "message should name " + field + ": " + e.getMessage());
    assertEquals(Optional.of("InvalidNodeAttestation"), e.errorCode());
    return e;
  }

  @Test
  void theHandshakeAttestationParsesWithDataInJsonOrder() {
    SevSnpAttestation a = V.attestation();
    assertEquals(List.of("INSTANCE_ID", "RELEASE_ID", "UNIX_TIME"), List.copyOf(a.data().keySet()));
    assertEquals(
        "1a483250",
        new String(a.data().get("INSTANCE_ID"), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(V.challengeHex(), Hex.encode(a.noonce()));
    assertEquals(1, a.signatures().size());
    assertEquals(3968, a.report().length);
  }

  @Test
  void parsingTheJsonTextGivesTheSameAttestation() {
    assertEquals(V.attestation(), SevSnpAttestation.fromJson(V.attestationJson().toString()));
  }

  @Test
  void toJsonRoundTrips() {
    SevSnpAttestation a = V.attestation();
    assertEquals(a, SevSnpAttestation.fromJson(a.toJson()));
    assertEquals(V.attestationJson(), a.toJson());
  }

  @Test
  void accessorsReturnCopies() {
    SevSnpAttestation a = V.attestation();
    a.noonce()[0] ^= 1;
    a.report()[0] ^= 1;
    a.data().get("UNIX_TIME")[0] ^= 1;
    a.signatures().get(0)[0] ^= 1;
    assertEquals(V.attestation(), a);
    assertThrows(UnsupportedOperationException.class, () -> a.data().put("X", new byte[0]));
    assertThrows(UnsupportedOperationException.class, () -> a.signatures().add(new byte[0]));
  }

  @Test
  void theConstructorCopiesItsArguments() {
    byte[] noonce = new byte[32];
    byte[] report = new byte[SevSnpReport.SIZE];
    SevSnpAttestation a = new SevSnpAttestation(noonce, Map.of(), List.of(), report);
    noonce[0] = 1;
    report[0] = 1;
    assertArrayEquals(new byte[32], a.noonce());
    assertEquals(0, a.report()[0]);
  }

  @Test
  void aWrongTypeIsRejected() {
    ObjectNode json = V.attestationJson();
    json.put("type", "INTEL_TDX");
    rejects(json, "attestation.type");
    json.remove("type");
    rejects(json, "attestation.type");
  }

  @Test
  void badBase64IsRejectedNamingTheField() {
    ObjectNode json = V.attestationJson();
    json.put("noonce", "not base64!");
    rejects(json, "attestation.noonce");

    json = V.attestationJson();
    ((ObjectNode) json.get("data")).put("RELEASE_ID", "@@@@");
    rejects(json, "attestation.data.RELEASE_ID");

    json = V.attestationJson();
    ((ArrayNode) json.get("signatures")).set(0, json.textNode("a*b"));
    rejects(json, "attestation.signatures[0]");

    json = V.attestationJson();
    json.put("report", json.get("report").textValue() + "$");
    rejects(json, "attestation.report");
  }

  @Test
  void missingOrMistypedFieldsAreRejectedNamingTheField() {
    ObjectNode json = V.attestationJson();
    json.remove("noonce");
    rejects(json, "attestation.noonce");

    json = V.attestationJson();
    json.put("data", "x");
    rejects(json, "attestation.data");

    json = V.attestationJson();
    ((ObjectNode) json.get("data")).put("UNIX_TIME", 5);
    rejects(json, "attestation.data.UNIX_TIME");

    json = V.attestationJson();
    json.putObject("signatures");
    rejects(json, "attestation.signatures");

    json = V.attestationJson();
    json.remove("report");
    rejects(json, "attestation.report");
  }

  @Test
  void aReportShorterThan0x4A0BytesIsRejected() {
    ObjectNode json = V.attestationJson();
    json.put("report", Base64.getEncoder().encodeToString(new byte[SevSnpReport.SIZE - 1]));
    rejects(json, "attestation.report");
  }

  @Test
  void aMissingOrNonObjectAttestationIsRejected() {
    assertThrows(
        LitValidationException.class,
        () -> SevSnpAttestation.fromJson((com.fasterxml.jackson.databind.JsonNode) null));
    assertThrows(LitValidationException.class, () -> SevSnpAttestation.fromJson("null"));
    assertThrows(LitValidationException.class, () -> SevSnpAttestation.fromJson("[1]"));
    assertThrows(LitValidationException.class, () -> SevSnpAttestation.fromJson("{not json"));
  }

  @Test
  void integerLikeDataKeysComeFirstAsInJavaScriptObjectEntries() {
    ObjectNode json = V.attestationJson();
    ObjectNode data = json.putObject("data");
    String v = Base64.getEncoder().encodeToString(new byte[] {1});
    data.put("B", v);
    data.put("10", v);
    data.put("A", v);
    data.put("2", v);
    data.put("01", v);
    data.put("4294967295", v); // 2^32 - 1 is not an array index
    assertEquals(
        List.of("2", "10", "B", "A", "01", "4294967295"),
        List.copyOf(SevSnpAttestation.fromJson(json).data().keySet()));
  }

  @Test
  void toStringShowsNoRawBytes() {
    String s = V.attestation().toString();
    assertTrue(s.contains("INSTANCE_ID"));
    assertTrue(s.length() < 200, s);
    assertNotEquals(-1, s.indexOf("3968 bytes"));
  }
}
