package io.lit4j.localnet.chain.internal;

import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.localnet.chain.CompiledContract;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Sends transactions and calls for one account on a chain, with revert reasons turned into {@link
 * LitContractException} messages. Internal to lit-localnet (deployer and tests).
 */
public final class Transactor {
  private static final String ERROR_SELECTOR = "0x08c379a0";

  private final Web3j web3j;
  private final Credentials credentials;
  private final RawTransactionManager txManager;

  /**
   * @param web3j the chain
   * @param credentials the sending account
   * @param chainId EIP-155 chain id
   */
  public Transactor(Web3j web3j, Credentials credentials, long chainId) {
    if (web3j == null || credentials == null) {
      throw new LitValidationException("web3j and credentials must not be null");
    }
    this.web3j = web3j;
    this.credentials = credentials;
    this.txManager =
        new RawTransactionManager(
            web3j, credentials, chainId, new PollingTransactionReceiptProcessor(web3j, 20, 3000));
  }

  /**
   * @return the sender's address
   */
  public String address() {
    return credentials.getAddress();
  }

  /**
   * @return the chain
   */
  public Web3j web3j() {
    return web3j;
  }

  /**
   * Deploys a compiled contract.
   *
   * @param contract the contract
   * @param constructorArgs constructor arguments
   * @return the receipt (its contract address is the new contract)
   * @throws LitContractException if the deployment reverts
   */
  public TransactionReceipt deploy(CompiledContract contract, Type<?>... constructorArgs) {
    String data =
        contract.bytecode() + FunctionEncoder.encodeConstructor(Arrays.asList(constructorArgs));
    return transact(null, data, BigInteger.ZERO, "deploy " + contract.name());
  }

  /**
   * Sends a state-changing call and waits for its receipt.
   *
   * @param to contract address
   * @param function the call
   * @param value wei to send
   * @return the successful receipt
   * @throws LitContractException with the revert reason if it reverts
   */
  public TransactionReceipt send(String to, Function function, BigInteger value) {
    return transact(to, FunctionEncoder.encode(function), value, function.getName());
  }

  /**
   * Sends a state-changing call whose selector is computed from an explicit Solidity signature.
   * Needed for parameters such as {@code uint256[][]}, for which web3j 4.13 derives a wrong
   * function signature (and so a wrong selector) from its types.
   *
   * @param to contract address
   * @param signature canonical signature, e.g. {@code f(uint256,uint256[][])}
   * @param args the arguments, ABI-encoded as a tuple after the selector
   * @param value wei to send
   * @return the successful receipt
   * @throws LitContractException with the revert reason if it reverts
   */
  @SuppressWarnings("rawtypes")
  public TransactionReceipt send(String to, String signature, List<Type> args, BigInteger value) {
    return transact(to, encode(signature, args), value, signature);
  }

  /**
   * Encodes a call from an explicit signature: 4-byte selector then the ABI-encoded arguments.
   *
   * @param signature canonical signature, e.g. {@code f(uint256,uint256[][])}
   * @param args the arguments
   * @return 0x-prefixed call data
   */
  @SuppressWarnings("rawtypes")
  public static String encode(String signature, List<Type> args) {
    if (signature == null || !signature.matches("[A-Za-z_][A-Za-z0-9_]*\\(.*\\)")) {
      throw new LitValidationException("signature must look like name(type,...), got " + signature);
    }
    String selector = org.web3j.crypto.Hash.sha3String(signature).substring(0, 10);
    return selector + FunctionEncoder.encodeConstructor(args);
  }

