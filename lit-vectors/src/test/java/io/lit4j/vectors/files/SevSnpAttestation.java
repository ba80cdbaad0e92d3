package io.lit4j.vectors.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.attestation.AmdRootCertificates;
import io.lit4j.crypto.attestation.SevSnpCheck;
import io.lit4j.crypto.attestation.SevSnpReport;
import io.lit4j.crypto.attestation.SevSnpVerificationException;
import io.lit4j.crypto.attestation.SevSnpVerifier;
import io.lit4j.vectors.VectorCheck;
import io.lit4j.vectors.VectorFileChecker;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.function.Executable;

/**
 * Checks {@code sev_snp_attestation.json}: a real node attestation with its challenge and VCEK, a
 * wrong VCEK, the AMD Milan ARK/ASK, and values derived from the report.
 */
public final class SevSnpAttestation implements VectorFileChecker {
  private static final Set<String> TOP_LEVEL_KEYS =
      Set.of(
          "note",
          "source",
          "versions",
          "challengeHex",
          "attestation",
          "expectedVcekUrl",
          "vcekDerBase64",
          "wrongVcekDerBase64",
          "wrongVcekWasmError",
          "derived",
          "amdMilanArkPem",
          "amdMilanAskPem");

  @Override
  public List<VectorCheck> checks(JsonNode file) {
    List<VectorCheck> checks = new ArrayList<>();
    String challengeHex = file.path("challengeHex").asText();
    JsonNode derived = file.path("derived");

    checks.add(
        VectorCheck.of(
            "every top-level field is known to this checker",
            () -> {
              Set<String> unknown = new TreeSet<>();
              file.fieldNames()
                  .forEachRemaining(
                      k -> {
                        if (!TOP_LEVEL_KEYS.contains(k)) unknown.add(k);
                      });
              assertTrue(unknown.isEmpty(), "unchecked fields: " + unknown);
            }));
    checks.add(
        VectorCheck.of(
            "versions: the vector was made with sev-snp-utils-sdk 4.2.0",
            () ->
                assertEquals(
                    "4.2.0",
                    file.path("versions").path("@lit-protocol/sev-snp-utils-sdk").asText())));

    checks.add(
        VectorCheck.of(
            "attestation parses as AMD_SEV_SNP with data in JSON order",
            () -> {
              var a = attestation(file);
              assertEquals(
                  List.of("INSTANCE_ID", "RELEASE_ID", "UNIX_TIME"),
                  List.copyOf(a.data().keySet()));
              assertEquals(1, a.signatures().size());
            }));
    checks.add(
        VectorCheck.of(
            "challengeHex: the noonce decodes to the challenge",
            () -> assertEquals(challengeHex, Hex.encode(attestation(file).noonce()))));

    Map<String, Executable> derivedChecks = new LinkedHashMap<>();
    derivedChecks.put(
        "reportTotalBytes",
        () ->
            assertEquals(
                derived.get("reportTotalBytes").asInt(), attestation(file).report().length));
    derivedChecks.put(
        "reportUsedBytes",
        () -> {
          assertEquals(derived.get("reportUsedBytes").asInt(), SevSnpReport.SIZE);
          assertEquals(SevSnpReport.SIZE, report(file).bytes().length);
        });
    derivedChecks.put(
        "reportDataHex_0x50_0x90",
        () ->
            assertEquals(
                derived.get("reportDataHex_0x50_0x90").asText(),
                Hex.encode(report(file).reportData())));
    derivedChecks.put(
        "expectedReportDataSha512Hex",
        () -> {
          byte[] expected =
              SevSnpVerifier.expectedReportData(attestation(file), Hex.decode(challengeHex));
          assertEquals(derived.get("expectedReportDataSha512Hex").asText(), Hex.encode(expected));
          assertArrayEquals(expected, report(file).reportData());
        });
    derivedChecks.put(
        "reportedTcbBytes_0x180",
        () -> {
          assertEquals(
              derived.get("reportedTcbBytes_0x180").asText(),
              Hex.encode(report(file).reportedTcbBytes()));
          byte[] tcb = Hex.decode(derived.get("reportedTcbBytes_0x180").asText());
          var levels = report(file).reportedTcb();
          assertEquals(
              List.of(tcb[0] & 0xff, tcb[1] & 0xff, tcb[6] & 0xff, tcb[7] & 0xff),
              List.of(levels.bootLoader(), levels.tee(), levels.snp(), levels.microcode()));
        });
    derivedChecks.put(
        "chipIdHex_0x1A0",
        () ->
            assertEquals(
                derived.get("chipIdHex_0x1A0").asText(), Hex.encode(report(file).chipId())));
    derivedChecks.put(
        "signedBytesSha384Hex",
        () ->
            assertEquals(
                derived.get("signedBytesSha384Hex").asText(),
                Hex.encode(
                    MessageDigest.getInstance("SHA-384").digest(report(file).signedBytes()))));
    derivedChecks.put(
        "sigRLittleEndian72Hex",
        () ->
            assertEquals(
                derived.get("sigRLittleEndian72Hex").asText(),
                Hex.encode(report(file).signatureR())));
    derivedChecks.put(
        "sigSLittleEndian72Hex",
        () ->
            assertEquals(
                derived.get("sigSLittleEndian72Hex").asText(),
                Hex.encode(report(file).signatureS())));

    checks.add(
        VectorCheck.of(
            "derived: every value is known to this checker",
            () -> {
              Set<String> unknown = new TreeSet<>();
              derived
                  .fieldNames()
                  .forEachRemaining(
                      k -> {
                        if (!derivedChecks.containsKey(k)) unknown.add(k);
                      });
              assertTrue(unknown.isEmpty(), "unchecked derived values: " + unknown);
            }));
    derivedChecks.forEach((key, check) -> checks.add(VectorCheck.of("derived." + key, check)));

    checks.add(
        VectorCheck.of(
            "expectedVcekUrl is the VCEK URL of the report",
            () -> assertEquals(file.path("expectedVcekUrl").asText(), report(file).vcekUrl())));

    checks.add(
        VectorCheck.of(
            "amdMilanArkPem is the ARK pinned in lit-crypto",
            () ->
                assertArrayEquals(
                    AmdRootCertificates.fromPem(
                            file.path("amdMilanArkPem").asText(),
                            file.path("amdMilanAskPem").asText())
                        .ark()
                        .getEncoded(),
                    AmdRootCertificates.milan().ark().getEncoded())));
    checks.add(
        VectorCheck.of(
            "amdMilanAskPem is the ASK pinned in lit-crypto",
            () ->
                assertArrayEquals(
                    AmdRootCertificates.fromPem(
                            file.path("amdMilanArkPem").asText(),
                            file.path("amdMilanAskPem").asText())
                        .ask()
                        .getEncoded(),
                    AmdRootCertificates.milan().ask().getEncoded())));

    checks.add(
        VectorCheck.of(
            "vcekDerBase64: the attestation verifies with this VCEK under the pinned Milan chain",
            () -> {
              byte[] vcek = Base64.getDecoder().decode(file.path("vcekDerBase64").asText());
              SevSnpReport verified =
                  SevSnpVerifier.verifyReportAndChallenge(
                      attestation(file), challengeHex, (url, r) -> Optional.of(vcek));
              assertEquals(report(file), verified);
            }));
    checks.add(
        VectorCheck.of(
            "vcekDerBase64: the same check under the vector's own ARK/ASK copies",
            () -> {
              byte[] vcek = Base64.getDecoder().decode(file.path("vcekDerBase64").asText());
              AmdRootCertificates roots =
                  AmdRootCertificates.fromPem(
                      file.path("amdMilanArkPem").asText(), file.path("amdMilanAskPem").asText());
              SevSnpVerifier.verifyReportAndChallenge(
                  attestation(file), challengeHex, (url, r) -> Optional.of(vcek), roots);
            }));
    checks.add(
        VectorCheck.of(
            "wrongVcekDerBase64: fails the report signature with the WASM's error",
            () -> {
              byte[] wrong = Base64.getDecoder().decode(file.path("wrongVcekDerBase64").asText());
              SevSnpVerificationException e =
                  assertThrows(
                      SevSnpVerificationException.class,
                      () ->
                          SevSnpVerifier.verifyReportAndChallenge(
                              attestation(file), challengeHex, (url, r) -> Optional.of(wrong)));
              assertEquals(SevSnpCheck.REPORT_SIGNATURE, e.failedCheck(), e.getMessage());
              String wasm = file.path("wrongVcekWasmError").asText();
              int colon = wasm.indexOf(':');
              if (colon < 0) fail("wrongVcekWasmError has no ':'-separated reason: " + wasm);
              assertTrue(
                  e.getMessage().contains(wasm.substring(0, colon)),
                  e.getMessage() + " vs " + wasm);
            }));
    checks.add(
        VectorCheck.of(
            "the connect-path check rejects this attestation: it has no EXTERNAL_ADDR",
            () -> {
              byte[] vcek = Base64.getDecoder().decode(file.path("vcekDerBase64").asText());
              SevSnpVerificationException e =
                  assertThrows(
                      SevSnpVerificationException.class,
                      () ->
                          SevSnpVerifier.verify(
                              attestation(file),
                              challengeHex,
                              "https://127.0.0.1:443",
                              (url, r) -> Optional.of(vcek)));
              assertEquals(SevSnpCheck.EXTERNAL_ADDR, e.failedCheck(), e.getMessage());
            }));
    return checks;
  }

  private static io.lit4j.crypto.attestation.SevSnpAttestation attestation(JsonNode file) {
    return io.lit4j.crypto.attestation.SevSnpAttestation.fromJson(file.path("attestation"));
  }

  private static SevSnpReport report(JsonNode file) {
    return attestation(file).parsedReport();
  }
}
