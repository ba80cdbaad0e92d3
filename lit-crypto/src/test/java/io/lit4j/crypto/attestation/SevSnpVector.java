package io.lit4j.crypto.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Optional;

/** The shared vector {@code sev_snp_attestation.json}, read as it is. */
final class SevSnpVector {
  final JsonNode root;

  private SevSnpVector(JsonNode root) {
    this.root = root;
  }

  /** The committed copy (lit-vectors checks the shared one, when present, against it). */
  static SevSnpVector load() {
    return new SevSnpVector(
        io.lit4j.core.vectors.TestVectors.read(
            io.lit4j.core.vectors.TestVectors.committed("sev_snp_attestation.json")));
  }

  String challengeHex() {
    return root.get("challengeHex").textValue();
  }

  /** A fresh copy of the attestation JSON, free to tamper with. */
  ObjectNode attestationJson() {
    return root.get("attestation").deepCopy();
  }

  SevSnpAttestation attestation() {
    return SevSnpAttestation.fromJson(root.get("attestation"));
  }

  byte[] vcek() {
    return Base64.getDecoder().decode(root.get("vcekDerBase64").textValue());
  }

  byte[] wrongVcek() {
    return Base64.getDecoder().decode(root.get("wrongVcekDerBase64").textValue());
  }

  String derived(String key) {
    return root.get("derived").get(key).asText();
  }

  VcekProvider vcekProvider() {
    byte[] der = vcek();
    return (url, report) -> Optional.of(der.clone());
  }
}
