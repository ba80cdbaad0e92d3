package io.lit4j.crypto.attestation;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a Lit node's AMD SEV-SNP attestation as JS SDK 4.2.0's {@code checkSevSnpAttestation} does
 * during {@code connect()}. No network I/O: the VCEK certificate comes from a {@link VcekProvider}.
 * The checks, in order ({@link SevSnpCheck}):
 *
 * <ol>
 *   <li>{@link SevSnpCheck#NOONCE}: the {@code noonce} equals the challenge sent;
 *   <li>{@link SevSnpCheck#EXTERNAL_ADDR}: {@code data.EXTERNAL_ADDR} ({@code ip:port}) equals the
 *       URL's host and port (443 for {@code https}, 80 for {@code http} when the URL has none);
 *   <li>{@link SevSnpCheck#REPORT_DATA}: the report's {@code report_data} equals {@link
 *       #expectedReportData};
 *   <li>{@link SevSnpCheck#VCEK}: the provider has a certificate for {@link
 *       SevSnpReport#vcekUrl()}, of at least {@value #MIN_VCEK_BYTES} bytes of X.509 DER;
 *   <li>{@link SevSnpCheck#CERTIFICATE_CHAIN}: ARK signs itself, ARK signs ASK, ASK signs the VCEK,
 *       each RSASSA-PSS with SHA-384, MGF1 SHA-384, salt 48;
 *   <li>{@link SevSnpCheck#REPORT_SIGNATURE}: the VCEK's P-384 key verifies ECDSA-SHA-384 over
 *       report bytes {@code [0, 0x2A0)}.
 * </ol>
 *
 * <p>Like the SDK, it checks no TCB minimum, guest policy, measurement, certificate validity dates,
 * revocation list or VCEK extension. Thread-safe; all methods are static.
 *
 * <p>Example:
 *
 * <pre>{@code
 * SevSnpAttestation att = SevSnpAttestation.fromJson(handshake.get("attestation"));
 * SevSnpReport report = SevSnpVerifier.verify(att, challengeHex, "https://1.2.3.4:443", vcekCache);
 * }</pre>
 */
public final class SevSnpVerifier {
  /** A VCEK certificate shorter than this counts as not retrieved (as in the SDK). */
  public static final int MIN_VCEK_BYTES = 256;

  /** The key in {@code data} holding the node's {@code ip:port}. */
  public static final String EXTERNAL_ADDR = "EXTERNAL_ADDR";

  private static final PSSParameterSpec AMD_PSS =
      new PSSParameterSpec(
          "SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, PSSParameterSpec.TRAILER_FIELD_BC);
  private static final int P384_SCALAR_BYTES = 48;
  private static final BigInteger P384_ORDER =
      new BigInteger(
          "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
          16);
  private static final byte[] NOONCE_LABEL = ascii("noonce");
  private static final byte[] DATA_LABEL = ascii("data");
  private static final byte[] SIGNATURES_LABEL = ascii("signatures");

  private SevSnpVerifier() {}

  /**
   * Verifies a node's attestation against the challenge sent to it and the URL it was reached at,
   * trusting AMD's Milan ARK and ASK pinned in this jar.
   *
   * @param attestation the handshake's {@code attestation}
   * @param challengeHex the 64-hex-digit challenge sent in the handshake
   * @param nodeUrl the URL the handshake was sent to, e.g. {@code https://1.2.3.4:443}
   * @param vcekProvider where the VCEK certificate for the report comes from
   * @return the verified report
   * @throws LitValidationException when an argument is missing or malformed (challenge not 32 bytes
   *     of hex, URL without host, or without port and scheme other than http/https)
   * @throws SevSnpVerificationException naming the check that failed
   * @throws LitException whatever {@code vcekProvider} throws when it cannot supply a certificate
   */
  public static SevSnpReport verify(
      SevSnpAttestation attestation,
      String challengeHex,
      String nodeUrl,
      VcekProvider vcekProvider) {
    return verify(attestation, challengeHex, nodeUrl, vcekProvider, AmdRootCertificates.milan());
  }

  /**
   * As {@link #verify(SevSnpAttestation, String, String, VcekProvider)}, trusting the given ARK and
   * ASK instead of AMD's Milan pair.
   *
   * @param attestation the node's attestation
   * @param challengeHex the 32-byte challenge sent to the node, hex
   * @param nodeUrl the node's URL, which the attestation must name
   * @param vcekProvider where the node's VCEK certificate comes from
   * @param roots the ARK and ASK to trust
   * @return the verified report
   * @throws LitValidationException when an argument is missing or malformed
   * @throws SevSnpVerificationException naming the check that failed
   * @throws LitException whatever {@code vcekProvider} throws when it cannot supply a certificate
   */
  public static SevSnpReport verify(
      SevSnpAttestation attestation,
      String challengeHex,
      String nodeUrl,
      VcekProvider vcekProvider,
      AmdRootCertificates roots) {
    require(attestation, "attestation");
    byte[] challenge = Hex.decode(challengeHex, 32, "challengeHex");
    HostAndPort target = HostAndPort.ofUrl(nodeUrl);
    require(vcekProvider, "vcekProvider");
    require(roots, "roots");

    if (!MessageDigest.isEqual(attestation.noonce(), challenge)) {
      throw fail(
          SevSnpCheck.NOONCE,
          nodeUrl,
          null,
          "attestation noonce "
              + Hex.encode(attestation.noonce())
              + " does not match challenge "
              + Hex.encode(challenge));
    }
    checkExternalAddress(attestation.data(), target, nodeUrl);
    return checkReport(attestation, challenge, nodeUrl, vcekProvider, roots);
  }

  /**
   * The part of the check the SDK leaves to its WASM ({@code
   * verify_attestation_report_and_check_challenge}): report data, VCEK, certificate chain and
   * report signature, under AMD's pinned Milan ARK and ASK. It does <em>not</em> compare the {@code
   * noonce} or the node's address; a client deciding whether to trust a node calls {@link
   * #verify(SevSnpAttestation, String, String, VcekProvider)}.
   *
   * @param attestation the node's attestation
   * @param challengeHex the 32-byte challenge sent to the node, hex
   * @param vcekProvider where the node's VCEK certificate comes from
   * @return the verified report
   * @throws LitValidationException when an argument is missing or the challenge is not 32 bytes of
   *     hex
   * @throws SevSnpVerificationException naming the check that failed
   * @throws LitException whatever {@code vcekProvider} throws when it cannot supply a certificate
   */
  public static SevSnpReport verifyReportAndChallenge(
      SevSnpAttestation attestation, String challengeHex, VcekProvider vcekProvider) {
    return verifyReportAndChallenge(
        attestation, challengeHex, vcekProvider, AmdRootCertificates.milan());
  }

  /**
   * As {@link #verifyReportAndChallenge(SevSnpAttestation, String, VcekProvider)}, trusting the
   * given ARK and ASK.
   *
   * @param attestation the node's attestation
   * @param challengeHex the 32-byte challenge sent to the node, hex
   * @param vcekProvider where the node's VCEK certificate comes from
   * @param roots the ARK and ASK to trust
   * @return the verified report
   * @throws LitValidationException when an argument is missing or the challenge is not 32 bytes of
   *     hex
   * @throws SevSnpVerificationException naming the check that failed
   * @throws LitException whatever {@code vcekProvider} throws when it cannot supply a certificate
   */
  public static SevSnpReport verifyReportAndChallenge(
      SevSnpAttestation attestation,
      String challengeHex,
      VcekProvider vcekProvider,
      AmdRootCertificates roots) {
    require(attestation, "attestation");
    byte[] challenge = Hex.decode(challengeHex, 32, "challengeHex");
    require(vcekProvider, "vcekProvider");
    require(roots, "roots");
    return checkReport(attestation, challenge, null, vcekProvider, roots);
  }

  /**
   * The {@code report_data} a node must have put in its report: SHA-512 over {@code "noonce"} ‖
   * challenge ‖ {@code "data"} ‖ each data entry's key (UTF-8) and value, in order ‖ and, when
   * there is at least one signature, {@code "signatures"} ‖ every signature <em>except the
   * last</em> (the node hashes before its own last signature; the SDK follows it).
   *
   * @param challenge the 32-byte challenge (not the attestation's noonce)
   * @param attestation the node's attestation
   * @return the 64 expected {@code report_data} bytes
   * @throws LitValidationException when an argument is missing
   */
  public static byte[] expectedReportData(SevSnpAttestation attestation, byte[] challenge) {
    require(attestation, "attestation");
    require(challenge, "challenge");
    MessageDigest sha512 = digest("SHA-512");
    sha512.update(NOONCE_LABEL);
    sha512.update(challenge);
    sha512.update(DATA_LABEL);
    for (Map.Entry<String, byte[]> e : attestation.data().entrySet()) {
      sha512.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      sha512.update(e.getValue());
    }
    List<byte[]> signatures = attestation.signatures();
    if (!signatures.isEmpty()) {
      sha512.update(SIGNATURES_LABEL);
      for (byte[] sig : signatures.subList(0, signatures.size() - 1)) sha512.update(sig);
    }
    return sha512.digest();
  }

  private static void checkExternalAddress(
      Map<String, byte[]> data, HostAndPort target, String nodeUrl) {
    byte[] addr = data.get(EXTERNAL_ADDR);
    if (addr == null) {
      throw fail(
          SevSnpCheck.EXTERNAL_ADDR,
          nodeUrl,
          null,
          "attestation data has no "
              + EXTERNAL_ADDR
              + ", so the report cannot be tied to "
              + nodeUrl);
    }
    // The SDK splits on ':' and compares the first two parts as strings.
    String[] parts = new String(addr, StandardCharsets.UTF_8).split(":", -1);
    String ip = parts[0];
    String port = parts.length > 1 ? parts[1] : "";
    if (!ip.equals(target.host())) {
      throw fail(
          SevSnpCheck.EXTERNAL_ADDR,
          nodeUrl,
          null,
          "attestation external address "
              + ip
              + " does not match the host we talked to "
              + target.host());
    }
    if (!port.equals(target.port())) {
      throw fail(
          SevSnpCheck.EXTERNAL_ADDR,
          nodeUrl,
          null,
          "attestation external port "
              + port
              + " does not match the port we talked to "
              + target.port());
    }
  }

  private static SevSnpReport checkReport(
      SevSnpAttestation attestation,
      byte[] challenge,
      String nodeUrl,
      VcekProvider vcekProvider,
      AmdRootCertificates roots) {
    SevSnpReport report = attestation.parsedReport();
    // Checked before asking for the VCEK (the SDK asks first) so a bad attestation costs no KDS
    // request.
    if (!MessageDigest.isEqual(report.reportData(), expectedReportData(attestation, challenge))) {
      throw fail(
          SevSnpCheck.REPORT_DATA,
          nodeUrl,
          null,
          "report data does not match; the data, challenge/noonce or signatures are not what the node attested");
    }
    String vcekUrl = report.vcekUrl();
    X509Certificate vcek = vcek(vcekProvider, vcekUrl, report, nodeUrl);
    checkChain(roots, vcek, nodeUrl, vcekUrl);
    checkReportSignature(report, vcek, nodeUrl, vcekUrl);
    return report;
  }

  private static X509Certificate vcek(
      VcekProvider provider, String vcekUrl, SevSnpReport report, String nodeUrl) {
    Optional<byte[]> found;
    try {
      found = provider.vcekDer(vcekUrl, report);
    } catch (LitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw fail(SevSnpCheck.VCEK, nodeUrl, vcekUrl, "the VCEK provider failed: " + e, e);
    }
    if (found == null || found.isEmpty()) {
      throw fail(
          SevSnpCheck.VCEK,
          nodeUrl,
          vcekUrl,
          "no VCEK certificate for " + vcekUrl + "; supply it through the VcekProvider");
    }
    byte[] der = found.get();
    if (der == null || der.length < MIN_VCEK_BYTES) {
      throw fail(
          SevSnpCheck.VCEK,
          nodeUrl,
          vcekUrl,
          "unable to retrieve the VCEK certificate: got "
              + (der == null ? 0 : der.length)
              + " bytes, a VCEK certificate has at least "
              + MIN_VCEK_BYTES);
    }
    try {
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      // Exactly one DER certificate, as the SDK's from_der reads it: no PEM, no trailing bytes.
      if (!Arrays.equals(cert.getEncoded(), der)) {
        throw fail(
            SevSnpCheck.VCEK, nodeUrl, vcekUrl, "the VCEK is not a single DER-encoded certificate");
      }
      return cert;
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof SevSnpVerificationException sve) throw sve;
      throw fail(
          SevSnpCheck.VCEK,
          nodeUrl,
          vcekUrl,
          "the VCEK is not an X.509 certificate: " + e.getMessage(),
          e);
    }
  }

  private static void checkChain(
      AmdRootCertificates roots, X509Certificate vcek, String nodeUrl, String vcekUrl) {
    requirePss(
        roots.ark(), roots.ark().getPublicKey(), "the ARK is not self-signed", nodeUrl, vcekUrl);
    requirePss(
        roots.ask(), roots.ark().getPublicKey(), "the ARK does not sign the ASK", nodeUrl, vcekUrl);
    requirePss(
        vcek, roots.ask().getPublicKey(), "the ASK does not sign the VCEK", nodeUrl, vcekUrl);
  }

  private static void requirePss(
      X509Certificate subject,
      PublicKey issuerKey,
      String failure,
      String nodeUrl,
      String vcekUrl) {
    try {
      Signature pss = Signature.getInstance("RSASSA-PSS");
      pss.initVerify(issuerKey);
      pss.setParameter(AMD_PSS);
      pss.update(subject.getTBSCertificate());
      if (pss.verify(subject.getSignature())) return;
      throw fail(SevSnpCheck.CERTIFICATE_CHAIN, nodeUrl, vcekUrl, failure);
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof SevSnpVerificationException sve) throw sve;
      throw fail(
          SevSnpCheck.CERTIFICATE_CHAIN,
          nodeUrl,
          vcekUrl,
          failure + " (" + e.getMessage() + ")",
          e);
    }
  }

  private static void checkReportSignature(
      SevSnpReport report, X509Certificate vcek, String nodeUrl, String vcekUrl) {
    PublicKey key = vcek.getPublicKey();
    if (!(key instanceof ECPublicKey ec)
        || !P384_ORDER.equals(ec.getParams().getOrder())
        || ec.getParams().getCurve().getField().getFieldSize() != 384) {
      throw fail(SevSnpCheck.REPORT_SIGNATURE, nodeUrl, vcekUrl, "the VCEK key is not a P-384 key");
    }
    BigInteger r = littleEndianScalar(report.signatureR());
    BigInteger s = littleEndianScalar(report.signatureS());
    if (!inScalarRange(r) || !inScalarRange(s)) {
      throw fail(
          SevSnpCheck.REPORT_SIGNATURE,
          nodeUrl,
          vcekUrl,
          "VCEK does not sign the attestation report: signature r or s is not in [1, n-1]");
    }
    byte[] p1363 = new byte[2 * P384_SCALAR_BYTES];
    System.arraycopy(toFixed(r), 0, p1363, 0, P384_SCALAR_BYTES);
    System.arraycopy(toFixed(s), 0, p1363, P384_SCALAR_BYTES, P384_SCALAR_BYTES);
    boolean ok;
    try {
      Signature ecdsa = Signature.getInstance("SHA384withECDSAinP1363Format");
      ecdsa.initVerify(key);
      ecdsa.update(report.signedBytes());
      ok = ecdsa.verify(p1363);
    } catch (GeneralSecurityException e) {
      throw fail(
          SevSnpCheck.REPORT_SIGNATURE,
          nodeUrl,
          vcekUrl,
          "VCEK does not sign the attestation report: " + e.getMessage(),
          e);
    }
    if (!ok) {
      throw fail(
          SevSnpCheck.REPORT_SIGNATURE,
          nodeUrl,
          vcekUrl,
          "VCEK does not sign the attestation report");
    }
  }

  /** The low 48 bytes of a 72-byte little-endian field (the rest is padding for larger curves). */
  private static BigInteger littleEndianScalar(byte[] field72) {
    byte[] be = new byte[P384_SCALAR_BYTES];
    for (int i = 0; i < P384_SCALAR_BYTES; i++) be[i] = field72[P384_SCALAR_BYTES - 1 - i];
    return new BigInteger(1, be);
  }

  private static boolean inScalarRange(BigInteger v) {
    return v.signum() > 0 && v.compareTo(P384_ORDER) < 0;
  }

  private static byte[] toFixed(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[P384_SCALAR_BYTES];
    int n = Math.min(raw.length, P384_SCALAR_BYTES);
    System.arraycopy(raw, raw.length - n, out, P384_SCALAR_BYTES - n, n);
    return out;
  }

  private static SevSnpVerificationException fail(
      SevSnpCheck check, String nodeUrl, String vcekUrl, String message) {
    return SevSnpVerificationException.of(check, nodeUrl, vcekUrl, message, null);
  }

  private static SevSnpVerificationException fail(
      SevSnpCheck check, String nodeUrl, String vcekUrl, String message, Throwable cause) {
    return SevSnpVerificationException.of(check, nodeUrl, vcekUrl, message, cause);
  }

  private static void require(Object value, String name) {
    if (value == null) throw new LitValidationException(name + " is missing");
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Host and port as the SDK reads them from the URL it called (WHATWG URL hostname and port). */
  record HostAndPort(String host, String port) {
    static HostAndPort ofUrl(String nodeUrl) {
      if (nodeUrl == null || nodeUrl.isBlank())
        throw new LitValidationException("nodeUrl is missing");
      URI uri;
      try {
        uri = new URI(nodeUrl);
      } catch (URISyntaxException e) {
        throw new LitValidationException("nodeUrl is not a URL: " + e.getMessage(), e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null)
        throw new LitValidationException("nodeUrl has no host: " + nodeUrl);
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if (port < 0) {
        if (scheme.equals("https")) port = 443;
        else if (scheme.equals("http")) port = 80;
        else
          throw new LitValidationException(
              "nodeUrl has no port and is neither http nor https: " + nodeUrl);
      }
      return new HostAndPort(host, Integer.toString(port));
    }
  }
}
