package io.lit4j.crypto.attestation;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The AMD root of trust a VCEK must chain to: the AMD Root Key certificate (ARK, self-signed) and
 * the AMD SEV Key certificate (ASK) it signs. {@link #milan()} is the pair the JS SDK's WASM has
 * built in, pinned in this jar.
 *
 * @param ark the root certificate (self-signed)
 * @param ask the intermediate certificate, signed by {@code ark}, that signs VCEKs
 */
public record AmdRootCertificates(X509Certificate ark, X509Certificate ask) {

  /**
   * SHA-256 of the DER of AMD's ARK-Milan certificate (CN=ARK-Milan, valid 2020-10-22 to
   * 2045-10-22).
   */
  public static final String MILAN_ARK_SHA256 =
      "69d063b45344d26a2e94e1f4210de49ef555308287d4c174445c95639a540bcd";

  /**
   * SHA-256 of the DER of AMD's SEV-Milan ASK certificate (CN=SEV-Milan, valid 2020-10-22 to
   * 2045-10-22).
   */
  public static final String MILAN_ASK_SHA256 =
      "67d303bd3905fd38db8b20e0793699870e7fa612eaad5dec358293fd8c0bac1b";

  private static final String ARK_RESOURCE = "amd-milan-ark.pem";
  private static final String ASK_RESOURCE = "amd-milan-ask.pem";

  /**
   * @param ark the root certificate (self-signed)
   * @param ask the intermediate certificate, signed by {@code ark}, that signs VCEKs
   * @throws LitValidationException when a certificate is missing
   */
  public AmdRootCertificates {
    if (ark == null) throw new LitValidationException("ARK certificate is missing");
    if (ask == null) throw new LitValidationException("ASK certificate is missing");
  }

  /**
   * AMD's Milan ARK and ASK, read from this jar and checked against {@link #MILAN_ARK_SHA256} and
   * {@link #MILAN_ASK_SHA256}.
   *
   * @return the Milan root certificates
   * @throws IllegalStateException when the pinned resources are missing or altered (a broken build)
   */
  public static AmdRootCertificates milan() {
    return Milan.ROOTS;
  }

  /**
   * Reads an ARK and ASK from PEM (or DER) text.
   *
   * @param arkPem the AMD root key (ARK) certificate
   * @param askPem the AMD signing key (ASK) certificate
   * @return the root certificates
   * @throws LitValidationException when either is not an X.509 certificate
   */
  public static AmdRootCertificates fromPem(String arkPem, String askPem) {
    if (arkPem == null) throw new LitValidationException("ARK certificate is missing");
    if (askPem == null) throw new LitValidationException("ASK certificate is missing");
    return new AmdRootCertificates(
        certificate(arkPem.getBytes(StandardCharsets.US_ASCII), "ARK certificate"),
        certificate(askPem.getBytes(StandardCharsets.US_ASCII), "ASK certificate"));
  }

  /** Lowercase hex SHA-256 of a certificate's DER encoding. */
  static String sha256Hex(X509Certificate certificate) {
    try {
      return Hex.encode(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot hash certificate", e);
    }
  }

  static X509Certificate certificate(byte[] encoded, String what) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(encoded));
    } catch (CertificateException | RuntimeException e) {
      throw new LitValidationException(what + " is not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** Loaded on first use so a broken resource fails where it is needed, with a clear message. */
  private static final class Milan {
    static final AmdRootCertificates ROOTS = load();

    private static AmdRootCertificates load() {
      X509Certificate ark = pinned(ARK_RESOURCE, MILAN_ARK_SHA256);
      X509Certificate ask = pinned(ASK_RESOURCE, MILAN_ASK_SHA256);
      return new AmdRootCertificates(ark, ask);
    }

    private static X509Certificate pinned(String resource, String sha256) {
      byte[] pem;
      try (InputStream in = AmdRootCertificates.class.getResourceAsStream(resource)) {
        if (in == null)
          throw new IllegalStateException(
              "pinned AMD certificate " + resource + " is missing from the jar");
        pem = in.readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read pinned AMD certificate " + resource, e);
      }
      X509Certificate cert = certificate(pem, resource);
      String actual = sha256Hex(cert);
      if (!actual.equals(sha256)) {
        throw new IllegalStateException(
            "pinned AMD certificate "
                + resource
                + " has SHA-256 "
                + actual
                + ", expected "
                + sha256);
      }
      return cert;
    }
  }
}
