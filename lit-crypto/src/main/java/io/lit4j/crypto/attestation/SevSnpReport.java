package io.lit4j.crypto.attestation;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.util.Arrays;

/**
 * An AMD SEV-SNP attestation report: the first {@value #SIZE} bytes a node sends (nodes send 3968,
 * the rest zero), with the fields lit4j reads. Immutable: accessors return copies.
 *
 * <table>
 *   <caption>Layout (offsets in bytes)</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0x50</td><td>64</td><td>report_data</td></tr>
 *   <tr><td>0x90</td><td>48</td><td>measurement</td></tr>
 *   <tr><td>0x180</td><td>8</td><td>reported_tcb</td></tr>
 *   <tr><td>0x1A0</td><td>64</td><td>chip_id</td></tr>
 *   <tr><td>0x2A0</td><td>72</td><td>signature r, little-endian</td></tr>
 *   <tr><td>0x2E8</td><td>72</td><td>signature s, little-endian</td></tr>
 * </table>
 *
 * @param bytes the report, exactly {@value #SIZE} bytes
 */
public record SevSnpReport(byte[] bytes) {
  /** Bytes of a report that are used (0x4A0); longer input is cut to this. */
  public static final int SIZE = 0x4A0;

  /** The signed part of the report: bytes {@code [0, SIGNED_LENGTH)}. */
  public static final int SIGNED_LENGTH = 0x2A0;

  /**
   * Where AMD's key distribution service serves VCEK certificates (product fixed to Milan, as in
   * the SDK).
   */
  public static final String KDS_VCEK_BASE = "https://kdsintf.amd.com/vcek/v1/Milan/";

  static final int REPORT_DATA_OFFSET = 0x50;
  static final int REPORT_DATA_LENGTH = 64;
  static final int MEASUREMENT_OFFSET = 0x90;
  static final int MEASUREMENT_LENGTH = 48;
  static final int REPORTED_TCB_OFFSET = 0x180;
  static final int REPORTED_TCB_LENGTH = 8;
  static final int CHIP_ID_OFFSET = 0x1A0;
  static final int CHIP_ID_LENGTH = 64;
  static final int SIGNATURE_R_OFFSET = 0x2A0;
  static final int SIGNATURE_S_OFFSET = 0x2E8;
  static final int SIGNATURE_COMPONENT_LENGTH = 72;

  /**
   * @param bytes the report, exactly {@value #SIZE} bytes
   * @throws LitValidationException when {@code bytes} is missing or not exactly {@value #SIZE}
   *     bytes
   */
  public SevSnpReport {
    if (bytes == null) throw new LitValidationException("report is missing");
    if (bytes.length != SIZE) {
      throw new LitValidationException(
          "report must be "
              + SIZE
              + " bytes here (use SevSnpReport.parse to cut a longer one), got "
              + bytes.length);
    }
    bytes = bytes.clone();
  }

  /**
   * Reads a report as a node sends it: at least {@value #SIZE} bytes, of which the first {@value
   * #SIZE} are kept.
   *
   * @param report the raw report bytes
   * @return the report
   * @throws LitValidationException when {@code report} is missing or shorter than {@value #SIZE}
   *     bytes
   */
  public static SevSnpReport parse(byte[] report) {
    if (report == null) throw new LitValidationException("attestation.report is missing");
    if (report.length < SIZE) {
      throw new LitValidationException(
          "attestation.report is too short: "
              + report.length
              + " bytes, an SEV-SNP report has at least "
              + SIZE);
    }
    return new SevSnpReport(Arrays.copyOf(report, SIZE));
  }

  /** {@return the report bytes (a copy)} */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@return the 64-byte {@code report_data} the guest asked the firmware to sign} */
  public byte[] reportData() {
    return slice(REPORT_DATA_OFFSET, REPORT_DATA_LENGTH);
  }

  /** {@return the 48-byte launch {@code measurement}} */
  public byte[] measurement() {
    return slice(MEASUREMENT_OFFSET, MEASUREMENT_LENGTH);
  }

  /** {@return the raw 8-byte {@code reported_tcb}} */
  public byte[] reportedTcbBytes() {
    return slice(REPORTED_TCB_OFFSET, REPORTED_TCB_LENGTH);
  }

  /** {@return the patch levels in {@code reported_tcb} that select the VCEK} */
  public SevSnpTcbVersion reportedTcb() {
    return SevSnpTcbVersion.fromBytes(reportedTcbBytes());
  }

  /** {@return the 64-byte {@code chip_id}} */
  public byte[] chipId() {
    return slice(CHIP_ID_OFFSET, CHIP_ID_LENGTH);
  }

  /** {@return the bytes the VCEK signs: {@code [0, 0x2A0)}} */
  public byte[] signedBytes() {
    return slice(0, SIGNED_LENGTH);
  }

  /** {@return the signature's r: 72 bytes little-endian (the low 48 are used for P-384)} */
  public byte[] signatureR() {
    return slice(SIGNATURE_R_OFFSET, SIGNATURE_COMPONENT_LENGTH);
  }

  /** {@return the signature's s: 72 bytes little-endian (the low 48 are used for P-384)} */
  public byte[] signatureS() {
    return slice(SIGNATURE_S_OFFSET, SIGNATURE_COMPONENT_LENGTH);
  }

  /**
   * The AMD KDS URL of this chip's VCEK certificate at the reported TCB, as the SDK's {@code
   * get_vcek_url} builds it: {@code https://kdsintf.amd.com/vcek/v1/Milan/{hex
   * chip_id}?blSPL=..&teeSPL=..&snpSPL=..&ucodeSPL=..}.
   *
   * @return the VCEK certificate URL
   */
  public String vcekUrl() {
    return KDS_VCEK_BASE + Hex.encode(chipId()) + "?" + reportedTcb().kdsQuery();
  }

  private byte[] slice(int offset, int length) {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SevSnpReport other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SevSnpReport[chipId="
        + Hex.encode(chipId()).substring(0, 16)
        + "…, tcb="
        + reportedTcb()
        + "]";
  }
}