  /**
   * Runs a read-only call and returns the raw return data.
   *
   * @param to contract address
   * @param data call data
   * @return 0x-prefixed return data
   * @throws LitContractException with the revert reason if it reverts
   */
  public String callRaw(String to, String data) {
    try {
      EthCall r =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(address(), to, data),
                  DefaultBlockParameterName.LATEST)
              .send();
      if (r.hasError()) {
        throw reverted("call", r.getError());
      }
      return r.getValue();
    } catch (IOException e) {
      throw new LitContractException("call: chain unreachable", e);
    }
  }

  /**
   * Runs a read-only call against the latest block.
   *
   * @param to contract address
   * @param function the call, with its output types
   * @return the decoded outputs
   * @throws LitContractException with the revert reason if it reverts
   */
  @SuppressWarnings("rawtypes")
  public List<Type> call(String to, Function function) {
    try {
      EthCall r =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(
                      address(), to, FunctionEncoder.encode(function)),
                  DefaultBlockParameterName.LATEST)
              .send();
      if (r.hasError()) {
        throw reverted(function.getName(), r.getError());
      }
      if (r.isReverted()) {
        throw new LitContractException(function.getName() + " reverted: " + r.getRevertReason());
      }
      return FunctionReturnDecoder.decode(r.getValue(), function.getOutputParameters());
    } catch (IOException e) {
      throw new LitContractException(function.getName() + ": chain unreachable", e);
    }
  }

  /**
   * Estimates the gas of a call (the chain runs it; a revert fails the estimate).
   *
   * @param to contract address
   * @param function the call
   * @param value wei to send
   * @return the gas estimate
   * @throws LitContractException with the revert reason if it would revert
   */
  public BigInteger estimateGas(String to, Function function, BigInteger value) {
    return estimate(to, FunctionEncoder.encode(function), value, function.getName());
  }

  private TransactionReceipt transact(String to, String data, BigInteger value, String what) {
    try {
      BigInteger gas = estimate(to, data, value, what);
      BigInteger gasLimit =
          gas.multiply(BigInteger.valueOf(12))
              .divide(BigInteger.TEN)
              .add(BigInteger.valueOf(50_000));
      BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
      EthSendTransaction sent =
          to == null
              ? txManager.sendTransaction(gasPrice, gasLimit, null, data, value, true)
              : txManager.sendTransaction(gasPrice, gasLimit, to, data, value);
      if (sent.hasError()) {
        throw reverted(what, sent.getError());
      }
      TransactionReceipt receipt =
          new PollingTransactionReceiptProcessor(web3j, 20, 3000)
              .waitForTransactionReceipt(sent.getTransactionHash());
      if (!receipt.isStatusOK()) {
        throw new LitContractException(
            what
                + " failed in transaction "
                + receipt.getTransactionHash()
                + " (status "
                + receipt.getStatus()
                + ")");
      }
      return receipt;
    } catch (IOException | TransactionException e) {
      throw new LitContractException(what + ": chain unreachable or receipt missing", e);
    }
  }

  private BigInteger estimate(String to, String data, BigInteger value, String what) {
    try {
      Transaction tx =
          to == null
              ? Transaction.createContractTransaction(address(), null, null, null, value, data)
              : Transaction.createFunctionCallTransaction(
                  address(), null, null, null, to, value, data);
      EthEstimateGas r = web3j.ethEstimateGas(tx).send();
      if (r.hasError()) {
        throw reverted(what, r.getError());
      }
      return r.getAmountUsed();
    } catch (IOException e) {
      throw new LitContractException(what + ": chain unreachable", e);
    }
  }

  private static LitContractException reverted(String what, Response.Error error) {
    String reason = decodeRevertReason(error.getData()).orElse(error.getMessage());
    return new LitContractException(what + " reverted: " + reason);
  }

  /**
   * Decodes {@code Error(string)} revert data.
   *
   * @param data hex revert data, may be null
   * @return the reason string, when the data is an {@code Error(string)}
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static java.util.Optional<String> decodeRevertReason(String data) {
    if (data == null) {
      return java.util.Optional.empty();
    }
    String hex = data.startsWith("\"") ? data.replace("\"", "") : data;
    if (!hex.startsWith(ERROR_SELECTOR)) {
      return java.util.Optional.empty();
    }
    List<Type> out =
        FunctionReturnDecoder.decode(
            "0x" + hex.substring(ERROR_SELECTOR.length()),
            (List) List.of(TypeReference.create(Utf8String.class)));
    return out.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(out.get(0).getValue().toString());
  }
}
