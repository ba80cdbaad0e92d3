package io.lit4j.crypto.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The real node attestation of {@code shared/vectors/sev_snp_attestation.json}. */
class SevSnpVerifierVectorTest {
  private static final SevSnpVector V = SevSnpVector.load();

  private static SevSnpVerificationException failsAt(SevSnpCheck check, Executable call) {
    SevSnpVerificationException e = assertThrows(SevSnpVerificationException.class, call);
    assertEquals(check, e.failedCheck(), e.getMessage());
    assertEquals(check.name(), e.details().get("check"));
    assertEquals(Optional.of("InvalidNodeAttestation"), e.errorCode());
    assertTrue(e.getMessage().contains(check.name()), e.getMessage());
    return e;
  }

  private static SevSnpAttestation withReport(byte[] report) {
    SevSnpAttestation a = V.attestation();
    return new SevSnpAttestation(a.noonce(), a.data(), a.signatures(), report);
  }

  private static SevSnpAttestation withData(SevSnpAttestation a, Map<String, byte[]> data) {
    return new SevSnpAttestation(a.noonce(), data, a.signatures(), a.report());
  }

  private static SevSnpAttestation withExternalAddr(String addr) {
    SevSnpAttestation a = V.attestation();
    Map<String, byte[]> data = new LinkedHashMap<>(a.data());
    data.put("EXTERNAL_ADDR", addr.getBytes(StandardCharsets.UTF_8));
    return withData(a, data);
  }

  @Test
  void theVectorAttestationVerifiesWithItsVcekAndChallenge() {
    SevSnpReport report =
        SevSnpVerifier.verifyReportAndChallenge(
            V.attestation(), V.challengeHex(), V.vcekProvider());
    assertEquals(V.root.get("expectedVcekUrl").textValue(), report.vcekUrl());
    assertArrayEquals(V.attestation().noonce(), Hex.decode(V.challengeHex()));
  }

  @Test
  void theVerifierAsksTheProviderForTheVcekUrlOfTheReport() {
    AtomicReference<String> asked = new AtomicReference<>();
    byte[] der = V.vcek();
    SevSnpVerifier.verifyReportAndChallenge(
        V.attestation(),
        V.challengeHex(),
        (url, report) -> {
          asked.set(url);
          assertEquals(url, report.vcekUrl());
          return Optional.of(der);
        });
    assertEquals(V.root.get("expectedVcekUrl").textValue(), asked.get());
  }

  @Test
  void theConnectCheckRejectsTheVectorBecauseItCarriesNoExternalAddress() {
    // The vector predates EXTERNAL_ADDR; the SDK's connect path cannot accept it either.
    SevSnpVerificationException e =
        failsAt(
            SevSnpCheck.EXTERNAL_ADDR,
            () ->
                SevSnpVerifier.verify(
                    V.attestation(), V.challengeHex(), "https://1.2.3.4", V.vcekProvider()));
    assertEquals(List.of("https://1.2.3.4"), e.nodeUrls());
  }

  @Test
  void aWrongChallengeFailsTheNoonceCheck() {
    String wrong = "00" + V.challengeHex().substring(2);
    failsAt(
        SevSnpCheck.NOONCE,
        () -> SevSnpVerifier.verify(V.attestation(), wrong, "https://1.2.3.4", V.vcekProvider()));
  }

  @Test
  void aWrongChallengeFailsTheReportDataCheckWhenOnlyTheReportIsChecked() {
    String wrong = "00" + V.challengeHex().substring(2);
    failsAt(
        SevSnpCheck.REPORT_DATA,
        () -> SevSnpVerifier.verifyReportAndChallenge(V.attestation(), wrong, V.vcekProvider()));
  }

  @Test
  void aWrongHostFailsTheExternalAddressCheck() {
    SevSnpAttestation a = withExternalAddr("1.2.3.4:443");
    SevSnpVerificationException e =
        failsAt(
            SevSnpCheck.EXTERNAL_ADDR,
            () ->
                SevSnpVerifier.verify(
                    a, V.challengeHex(), "https://1.2.3.5:443", V.vcekProvider()));
    assertTrue(e.getMessage().contains("1.2.3.5"), e.getMessage());
  }

