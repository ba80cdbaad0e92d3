package io.lit4j.localnet.chain;

import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.errors.LitValidationException;
import java.time.Duration;

/**
 * The result of {@link LitDeployer#deploy}: the SDK-facing address book plus what only the local
 * network needs.
 *
 * @param addresses the six Lit contracts the SDK and nodes use
 * @param keyDeriver the KeyDeriver contract PubkeyRouter derives PKP keys with
 * @param owner the admin account that owns every contract
 * @param elapsed wall time of the whole deployment
 */
public record LitDeployment(
    LitContractAddresses addresses, String keyDeriver, String owner, Duration elapsed) {
  /**
   * Validates the components.
   *
   * @param addresses the six Lit contracts the SDK and nodes use
   * @param keyDeriver the KeyDeriver contract PubkeyRouter derives PKP keys with
   * @param owner the admin account that owns every contract
   * @param elapsed wall time of the whole deployment
   */
  public LitDeployment {
    if (addresses == null) {
      throw new LitValidationException("addresses must not be null");
    }
    if (keyDeriver == null || !keyDeriver.matches("0x[0-9a-fA-F]{40}")) {
      throw new LitValidationException(
          "keyDeriver must be a 0x-prefixed 20-byte hex address, got " + keyDeriver);
    }
    if (owner == null || !owner.matches("0x[0-9a-fA-F]{40}")) {
      throw new LitValidationException(
          "owner must be a 0x-prefixed 20-byte hex address, got " + owner);
    }
    if (elapsed == null || elapsed.isNegative()) {
      throw new LitValidationException("elapsed must be a non-negative duration");
    }
  }
}
