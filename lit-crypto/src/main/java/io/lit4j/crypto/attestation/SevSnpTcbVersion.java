package io.lit4j.crypto.attestation;

import io.lit4j.core.errors.LitValidationException;

/**
 * The security patch levels of a report's {@code reported_tcb} that pick the chip's VCEK
 * certificate: boot loader, TEE, SNP firmware and microcode, each an unsigned byte.
 *
 * @param bootLoader {@code reported_tcb[0]}
 * @param tee {@code reported_tcb[1]}
 * @param snp {@code reported_tcb[6]}
 * @param microcode {@code reported_tcb[7]}
 */
public record SevSnpTcbVersion(int bootLoader, int tee, int snp, int microcode) {

  /**
   * @param bootLoader {@code reported_tcb[0]}
   * @param tee {@code reported_tcb[1]}
   * @param snp {@code reported_tcb[6]}
   * @param microcode {@code reported_tcb[7]}
   * @throws LitValidationException when a level is outside {@code 0..255}
   */
  public SevSnpTcbVersion {
    checkByte(bootLoader, "bootLoader");
    checkByte(tee, "tee");
    checkByte(snp, "snp");
    checkByte(microcode, "microcode");
  }

  /**
   * Reads the 8-byte {@code reported_tcb} field.
   *
   * @param tcb the 8 bytes of {@code reported_tcb}
   * @return the TCB version
   * @throws LitValidationException when {@code tcb} is not 8 bytes
   */
  public static SevSnpTcbVersion fromBytes(byte[] tcb) {
    if (tcb == null || tcb.length != 8) {
      throw new LitValidationException("reported_tcb must be 8 bytes");
    }
    return new SevSnpTcbVersion(tcb[0] & 0xff, tcb[1] & 0xff, tcb[6] & 0xff, tcb[7] & 0xff);
  }

  /**
   * The AMD KDS query string: {@code blSPL=03&teeSPL=00&snpSPL=10&ucodeSPL=169} (decimal, at least
   * two digits, as the SDK's WASM formats it).
   *
   * @return the KDS query string
   */
  public String kdsQuery() {
    return String.format(
        "blSPL=%02d&teeSPL=%02d&snpSPL=%02d&ucodeSPL=%02d", bootLoader, tee, snp, microcode);
  }

  private static void checkByte(int value, String field) {
    if (value < 0 || value > 255) {
      throw new LitValidationException("SEV-SNP TCB " + field + " must be 0..255, got " + value);
    }
  }
}
