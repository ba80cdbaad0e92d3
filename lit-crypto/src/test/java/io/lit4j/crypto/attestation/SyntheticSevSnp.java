package io.lit4j.crypto.attestation;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * A made-up AMD-style trust chain (ARK → ASK → VCEK, RSASSA-PSS SHA-384 salt 48, P-384 VCEK) and
 * attestations signed by it, so the whole connect-path check can be seen to pass, which the shared
 * vector (without {@code EXTERNAL_ADDR}) cannot show.
 */
final class SyntheticSevSnp {
  static final SecureRandom RANDOM = new SecureRandom();
  private static final PSSParameterSpec PSS =
      new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1);

  final KeyPair arkKey;
  final KeyPair askKey;
  final KeyPair vcekKey;
  final AmdRootCertificates roots;
  final byte[] vcekDer;

  SyntheticSevSnp() {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048, RANDOM);
      arkKey = rsa.generateKeyPair();
      askKey = rsa.generateKeyPair();
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(new ECGenParameterSpec("secp384r1"), RANDOM);
      vcekKey = ec.generateKeyPair();
      X509Certificate ark =
          certificate("CN=Test ARK", "CN=Test ARK", arkKey.getPublic(), arkKey.getPrivate());
      X509Certificate ask =
          certificate("CN=Test ARK", "CN=Test ASK", askKey.getPublic(), arkKey.getPrivate());
      roots = new AmdRootCertificates(ark, ask);
      vcekDer =
          certificate("CN=Test ASK", "CN=Test VCEK", vcekKey.getPublic(), askKey.getPrivate())
              .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  VcekProvider vcekProvider() {
    return (url, report) -> Optional.of(vcekDer.clone());
  }

  static byte[] randomChallenge() {
    byte[] c = new byte[32];
    RANDOM.nextBytes(c);
    return c;
  }

  /** An attestation as a node at {@code externalAddr} would send for {@code challenge}. */
  SevSnpAttestation attestation(byte[] challenge, String externalAddr) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    data.put("INSTANCE_ID", "1a483250".getBytes(StandardCharsets.UTF_8));
    data.put(
        "RELEASE_ID",
        "fc5c9250ccc159e4a03d38fb4df07a5358a44a27cc491b0d".getBytes(StandardCharsets.UTF_8));
    data.put("UNIX_TIME", new byte[] {1, 2, 3, 4, 0, 0, 0, 0});
    data.put("EXTERNAL_ADDR", externalAddr.getBytes(StandardCharsets.UTF_8));
    List<byte[]> signatures = List.of(new byte[] {9, 9, 9}, new byte[] {7, 7});
    SevSnpAttestation unsigned = new SevSnpAttestation(challenge, data, signatures, new byte[3968]);
    byte[] report = new byte[3968];
    report[0] = 2; // version
    System.arraycopy(SevSnpVerifier.expectedReportData(unsigned, challenge), 0, report, 0x50, 64);
    byte[] chipId = new byte[64];
    RANDOM.nextBytes(chipId);
    System.arraycopy(chipId, 0, report, 0x1A0, 64);
    byte[] tcb = {3, 0, 0, 0, 0, 0, 8, 115};
    System.arraycopy(tcb, 0, report, 0x180, 8);
    sign(report, vcekKey.getPrivate());
    return new SevSnpAttestation(challenge, data, signatures, report);
  }

  /** Signs report bytes [0, 0x2A0) and writes r and s little-endian at 0x2A0 and 0x2E8. */
  static void sign(byte[] report, PrivateKey key) {
    try {
      Signature ecdsa = Signature.getInstance("SHA384withECDSAinP1363Format");
      ecdsa.initSign(key, RANDOM);
      ecdsa.update(report, 0, 0x2A0);
      byte[] rs = ecdsa.sign();
      java.util.Arrays.fill(report, 0x2A0, 0x2A0 + 144, (byte) 0);
      for (int i = 0; i < 48; i++) {
        report[0x2A0 + i] = rs[47 - i];
        report[0x2E8 + i] = rs[95 - i];
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static X509Certificate certificate(
      String issuer, String subject, PublicKey subjectKey, PrivateKey issuerKey) throws Exception {
    AlgorithmIdentifier sha384 =
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384, DERNull.INSTANCE);
    AlgorithmIdentifier pss =
        new AlgorithmIdentifier(
            PKCSObjectIdentifiers.id_RSASSA_PSS,
            new RSASSAPSSparams(
                sha384,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha384),
                new ASN1Integer(48),
                new ASN1Integer(1)));
    V3TBSCertificateGenerator gen = new V3TBSCertificateGenerator();
    gen.setSerialNumber(new ASN1Integer(BigInteger.valueOf(RANDOM.nextInt(1 << 30))));
    gen.setIssuer(new X500Name(issuer));
    gen.setSubject(new X500Name(subject));
    gen.setStartDate(new Time(new Date(0)));
    gen.setEndDate(new Time(new Date(4_000_000_000_000L)));
    gen.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
    gen.setSignature(pss);
    TBSCertificate tbs = gen.generateTBSCertificate();
    Signature signer = Signature.getInstance("RSASSA-PSS");
    signer.setParameter(PSS);
    signer.initSign(issuerKey, RANDOM);
    signer.update(tbs.getEncoded(ASN1Encoding.DER));
    byte[] sig = signer.sign();
    byte[] der =
        new DERSequence(new ASN1Encodable[] {tbs, pss, new DERBitString(sig)})
            .getEncoded(ASN1Encoding.DER);
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