  @Test
  void aWrongPortFailsTheExternalAddressCheck() {
    SevSnpAttestation a = withExternalAddr("1.2.3.4:443");
    failsAt(
        SevSnpCheck.EXTERNAL_ADDR,
        () -> SevSnpVerifier.verify(a, V.challengeHex(), "https://1.2.3.4:7470", V.vcekProvider()));
    failsAt(
        SevSnpCheck.EXTERNAL_ADDR,
        () -> SevSnpVerifier.verify(a, V.challengeHex(), "http://1.2.3.4", V.vcekProvider()));
  }

  @Test
  void anAddressWithoutPortFailsTheExternalAddressCheck() {
    SevSnpAttestation a = withExternalAddr("1.2.3.4");
    failsAt(
        SevSnpCheck.EXTERNAL_ADDR,
        () -> SevSnpVerifier.verify(a, V.challengeHex(), "https://1.2.3.4", V.vcekProvider()));
  }

  @Test
  void aMatchingAddressPassesAndTheAddedEntryThenBreaksTheReportData() {
    // EXTERNAL_ADDR enters the hash, so adding it to the vector must fail the next check.
    failsAt(
        SevSnpCheck.REPORT_DATA,
        () ->
            SevSnpVerifier.verify(
                withExternalAddr("1.2.3.4:443"),
                V.challengeHex(),
                "https://1.2.3.4",
                V.vcekProvider()));
    failsAt(
        SevSnpCheck.REPORT_DATA,
        () ->
            SevSnpVerifier.verify(
                withExternalAddr("1.2.3.4:80"),
                V.challengeHex(),
                "http://1.2.3.4",
                V.vcekProvider()));
    failsAt(
        SevSnpCheck.REPORT_DATA,
        () ->
            SevSnpVerifier.verify(
                withExternalAddr("1.2.3.4:7470"),
                V.challengeHex(),
                "https://1.2.3.4:7470/",
                V.vcekProvider()));
  }

