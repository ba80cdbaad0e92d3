package io.lit4j.crypto.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.util.Hex;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The full connect-path check on attestations signed by a made-up chain (see {@link
 * SyntheticSevSnp}).
 */
class SevSnpVerifierSyntheticChainTest {
  private static final SyntheticSevSnp CHAIN = new SyntheticSevSnp();

  private static void failsAt(SevSnpCheck check, Executable call) {
    SevSnpVerificationException e = assertThrows(SevSnpVerificationException.class, call);
    assertEquals(check, e.failedCheck(), e.getMessage());
  }

  @Test
  void anAttestationFromTheNodeWeCalledPassesEveryCheck() {
    byte[] challenge = SyntheticSevSnp.randomChallenge();
    SevSnpAttestation a = CHAIN.attestation(challenge, "10.0.0.7:7470");
    SevSnpReport report =
        SevSnpVerifier.verify(
            a, Hex.encode(challenge), "https://10.0.0.7:7470", CHAIN.vcekProvider(), CHAIN.roots);
    assertArrayEquals(a.parsedReport().reportData(), report.reportData());
  }

  @Test
  void theDefaultPortsAre443ForHttpsAnd80ForHttp() {
    byte[] challenge = SyntheticSevSnp.randomChallenge();
    String hex = Hex.encode(challenge);
    SevSnpVerifier.verify(
        CHAIN.attestation(challenge, "10.0.0.7:443"),
        hex,
        "https://10.0.0.7",
        CHAIN.vcekProvider(),
        CHAIN.roots);
    SevSnpVerifier.verify(
        CHAIN.attestation(challenge, "10.0.0.7:443"),
        hex,
        "https://10.0.0.7:443/",
        CHAIN.vcekProvider(),
        CHAIN.roots);
    SevSnpVerifier.verify(
        CHAIN.attestation(challenge, "10.0.0.7:80"),
        hex,
        "http://10.0.0.7",
        CHAIN.vcekProvider(),
        CHAIN.roots);
    failsAt(
        SevSnpCheck.EXTERNAL_ADDR,
        () ->
            SevSnpVerifier.verify(
                CHAIN.attestation(challenge, "10.0.0.7:80"),
                hex,
                "https://10.0.0.7",
                CHAIN.vcekProvider(),
                CHAIN.roots));
  }

  @Test
  void theSameAttestationFailsForAnotherChallengeHostOrPort() {
    byte[] challenge = SyntheticSevSnp.randomChallenge();
    SevSnpAttestation a = CHAIN.attestation(challenge, "10.0.0.7:7470");
    failsAt(
        SevSnpCheck.NOONCE,
        () ->
            SevSnpVerifier.verify(
                a,
                Hex.encode(SyntheticSevSnp.randomChallenge()),
                "https://10.0.0.7:7470",
                CHAIN.vcekProvider(),
                CHAIN.roots));
    failsAt(
        SevSnpCheck.EXTERNAL_ADDR,
        () ->
            SevSnpVerifier.verify(
                a,
                Hex.encode(challenge),
                "https://10.0.0.8:7470",
                CHAIN.vcekProvider(),
                CHAIN.roots));
    failsAt(
        SevSnpCheck.EXTERNAL_ADDR,
        () ->
            SevSnpVerifier.verify(
                a,
                Hex.encode(challenge),
                "https://10.0.0.7:7471",
                CHAIN.vcekProvider(),
                CHAIN.roots));
  }

