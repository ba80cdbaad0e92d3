package io.lit4j.crypto.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class SevSnpReportTest {
  private static final SevSnpVector V = SevSnpVector.load();
  private static final SevSnpReport REPORT = V.attestation().parsedReport();

  @Test
  void theReportIsCutTo0x4A0Bytes() {
    assertEquals(Integer.parseInt(V.derived("reportUsedBytes")), REPORT.bytes().length);
    assertEquals(0x4A0, SevSnpReport.SIZE);
  }

  @Test
  void fieldsAreReadAtTheirOffsets() throws Exception {
    assertEquals(V.derived("reportDataHex_0x50_0x90"), Hex.encode(REPORT.reportData()));
    assertEquals(V.derived("reportedTcbBytes_0x180"), Hex.encode(REPORT.reportedTcbBytes()));
    assertEquals(V.derived("chipIdHex_0x1A0"), Hex.encode(REPORT.chipId()));
    assertEquals(V.derived("sigRLittleEndian72Hex"), Hex.encode(REPORT.signatureR()));
    assertEquals(V.derived("sigSLittleEndian72Hex"), Hex.encode(REPORT.signatureS()));
    assertEquals(
        V.derived("signedBytesSha384Hex"),
        Hex.encode(MessageDigest.getInstance("SHA-384").digest(REPORT.signedBytes())));
    assertArrayEquals(
        java.util.Arrays.copyOfRange(V.attestation().report(), 0x90, 0xC0), REPORT.measurement());
  }

  @Test
  void theReportedTcbSelectsBootLoaderTeeSnpAndMicrocode() {
    assertEquals(new SevSnpTcbVersion(3, 0, 10, 169), REPORT.reportedTcb());
  }

  @Test
  void theVcekUrlPadsLevelsToTwoDecimalDigits() {
    assertEquals(V.root.get("expectedVcekUrl").textValue(), REPORT.vcekUrl());
    assertEquals("blSPL=03&teeSPL=00&snpSPL=10&ucodeSPL=169", REPORT.reportedTcb().kdsQuery());
    assertEquals(
        "blSPL=00&teeSPL=01&snpSPL=255&ucodeSPL=09", new SevSnpTcbVersion(0, 1, 255, 9).kdsQuery());
  }

  @Test
  void aShortReportOrOutOfRangeLevelIsRejected() {
    assertThrows(
        LitValidationException.class, () -> SevSnpReport.parse(new byte[SevSnpReport.SIZE - 1]));
    assertThrows(
        LitValidationException.class, () -> new SevSnpReport(new byte[SevSnpReport.SIZE + 1]));
    assertThrows(LitValidationException.class, () -> new SevSnpTcbVersion(0, 0, 256, 0));
    assertThrows(LitValidationException.class, () -> SevSnpTcbVersion.fromBytes(new byte[7]));
  }

  @Test
  void reportsCompareByContent() {
    assertEquals(REPORT, SevSnpReport.parse(V.attestation().report()));
    assertEquals(REPORT.hashCode(), SevSnpReport.parse(V.attestation().report()).hashCode());
  }
}
