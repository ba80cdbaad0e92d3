package io.lit4j.contracts.internal;

import io.lit4j.contracts.ContractErrorCode;
import io.lit4j.contracts.ContractRevertException;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Args;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;

/**
 * Blocking contract calls and transactions over one {@link Web3j}: the single place that knows how
 * lit4j estimates gas, prices a transaction, waits for a receipt and turns RPC failures and reverts
 * into {@link LitContractException}s.
 *
 * <p>Gas: {@code eth_estimateGas} plus {@code gasMarginPercent} (PR #567 of the JS SDK uses 10 %).
 * Fees follow ethers v5, which v4 relies on: when the latest block has a base fee, EIP-1559 with
 * {@code maxPriorityFeePerGas = 1.5 gwei} and {@code maxFeePerGas = 2 * baseFee + 1.5 gwei};
 * otherwise a legacy transaction at {@code eth_gasPrice}.
 */
public final class ChainClient {
  /** ethers v5's fixed priority fee. */
  static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_500_000_000L);

  private final Web3j web3j;
  private final Credentials credentials;
  private final TransactionManager givenTransactionManager;
  private final int gasMarginPercent;
  private final Duration receiptTimeout;
  private final Duration pollInterval;
  private final Object sendLock = new Object();
  private volatile TransactionManager transactionManager;
  private volatile Long chainId;

  /**
   * @param credentials signer, or null (then {@code transactionManager} or no signer)
   * @param transactionManager signer, or null
   * @param web3j the RPC client
   * @param gasMarginPercent margin added to gas estimates, in percent
   * @param receiptTimeout how long to wait for a receipt
   * @param pollInterval how often to poll for a receipt
   */
  public ChainClient(
      Web3j web3j,
      Credentials credentials,
      TransactionManager transactionManager,
      int gasMarginPercent,
      Duration receiptTimeout,
      Duration pollInterval) {
    this.web3j = Args.required(web3j, "web3j");
    this.credentials = credentials;
    this.givenTransactionManager = transactionManager;
    this.transactionManager = transactionManager;
    this.gasMarginPercent = gasMarginPercent;
    this.receiptTimeout = receiptTimeout;
    this.pollInterval = pollInterval;
  }

  /** {@return the signer's address, when there is a signer} */
  public Optional<String> signerAddress() {
    if (credentials != null) return Optional.of(credentials.getAddress());
    if (givenTransactionManager != null)
      return Optional.ofNullable(givenTransactionManager.getFromAddress());
    return Optional.empty();
  }

  /** {@return the chain id ({@code eth_chainId}), read once} */
  public long chainId() {
    Long id = chainId;
    if (id == null) {
      org.web3j.protocol.core.methods.response.EthChainId r =
          rpc("eth_chainId", () -> web3j.ethChainId().send());
      if (r.hasError()) throw errorToException("eth_chainId", r.getError(), null);
      BigInteger value = rpc("eth_chainId", r::getChainId);
      if (value == null || value.signum() <= 0 || value.bitLength() > 63) {
        throw LitException.builder()
            .message("the RPC reported chain id " + value + ", which cannot sign transactions")
            .errorCode(ContractErrorCode.RPC_ERROR.name())
            .buildContract();
      }
      id = value.longValue();
      chainId = id;
    }
    return id;
  }

  /**
   * {@code eth_call} at the latest block from the signer (if any), decoded per the function's
   * outputs.
   *
   * @param label {@code Contract.function} for messages
   * @param to the contract address
   * @param function the function to call
   * @return the decoded outputs
   */
  public List<Type> call(String to, String label, Function function) {
    return call(to, label, function, DefaultBlockParameterName.LATEST, null);
  }

  private List<Type> call(
      String to, String label, Function function, DefaultBlockParameter block, BigInteger value) {
    String data = FunctionEncoder.encode(function);
    String from = signerAddress().orElse(null);
    Transaction tx =
        value == null
            ? Transaction.createEthCallTransaction(from, to, data)
            : Transaction.createFunctionCallTransaction(from, null, null, null, to, value, data);
    EthCall response = rpc(label, () -> web3j.ethCall(tx, block).send());
    return decode(to, label, function, response);
  }

  /**
   * One {@code eth_call} of {@link #callAll}.
   *
   * @param to the contract address
   * @param label {@code Contract.function} for messages
   * @param function the function to call
   */
  public record Read(String to, String label, Function function) {}

  /**
   * The {@code eth_call}s at the latest block in one JSON-RPC batch request (one round trip), each
   * answer checked and decoded as {@link #call} does, with the same errors. An endpoint that does
   * not answer the batch as one (no array, a missing or unknown id) gets the calls one by one
   * instead.
   *
   * @param reads the calls
   * @return the decoded outputs of each call, in order
   */
  @SuppressWarnings("rawtypes")
  public List<List<Type>> callAll(List<Read> reads) {
    if (reads.size() < 2)
      return reads.stream().map(r -> call(r.to(), r.label(), r.function())).toList();
    String from = signerAddress().orElse(null);
    org.web3j.protocol.core.BatchRequest batch = web3j.newBatch();
    List<Long> ids = new java.util.ArrayList<>(reads.size());
    for (Read r : reads) {
      org.web3j.protocol.core.Request<?, EthCall> request =
          web3j.ethCall(
              Transaction.createEthCallTransaction(
                  from, r.to(), FunctionEncoder.encode(r.function())),
              DefaultBlockParameterName.LATEST);
      ids.add(request.getId());
      batch.add(request);
    }
    String labels = String.join(", ", reads.stream().map(Read::label).toList());
    List<? extends Response<?>> answers;
    try {
      answers = batch.send().getResponses();
    } catch (com.fasterxml.jackson.core.JacksonException | RuntimeException e) {
      answers = null; // not a JSON array of answers: no batch support
    } catch (IOException e) {
      throw unreachable(labels, e);
    }
    Map<Long, EthCall> byId = new java.util.HashMap<>();
    if (answers != null) {
      for (Response<?> a : answers) if (a instanceof EthCall c) byId.put(c.getId(), c);
    }
    List<List<Type>> out = new java.util.ArrayList<>(reads.size());
    if (!byId.keySet().containsAll(ids)) {
      for (Read r : reads) out.add(call(r.to(), r.label(), r.function()));
      return out;
    }
    for (int i = 0; i < reads.size(); i++) {
      Read r = reads.get(i);
      out.add(decode(r.to(), r.label(), r.function(), byId.get(ids.get(i))));
    }
    return out;
  }

  @SuppressWarnings("rawtypes")
  private List<Type> decode(String to, String label, Function function, EthCall response) {
    if (response.hasError()) throw errorToException(label, response.getError(), null);
    String result = response.getValue();
    if (response.isReverted()) {
      throw ContractRevertException.of(
          label, RevertReasons.decode(result).orElse(null), result, null);
    }
    if (function.getOutputParameters().isEmpty()) return List.of();
    if (result == null || result.equals("0x") || result.isEmpty()) {
      throw LitException.builder()
          .message(
              label
                  + " returned no data: is there a contract at "
                  + to
                  + "? Check the contract addresses and the RPC URL")
          .errorCode(ContractErrorCode.NO_CONTRACT_CODE.name())
          .details(Map.of("function", label, "contract", to))
          .buildContract();
    }
    try {
      requirePlausibleArrayLengths(result, function);
      return FunctionReturnDecoder.decode(result, function.getOutputParameters());
    } catch (RuntimeException e) {
      throw LitException.builder()
          .message(
              label + " returned data that does not decode as its ABI outputs: " + e.getMessage())
          .cause(e)
          .errorCode(ContractErrorCode.RPC_ERROR.name())
          .details(Map.of("function", label, "contract", to))
          .buildContract();
    }
  }

  /**
   * web3j pre-sizes a list with a top-level array's length word, so a forged length (e.g.
   * 0x7fffffff) ends in an OutOfMemoryError; every element takes at least one word.
   */
  private static void requirePlausibleArrayLengths(String result, Function function) {
    String hex = result.startsWith("0x") ? result.substring(2) : result;
    long words = hex.length() / 64;
    for (int i = 0; i < function.getOutputParameters().size(); i++) {
      java.lang.reflect.Type t = function.getOutputParameters().get(i).getType();
      Class<?> raw =
          t instanceof java.lang.reflect.ParameterizedType p
              ? (Class<?>) p.getRawType()
              : t instanceof Class<?> c ? c : Object.class;
      if (!org.web3j.abi.datatypes.DynamicArray.class.isAssignableFrom(raw)
          || (i + 1) * 64 > hex.length()) continue;
      BigInteger offset = new BigInteger(hex.substring(i * 64, (i + 1) * 64), 16);
      if (offset.compareTo(BigInteger.valueOf(words * 32 - 32)) > 0)
        continue; // the decoder reports it
      int at = offset.intValueExact() * 2;
      BigInteger length = new BigInteger(hex.substring(at, at + 64), 16);
      if (length.compareTo(BigInteger.valueOf(words - 1 - offset.longValue() / 32)) > 0) {
        throw new IllegalArgumentException(
            "output "
                + i
                + " claims an array of "
                + length
                + " elements in "
                + (words * 32)
                + " bytes of return data");
      }
    }
  }

  /**
   * Sends a transaction calling {@code function} with {@code value} wei, waits for its receipt and
   * returns it; a revert (in the estimate or on chain) becomes a {@link ContractRevertException}.
   *
   * @param to the contract address
   * @param label {@code Contract.function} for messages
   * @param function the function to call
   * @param value wei to send with the call
   * @return the receipt
   */
  public TransactionReceipt send(String to, String label, Function function, BigInteger value) {
    TransactionManager tm = transactionManager();
    String from = tm.getFromAddress();
    String data = FunctionEncoder.encode(function);

    EthEstimateGas estimate =
        rpc(
            label + " (eth_estimateGas)",
            () ->
                web3j
                    .ethEstimateGas(
                        Transaction.createFunctionCallTransaction(
                            from, null, null, null, to, value, data))
                    .send());
    if (estimate.hasError()) throw errorToException(label, estimate.getError(), null);
    BigInteger gasLimit =
        estimate
            .getAmountUsed()
            .multiply(BigInteger.valueOf(100L + gasMarginPercent))
            .divide(BigInteger.valueOf(100));

    EthBlock.Block latest =
        rpc(
                "eth_getBlockByNumber",
                () -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send())
            .getBlock();
    boolean eip1559 = latest != null && latest.getBaseFeePerGasRaw() != null;
    EthSendTransaction sent;
    if (eip1559) {
      BigInteger maxFee = latest.getBaseFeePerGas().multiply(BigInteger.TWO).add(PRIORITY_FEE);
      long id = chainId();
      synchronized (sendLock) {
        sent =
            rpc(
                label + " (send)",
                () ->
                    tm.sendEIP1559Transaction(id, PRIORITY_FEE, maxFee, gasLimit, to, data, value));
      }
    } else {
      BigInteger gasPrice = rpc("eth_gasPrice", () -> web3j.ethGasPrice().send()).getGasPrice();
      synchronized (sendLock) {
        sent =
            rpc(label + " (send)", () -> tm.sendTransaction(gasPrice, gasLimit, to, data, value));
      }
    }
    if (sent.hasError()) throw errorToException(label, sent.getError(), null);
    String txHash = sent.getTransactionHash();
    TransactionReceipt receipt = awaitReceipt(label, txHash);
    if (!receipt.isStatusOK()) {
      throw ContractRevertException.of(
          label,
          replayRevertReason(to, label, function, value, receipt).orElse(null),
          null,
          txHash);
    }
    return receipt;
  }

  private Optional<String> replayRevertReason(
      String to, String label, Function function, BigInteger value, TransactionReceipt receipt) {
    // Re-run the call on the state before the transaction's block to recover the reason the
    // receipt does not carry.
    BigInteger block = receipt.getBlockNumber().subtract(BigInteger.ONE).max(BigInteger.ZERO);
    try {
      call(
          to,
          label,
          new Function(function.getName(), function.getInputParameters(), List.of()),
          DefaultBlockParameter.valueOf(block),
          value);
      return Optional.empty();
    } catch (ContractRevertException e) {
      return e.revertReason();
    } catch (LitException e) {
      return Optional.empty();
    }
  }

  private TransactionReceipt awaitReceipt(String label, String txHash) {
    long deadline = System.nanoTime() + receiptTimeout.toNanos();
    while (true) {
      EthGetTransactionReceipt r =
          rpc(
              label + " (eth_getTransactionReceipt)",
              () -> web3j.ethGetTransactionReceipt(txHash).send());
      if (r.hasError()) throw errorToException(label, r.getError(), txHash);
      Optional<TransactionReceipt> receipt = r.getTransactionReceipt();
      if (receipt.isPresent()) return receipt.get();
      if (System.nanoTime() > deadline) {
        throw LitException.builder()
            .message(
                "no receipt for "
                    + label
                    + " transaction "
                    + txHash
                    + " within "
                    + receiptTimeout
                    + "; it may still be mined later, check the transaction hash before retrying")
            .errorCode(ContractErrorCode.RECEIPT_TIMEOUT.name())
            .details(Map.of("function", label, "transactionHash", txHash))
            .buildTimeout();
      }
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw LitException.builder()
            .message(
                "interrupted while waiting for the receipt of " + label + " transaction " + txHash)
            .cause(e)
            .errorCode(ContractErrorCode.RECEIPT_TIMEOUT.name())
            .buildTimeout();
      }
    }
  }

  /**
   * Fails with {@link ContractErrorCode#NO_SIGNER} when there is no signer, so a write fails before
   * it reads anything from the chain.
   */
  public void requireSigner() {
    if (credentials == null && givenTransactionManager == null) {
      throw LitException.builder()
          .message(
              "this LitContracts has no signer: build it with signer(Credentials) or transactionManager(...) to send transactions")
          .errorCode(ContractErrorCode.NO_SIGNER.name())
          .buildValidation();
    }
  }

  private TransactionManager transactionManager() {
    TransactionManager tm = transactionManager;
    if (tm != null) return tm;
    requireSigner();
    synchronized (sendLock) {
      if (transactionManager == null)
        transactionManager = new RawTransactionManager(web3j, credentials, chainId());
      return transactionManager;
    }
  }

  /** Maps a JSON-RPC error: a revert (code 3, or "revert" in the message) or another RPC error. */
  static LitContractException errorToException(String label, Response.Error error, String txHash) {
    String message = error.getMessage() == null ? "" : error.getMessage();
    String data = error.getData();
    boolean revert = error.getCode() == 3 || message.toLowerCase().contains("revert");
    if (revert) {
      Optional<String> reason = RevertReasons.decode(unquote(data));
      if (reason.isEmpty()) reason = reasonFromMessage(message);
      return ContractRevertException.of(label, reason.orElse(null), unquote(data), txHash);
    }
    return (LitContractException)
        LitException.builder()
            .message(label + " failed: the RPC answered error " + error.getCode() + ": " + message)
            .errorCode(ContractErrorCode.RPC_ERROR.name())
            .details(
                Map.of(
                    "function", label, "rpcErrorCode", error.getCode(), "rpcErrorMessage", message))
            .buildContract();
  }

  private static String unquote(String data) {
    if (data == null) return null;
    String d = data.trim();
    if (d.length() >= 2 && d.startsWith("\"") && d.endsWith("\""))
      d = d.substring(1, d.length() - 1);
    return d;
  }

  private static Optional<String> reasonFromMessage(String message) {
    int i = message.indexOf("reverted:");
    if (i >= 0) {
      String r = message.substring(i + "reverted:".length()).trim();
      if (!r.isEmpty()) return Optional.of(r);
    }
    return Optional.empty();
  }

  @FunctionalInterface
  private interface RpcCall<T> {
    T run() throws IOException;
  }

  private static <T> T rpc(String label, RpcCall<T> call) {
    try {
      T answer = call.run();
      // web3j hands back null for an empty body or a body of just "null"
      if (answer == null) {
        throw LitException.builder()
            .message("the chain RPC gave no JSON-RPC answer for " + label + " (empty body or null)")
            .errorCode(ContractErrorCode.RPC_ERROR.name())
            .details(Map.of("function", label))
            .buildContract();
      }
      return answer;
    } catch (IOException e) {
      throw unreachable(label, e);
    } catch (LitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw LitException.builder()
          .message("the chain RPC call for " + label + " failed: " + e)
          .cause(e)
          .errorCode(ContractErrorCode.RPC_ERROR.name())
          .details(Map.of("function", label))
          .buildContract();
    }
  }

  private static LitContractException unreachable(String label, IOException e) {
    return LitException.builder()
        .message(
            "could not reach the chain RPC for "
                + label
                + ": "
                + e.getMessage()
                + "; check the RPC URL and that the node is up")
        .cause(e)
        .errorCode(ContractErrorCode.RPC_UNREACHABLE.name())
        .details(Map.of("function", label))
        .buildContract();
  }
}