  @Test
  void aForgedExternalAddressFailsTheReportData() {
    // A man in the middle rewriting EXTERNAL_ADDR to its own address passes the address check but
    // not the hash.
    byte[] challenge = SyntheticSevSnp.randomChallenge();
    SevSnpAttestation a = CHAIN.attestation(challenge, "10.0.0.7:7470");
    Map<String, byte[]> data = new LinkedHashMap<>(a.data());
    data.put(
        "EXTERNAL_ADDR", "10.0.0.66:7470".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    SevSnpAttestation forged = new SevSnpAttestation(a.noonce(), data, a.signatures(), a.report());
    failsAt(
        SevSnpCheck.REPORT_DATA,
        () ->
            SevSnpVerifier.verify(
                forged,
                Hex.encode(challenge),
                "https://10.0.0.66:7470",
                CHAIN.vcekProvider(),
                CHAIN.roots));
  }

  @Test
  void aChainThatIsNotAmdsFailsUnderThePinnedMilanRoots() {
    byte[] challenge = SyntheticSevSnp.randomChallenge();
    SevSnpAttestation a = CHAIN.attestation(challenge, "10.0.0.7:7470");
    SevSnpVerificationException e =
        assertThrows(
            SevSnpVerificationException.class,
            () ->
                SevSnpVerifier.verify(
                    a, Hex.encode(challenge), "https://10.0.0.7:7470", CHAIN.vcekProvider()));
    assertEquals(SevSnpCheck.CERTIFICATE_CHAIN, e.failedCheck());
    assertTrue(e.getMessage().contains("ASK does not sign the VCEK"), e.getMessage());
  }

  @Test
  void aReportSignedByAnotherKeyFailsTheReportSignature() throws Exception {
    byte[] challenge = SyntheticSevSnp.randomChallenge();
    SevSnpAttestation a = CHAIN.attestation(challenge, "10.0.0.7:7470");
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp384r1"));
    byte[] report = a.report();
    SyntheticSevSnp.sign(report, ec.generateKeyPair().getPrivate());
    SevSnpAttestation resigned =
        new SevSnpAttestation(a.noonce(), a.data(), a.signatures(), report);
    failsAt(
        SevSnpCheck.REPORT_SIGNATURE,
        () ->
            SevSnpVerifier.verify(
                resigned,
                Hex.encode(challenge),
                "https://10.0.0.7:7470",
                CHAIN.vcekProvider(),
                CHAIN.roots));
  }

  @Test
  void aVcekWithAnRsaKeyFailsTheReportSignature() throws Exception {
    byte[] challenge = SyntheticSevSnp.randomChallenge();
    SevSnpAttestation a = CHAIN.attestation(challenge, "10.0.0.7:7470");
    byte[] rsaVcek =
        SyntheticSevSnp.certificate(
                "CN=Test ASK", "CN=RSA VCEK", CHAIN.askKey.getPublic(), CHAIN.askKey.getPrivate())
            .getEncoded();
    failsAt(
        SevSnpCheck.REPORT_SIGNATURE,
        () ->
            SevSnpVerifier.verify(
                a,
                Hex.encode(challenge),
                "https://10.0.0.7:7470",
                (u, r) -> Optional.of(rsaVcek),
                CHAIN.roots));
  }

  @Test
  void aZeroSignatureFailsTheReportSignature() {
    byte[] challenge = SyntheticSevSnp.randomChallenge();
    SevSnpAttestation a = CHAIN.attestation(challenge, "10.0.0.7:7470");
    byte[] report = a.report();
    java.util.Arrays.fill(report, 0x2A0, 0x2A0 + 144, (byte) 0);
    SevSnpAttestation zero = new SevSnpAttestation(a.noonce(), a.data(), a.signatures(), report);
    failsAt(
        SevSnpCheck.REPORT_SIGNATURE,
        () ->
            SevSnpVerifier.verify(
                zero,
                Hex.encode(challenge),
                "https://10.0.0.7:7470",
                CHAIN.vcekProvider(),
                CHAIN.roots));
  }

  @Test
  void aFileCacheInFrontOfAnUpstreamServesTheVerifier(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    byte[] challenge = SyntheticSevSnp.randomChallenge();
    SevSnpAttestation a = CHAIN.attestation(challenge, "10.0.0.7:7470");
    FileVcekCache cache = new FileVcekCache(dir, CHAIN.vcekProvider());
    SevSnpVerifier.verify(a, Hex.encode(challenge), "https://10.0.0.7:7470", cache, CHAIN.roots);
    assertArrayEquals(
        CHAIN.vcekDer, new FileVcekCache(dir).get(a.parsedReport().vcekUrl()).orElseThrow());
  }
}