  @Test
  void aTamperedMeasurementByteFailsTheReportSignature() {
    byte[] report = V.attestation().report();
    report[SevSnpReport.MEASUREMENT_OFFSET] ^= 1;
    failsAt(
        SevSnpCheck.REPORT_SIGNATURE,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                withReport(report), V.challengeHex(), V.vcekProvider()));
  }

  @Test
  void aTamperedSignatureByteFailsTheReportSignature() {
    byte[] report = V.attestation().report();
    report[SevSnpReport.SIGNATURE_S_OFFSET + 5] ^= 1;
    failsAt(
        SevSnpCheck.REPORT_SIGNATURE,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                withReport(report), V.challengeHex(), V.vcekProvider()));
  }

  @Test
  void aTamperedChipIdAsksForAnotherVcekAndFailsTheReportSignature() {
    byte[] report = V.attestation().report();
    report[SevSnpReport.CHIP_ID_OFFSET] ^= 1;
    SevSnpVerificationException e =
        failsAt(
            SevSnpCheck.REPORT_SIGNATURE,
            () ->
                SevSnpVerifier.verifyReportAndChallenge(
                    withReport(report), V.challengeHex(), V.vcekProvider()));
    assertTrue(!V.root.get("expectedVcekUrl").textValue().equals(e.details().get("vcekUrl")));
  }

  @Test
  void aTamperedReportDataByteFailsTheReportDataCheck() {
    byte[] report = V.attestation().report();
    report[SevSnpReport.REPORT_DATA_OFFSET + 63] ^= 1;
    failsAt(
        SevSnpCheck.REPORT_DATA,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                withReport(report), V.challengeHex(), V.vcekProvider()));
  }

  @Test
  void bytesAfterTheFirst0x4A0AreIgnored() {
    byte[] report = V.attestation().report();
    report[SevSnpReport.SIZE] ^= 1;
    report[report.length - 1] ^= 1;
    SevSnpVerifier.verifyReportAndChallenge(withReport(report), V.challengeHex(), V.vcekProvider());
  }

  @Test
  void aTamperedDataValueFailsTheReportDataCheck() {
    ObjectNode json = V.attestationJson();
    ((ObjectNode) json.get("data"))
        .put("UNIX_TIME", Base64.getEncoder().encodeToString(new byte[8]));
    failsAt(
        SevSnpCheck.REPORT_DATA,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                SevSnpAttestation.fromJson(json), V.challengeHex(), V.vcekProvider()));
  }

  @Test
  void reorderedDataEntriesFailTheReportDataCheck() {
    SevSnpAttestation a = V.attestation();
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(a.data().entrySet());
    Map<String, byte[]> reversed = new LinkedHashMap<>();
    for (int i = entries.size() - 1; i >= 0; i--)
      reversed.put(entries.get(i).getKey(), entries.get(i).getValue());
    failsAt(
        SevSnpCheck.REPORT_DATA,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                withData(a, reversed), V.challengeHex(), V.vcekProvider()));
  }

  @Test
  void theLastSignatureIsNotCoveredByTheReportData() {
    SevSnpAttestation a = V.attestation();
    List<byte[]> sigs = new ArrayList<>(a.signatures());
    sigs.set(sigs.size() - 1, new byte[] {1, 2, 3});
    SevSnpAttestation changed = new SevSnpAttestation(a.noonce(), a.data(), sigs, a.report());
    SevSnpVerifier.verifyReportAndChallenge(changed, V.challengeHex(), V.vcekProvider());
  }

  @Test
  void droppingAllSignaturesDropsTheSignaturesLabelAndFailsTheReportData() {
    SevSnpAttestation a = V.attestation();
    SevSnpAttestation none = new SevSnpAttestation(a.noonce(), a.data(), List.of(), a.report());
    failsAt(
        SevSnpCheck.REPORT_DATA,
        () -> SevSnpVerifier.verifyReportAndChallenge(none, V.challengeHex(), V.vcekProvider()));
  }

  @Test
  void theWrongVcekOfTheVectorChainsToAmdButDoesNotSignTheReport() {
    byte[] wrong = V.wrongVcek();
    SevSnpVerificationException e =
        failsAt(
            SevSnpCheck.REPORT_SIGNATURE,
            () ->
                SevSnpVerifier.verifyReportAndChallenge(
                    V.attestation(), V.challengeHex(), (u, r) -> Optional.of(wrong)));
    String wasm = V.root.get("wrongVcekWasmError").textValue();
    assertTrue(e.getMessage().contains(wasm.substring(0, wasm.indexOf(':'))), e.getMessage());
    assertEquals(V.root.get("expectedVcekUrl").textValue(), e.details().get("vcekUrl"));
  }

  @Test
  void aVcekShorterThan256BytesFailsTheVcekCheck() {
    byte[] shortVcek = java.util.Arrays.copyOf(V.vcek(), 255);
    failsAt(
        SevSnpCheck.VCEK,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                V.attestation(), V.challengeHex(), (u, r) -> Optional.of(shortVcek)));
  }

  @Test
  void aMissingVcekFailsTheVcekCheck() {
    failsAt(
        SevSnpCheck.VCEK,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                V.attestation(), V.challengeHex(), (u, r) -> Optional.empty()));
    failsAt(
        SevSnpCheck.VCEK,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                V.attestation(), V.challengeHex(), new InMemoryVcekCache()));
  }

  @Test
  void aVcekThatIsNotDerFailsTheVcekCheck() {
    byte[] garbage = new byte[600];
    failsAt(
        SevSnpCheck.VCEK,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                V.attestation(), V.challengeHex(), (u, r) -> Optional.of(garbage)));
    byte[] trailing = java.util.Arrays.copyOf(V.vcek(), V.vcek().length + 1);
    failsAt(
        SevSnpCheck.VCEK,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                V.attestation(), V.challengeHex(), (u, r) -> Optional.of(trailing)));
  }

  @Test
  void aVcekWithATamperedSignatureFailsTheCertificateChain() {
    byte[] vcek = V.vcek();
    vcek[vcek.length - 10] ^= 1; // inside the ASK's signature, the last field of the certificate
    SevSnpVerificationException e =
        failsAt(
            SevSnpCheck.CERTIFICATE_CHAIN,
            () ->
                SevSnpVerifier.verifyReportAndChallenge(
                    V.attestation(), V.challengeHex(), (u, r) -> Optional.of(vcek)));
    assertTrue(e.getMessage().contains("ASK does not sign the VCEK"), e.getMessage());
  }

  @Test
  void aVcekUnderOtherRootsFailsTheCertificateChain() {
    AmdRootCertificates milan = AmdRootCertificates.milan();
    AmdRootCertificates swapped = new AmdRootCertificates(milan.ask(), milan.ark());
    SevSnpVerificationException e =
        failsAt(
            SevSnpCheck.CERTIFICATE_CHAIN,
            () ->
                SevSnpVerifier.verifyReportAndChallenge(
                    V.attestation(), V.challengeHex(), V.vcekProvider(), swapped));
    assertTrue(e.getMessage().contains("ARK is not self-signed"), e.getMessage());
  }

  @Test
  void providerLitExceptionsPassThroughAndOtherFailuresBecomeVcekFailures() {
    LitCryptoException own = new LitCryptoException("kds down");
    assertEquals(
        own,
        assertThrows(
            LitCryptoException.class,
            () ->
                SevSnpVerifier.verifyReportAndChallenge(
                    V.attestation(),
                    V.challengeHex(),
                    (u, r) -> {
                      throw own;
                    })));
    failsAt(
        SevSnpCheck.VCEK,
        () ->
            SevSnpVerifier.verifyReportAndChallenge(
                V.attestation(),
                V.challengeHex(),
                (u, r) -> {
                  throw new IllegalStateException("boom");
                }));
  }

  @Test
  void expectedReportDataIsTheSha512OfTheDocumentedLayout() throws Exception {
    SevSnpAttestation a = V.attestation();
    byte[] challenge = Hex.decode(V.challengeHex());
    MessageDigest md = MessageDigest.getInstance("SHA-512");
    md.update("noonce".getBytes(StandardCharsets.US_ASCII));
    md.update(challenge);
    md.update("data".getBytes(StandardCharsets.US_ASCII));
    for (String key : List.of("INSTANCE_ID", "RELEASE_ID", "UNIX_TIME")) {
      md.update(key.getBytes(StandardCharsets.UTF_8));
      md.update(
          Base64.getDecoder().decode(V.root.get("attestation").get("data").get(key).textValue()));
    }
    md.update(
        "signatures".getBytes(StandardCharsets.US_ASCII)); // one signature: the label, no bytes
    byte[] expected = md.digest();
    assertArrayEquals(expected, SevSnpVerifier.expectedReportData(a, challenge));
    assertEquals(V.derived("expectedReportDataSha512Hex"), Hex.encode(expected));
    assertArrayEquals(expected, a.parsedReport().reportData());
  }

  @Test
  void badArgumentsAreValidationErrors() {
    SevSnpAttestation a = V.attestation();
    assertThrows(
        LitValidationException.class,
        () -> SevSnpVerifier.verify(a, "abcd", "https://1.2.3.4", V.vcekProvider()));
    assertThrows(
        LitValidationException.class,
        () ->
            SevSnpVerifier.verify(
                a, "zz" + V.challengeHex().substring(2), "https://1.2.3.4", V.vcekProvider()));
    assertThrows(
        LitValidationException.class,
        () -> SevSnpVerifier.verify(a, V.challengeHex(), "not a url", V.vcekProvider()));
    assertThrows(
        LitValidationException.class,
        () -> SevSnpVerifier.verify(a, V.challengeHex(), "ftp://1.2.3.4", V.vcekProvider()));
    assertThrows(
        LitValidationException.class,
        () -> SevSnpVerifier.verify(a, V.challengeHex(), "https://1.2.3.4", null));
    assertThrows(
        LitValidationException.class,
        () -> SevSnpVerifier.verify(null, V.challengeHex(), "https://1.2.3.4", V.vcekProvider()));
  }
}
