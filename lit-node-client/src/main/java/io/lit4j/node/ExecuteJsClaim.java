package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;
import java.util.List;

/**
 * A key claim a Lit Action made ({@code Lit.Actions.claimKey}): one node signature per node over
 * the derived key id, to pass to {@code PKPNFT.claimAndMint}.
 *
 * @param derivedKeyId the derived key id (hex)
 * @param signatures one signature per node, in node order
 */
public record ExecuteJsClaim(String derivedKeyId, List<Signature> signatures) {

  /**
   * @param derivedKeyId the derived key id (hex)
   * @param signatures one signature per node, in node order
   * @throws LitValidationException if a part is missing
   */
  public ExecuteJsClaim {
    if (derivedKeyId == null || derivedKeyId.isEmpty())
      throw new LitValidationException("derivedKeyId is missing");
    if (signatures == null) throw new LitValidationException("signatures are missing");
    signatures = List.copyOf(signatures);
  }

  /**
   * One node's signature split as ethers' {@code splitSignature} does.
   *
   * @param r {@code 0x} + 64 hex
   * @param s {@code 0x} + 64 hex
   * @param v 27 or 28
   */
  public record Signature(String r, String s, int v) {
    /**
     * @param r {@code 0x} + 64 hex
     * @param s {@code 0x} + 64 hex
     * @param v 27 or 28
     * @throws LitValidationException if r or s is not 0x + 64 hex, or v is not 27/28
     */
    public Signature {
      if (r == null || !r.matches("0x[0-9a-f]{64}"))
        throw new LitValidationException("claim signature r must be 0x + 64 hex, got " + r);
      if (s == null || !s.matches("0x[0-9a-f]{64}"))
        throw new LitValidationException("claim signature s must be 0x + 64 hex, got " + s);
      if (v != 27 && v != 28)
        throw new LitValidationException("claim signature v must be 27 or 28, got " + v);
    }
  }
}
