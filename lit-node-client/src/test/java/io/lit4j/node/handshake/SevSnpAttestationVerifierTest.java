package io.lit4j.node.handshake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.attestation.InMemoryVcekCache;
import io.lit4j.crypto.attestation.SevSnpAttestation;
import io.lit4j.crypto.attestation.SevSnpCheck;
import io.lit4j.crypto.attestation.SevSnpVerificationException;
import io.lit4j.crypto.attestation.SevSnpVerifier;
import java.time.Duration;
import java.util.Base64;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's SEV-SNP wiring against the shared attestation vector (a real Lit node report). */
class SevSnpAttestationVerifierTest {
  private static final String KDS = "https://kdsintf.amd.com/";

  private JsonNode vector;
  private WireMockServer amd;
  private OkHttpClient http;

  @BeforeEach
  void setUp() throws Exception {
    vector =
        io.lit4j.core.vectors.TestVectors.read(
            io.lit4j.core.vectors.TestVectors.committed("sev_snp_attestation.json"));
    amd = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    amd.start();
    http = new OkHttpClient();
  }

  @AfterEach
  void tearDown() {
    amd.stop();
    http.connectionPool().evictAll();
  }

  private String vcekPath() {
    return "/" + vector.get("expectedVcekUrl").textValue().substring(KDS.length());
  }

  private AmdKdsVcekFetcher fetcher() {
    return new AmdKdsVcekFetcher(
        http, Duration.ofSeconds(5), "http://127.0.0.1:" + amd.port() + "/");
  }

  @Test
  void theFetcherGetsTheVcekFromTheKdsOnceAndTheReportVerifiesUnderAmdsRoots() {
    byte[] der = Base64.getDecoder().decode(vector.get("vcekDerBase64").textValue());
    amd.stubFor(get(urlEqualTo(vcekPath())).willReturn(aResponse().withStatus(200).withBody(der)));
    InMemoryVcekCache cache = new InMemoryVcekCache(fetcher());
    SevSnpAttestation att = SevSnpAttestation.fromJson(vector.get("attestation"));
    String challenge = vector.get("challengeHex").textValue();

    SevSnpVerifier.verifyReportAndChallenge(att, challenge, cache);
    SevSnpVerifier.verifyReportAndChallenge(att, challenge, cache);

    assertEquals(
        1,
        amd.findAll(getRequestedFor(urlEqualTo(vcekPath()))).size(),
        "cached after the first fetch");
    assertArrayEquals(
        der,
        cache.vcekDer(vector.get("expectedVcekUrl").textValue(), att.parsedReport()).orElseThrow());
  }

  @Test
  void aChallengeOtherThanTheNonceIsRejected() {
    SevSnpAttestationVerifier v =
        new SevSnpAttestationVerifier(new InMemoryVcekCache(fetcher()), Runnable::run);

    SevSnpVerificationException e =
        assertThrows(
            SevSnpVerificationException.class,
            () -> v.check("https://1.2.3.4:443", "00".repeat(32), vector.get("attestation")));

    assertEquals(SevSnpCheck.NOONCE, e.failedCheck());
    assertEquals("InvalidNodeAttestation", e.errorCode().orElseThrow());
  }

  @Test
  void anAttestationThatDoesNotNameTheNodeCalledIsRejected() {
    // the vector's data has no EXTERNAL_ADDR, so no node URL can match it
    SevSnpAttestationVerifier v =
        new SevSnpAttestationVerifier(new InMemoryVcekCache(fetcher()), Runnable::run);

    java.util.concurrent.CompletionException wrapped =
        assertThrows(
            java.util.concurrent.CompletionException.class,
            () ->
                v.verify(
                        "https://1.2.3.4:443",
                        vector.get("challengeHex").textValue(),
                        vector.get("attestation"))
                    .join());

    SevSnpVerificationException e = (SevSnpVerificationException) wrapped.getCause();
    assertEquals(SevSnpCheck.EXTERNAL_ADDR, e.failedCheck());
  }

  @Test
  void aKdsAnswerThatIsNotACertificateIsAnAttestationError() {
    amd.stubFor(
        get(urlEqualTo(vcekPath())).willReturn(aResponse().withStatus(404).withBody("not found")));
    SevSnpAttestation att = SevSnpAttestation.fromJson(vector.get("attestation"));

    LitException e =
        assertThrows(
            LitException.class,
            () -> fetcher().vcekDer(vector.get("expectedVcekUrl").textValue(), att.parsedReport()));

    assertEquals(404, e.status());
    assertEquals("InvalidNodeAttestation", e.errorCode().orElseThrow());
    assertTrue(e.getMessage().contains("HTTP 404"));
  }

  @Test
  void malformedAttestationJsonIsAnAttestationError() {
    SevSnpAttestationVerifier v =
        new SevSnpAttestationVerifier(new InMemoryVcekCache(fetcher()), Runnable::run);

    LitException e =
        assertThrows(
            LitException.class,
            () ->
                v.check(
                    "https://1.2.3.4:443",
                    "00".repeat(32),
                    LitJson.parse("{\"type\":\"AMD_SEV_SNP\"}", "a")));

    assertEquals("InvalidNodeAttestation", e.errorCode().orElseThrow());
  }
}
