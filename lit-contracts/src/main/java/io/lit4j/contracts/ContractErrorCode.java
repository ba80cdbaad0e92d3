package io.lit4j.contracts;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Args;
import java.util.Optional;

/**
 * The {@link LitException#errorCode()} values lit-contracts sets, so callers can tell failures
 * apart without parsing messages: {@code e.errorCode().equals(Optional.of(UNKNOWN_TOKEN.name()))}
 * or {@link #of(LitException)}.
 */
public enum ContractErrorCode {
  /** The contract reverted; {@link ContractRevertException} carries the decoded reason. */
  CONTRACT_REVERTED,
  /** The RPC endpoint could not be reached (connection refused, DNS, I/O error). */
  RPC_UNREACHABLE,
  /** The RPC endpoint answered with a JSON-RPC error that is not a revert. */
  RPC_ERROR,
  /**
   * A call returned no data where the function returns a value: usually no contract at that
   * address.
   */
  NO_CONTRACT_CODE,
  /** No PKP with that token id exists (its public key is empty). */
  UNKNOWN_TOKEN,
  /** A mint receipt lacks the log the token id is read from. */
  MISSING_MINT_LOG,
  /** The token id read from the mint log does not match keccak256 of the minted public key. */
  TOKEN_ID_MISMATCH,
  /** No receipt arrived within the configured receipt timeout (a {@code LitTimeoutException}). */
  RECEIPT_TIMEOUT,
  /**
   * {@code currentValidatorCountForConsensus()} is 0 or less: the network cannot reach a threshold.
   */
  INVALID_MIN_NODE_COUNT,
  /** A write was attempted on a {@link LitContracts} built without a signer. */
  NO_SIGNER,
  /**
   * The configured network cannot serve the request (e.g. the resolver returned the zero address).
   */
  UNRESOLVED_ADDRESS;

  /**
   * {@return the code carried by {@code e}, if it is one of these}
   *
   * @param e the exception to look at
   */
  public static Optional<ContractErrorCode> of(LitException e) {
    Optional<String> code = Args.required(e, "exception").errorCode();
    if (code.isEmpty()) return Optional.empty();
    for (ContractErrorCode c : values()) {
      if (c.name().equals(code.get())) return Optional.of(c);
    }
    return Optional.empty();
  }
}
