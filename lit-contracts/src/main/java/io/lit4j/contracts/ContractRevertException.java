package io.lit4j.contracts;

import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.util.Args;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A contract call, a gas estimate or a mined transaction reverted. The message names the function
 * and the decoded reason (e.g. {@code "Not PKP NFT owner"}); {@link #errorCode()} is {@link
 * ContractErrorCode#CONTRACT_REVERTED}.
 */
public final class ContractRevertException extends LitContractException {
  private static final long serialVersionUID = 1L;

  /** The contract function that reverted, e.g. {@code PKPNFT.mintNext}. */
  private final String function;

  /** The decoded revert reason, or null. */
  private final String revertReason;

  /** The hash of the reverted transaction, or null for a call or an estimate. */
  private final String transactionHash;

  private ContractRevertException(
      Builder b, String function, String revertReason, String transactionHash) {
    super(b);
    this.function = function;
    this.revertReason = revertReason;
    this.transactionHash = transactionHash;
  }

  /**
   * Creates the exception (used by lit-contracts itself).
   *
   * @param function e.g. {@code "PKPPermissions.addPermittedAuthMethod"}
   * @param revertReason decoded reason, or null when the revert carried no data
   * @param revertData raw revert data (hex), or null
   * @param transactionHash hash of the mined transaction that reverted, or null for calls and
   *     estimates
   * @return the exception, to throw
   */
  public static ContractRevertException of(
      String function, String revertReason, String revertData, String transactionHash) {
    Args.required(function, "function");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("function", function);
    if (revertReason != null) details.put("revertReason", revertReason);
    if (revertData != null) details.put("revertData", revertData);
    if (transactionHash != null) details.put("transactionHash", transactionHash);
    String message =
        function
            + " reverted: "
            + (revertReason == null
                ? "no revert reason given (a contract that lacks this function reverts the same way: check the address)"
                : revertReason)
            + (transactionHash == null ? "" : " (transaction " + transactionHash + ")");
    Builder b =
        builder()
            .message(message)
            .errorCode(ContractErrorCode.CONTRACT_REVERTED.name())
            .details(details);
    return new ContractRevertException(b, function, revertReason, transactionHash);
  }

  /** {@return the contract function that reverted, e.g. {@code "PKPNFT.mintNext"}} */
  public String function() {
    return function;
  }

  /**
   * {@return the decoded revert reason ({@code Error(string)}, {@code Panic(..)} or a custom error
   * selector)}
   */
  public Optional<String> revertReason() {
    return Optional.ofNullable(revertReason);
  }

  /**
   * {@return the hash of the transaction that reverted on chain; empty when a call or gas estimate
   * reverted}
   */
  public Optional<String> transactionHash() {
    return Optional.ofNullable(transactionHash);
  }
}
