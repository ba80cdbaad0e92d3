package io.lit4j.contracts;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;

/**
 * A mined, successful transaction.
 *
 * @param transactionHash 0x-prefixed 32-byte hash
 * @param blockNumber the block it was mined in
 * @param gasUsed gas the transaction used
 */
public record ChainTransaction(String transactionHash, BigInteger blockNumber, BigInteger gasUsed) {
  /**
   * Validates the components.
   *
   * @param transactionHash 0x-prefixed 32-byte hash
   * @param blockNumber the block it was mined in
   * @param gasUsed gas the transaction used
   */
  public ChainTransaction {
    if (transactionHash == null || !transactionHash.matches("0x[0-9a-fA-F]{64}")) {
      throw new LitValidationException(
          "transactionHash must be a 0x-prefixed 32-byte hex hash, got " + transactionHash);
    }
    if (blockNumber == null || blockNumber.signum() < 0)
      throw new LitValidationException("blockNumber must be >= 0");
    if (gasUsed == null || gasUsed.signum() < 0)
      throw new LitValidationException("gasUsed must be >= 0");
  }
}
