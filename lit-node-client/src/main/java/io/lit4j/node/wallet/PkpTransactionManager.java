package io.lit4j.node.wallet;

import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.errors.LitValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.concurrent.CompletableFuture;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.exceptions.TxHashMismatchException;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * A web3j {@link TransactionManager} that signs with a PKP (or any {@link DigestEthSigner}), so
 * web3j's generated contract wrappers, {@code Transfer} and {@code RemoteCall}s send transactions
 * from a PKP's address. Like web3j's {@code RawTransactionManager} it takes the pending nonce from
 * the chain, signs locally (here: through the Lit nodes) and sends with {@code
 * eth_sendRawTransaction}, checking that the node's transaction hash is the hash of what was
 * signed.
 *
 * <pre>{@code
 * TransactionManager tm = new PkpTransactionManager(web3j, pkpSigner, 1L);
 * TransactionReceipt r = new Transfer(web3j, tm).sendFunds(to, BigDecimal.ONE, Convert.Unit.ETHER).send();
 * MyContract c = MyContract.load(address, web3j, tm, new DefaultGasProvider());
 * }</pre>
 *
 * <p>Nonces are read per transaction, so send one transaction at a time from one PKP (as with
 * {@code RawTransactionManager}).
 */
public final class PkpTransactionManager extends TransactionManager {
  private final Web3j web3j;
  private final DigestEthSigner signer;
  private final long chainId;

  /**
   * A manager for {@code pkp} on the chain {@code chainId}, polling for receipts every second for
   * up to two minutes.
   *
   * @param web3j the RPC client
   * @param pkp the PKP signer
   * @param chainId the chain id
   * @throws LitValidationException if a part is missing or {@code chainId} is below 1
   */
  public PkpTransactionManager(Web3j web3j, PkpEthSigner pkp, long chainId) {
    this(web3j, signerOf(pkp), chainId, null);
  }

  /**
   * A manager for any {@link DigestEthSigner} (a local key, a KMS) on the chain {@code chainId}.
   *
   * @param web3j the RPC client
   * @param signer the signer
   * @param chainId the chain id
   * @throws LitValidationException if a part is missing or {@code chainId} is below 1
   */
  public PkpTransactionManager(Web3j web3j, DigestEthSigner signer, long chainId) {
    this(web3j, signer, chainId, null);
  }

  /**
   * A manager with its own receipt processor (e.g. {@code new
   * PollingTransactionReceiptProcessor(web3j, 15_000, 40)}).
   *
   * @param web3j the RPC client
   * @param pkp the PKP signer
   * @param chainId the chain id
   * @param receipts polls for receipts
   * @throws LitValidationException if a part is missing or {@code chainId} is below 1
   */
  public PkpTransactionManager(
      Web3j web3j, PkpEthSigner pkp, long chainId, TransactionReceiptProcessor receipts) {
    this(web3j, signerOf(pkp), chainId, checkReceipts(receipts));
  }

  private PkpTransactionManager(
      Web3j web3j, DigestEthSigner signer, long chainId, TransactionReceiptProcessor receipts) {
    super(
        receipts != null
            ? receipts
            : new PollingTransactionReceiptProcessor(checkWeb3j(web3j), 1000, 120),
        checkSigner(signer).address());
    this.web3j = checkWeb3j(web3j);
    if (chainId < 1)
      throw new LitValidationException(
          "chainId must be a positive EIP-155 chain id, got " + chainId);
    this.signer = signer;
    this.chainId = chainId;
  }

  /**
   * {@return a manager for {@code pkp} on whatever chain {@code web3j} is connected to ({@code
   * eth_chainId})}
   *
   * @param web3j the RPC client
   * @param pkp the PKP signer
   * @throws LitValidationException if a part is missing
   * @throws LitContractException if the chain id cannot be read
   */
  public static PkpTransactionManager forConnectedChain(Web3j web3j, PkpEthSigner pkp) {
    DigestEthSigner signer = signerOf(pkp);
    return new PkpTransactionManager(web3j, signer, connectedChainId(checkWeb3j(web3j)));
  }

  /**
   * {@return a manager for {@code signer} on whatever chain {@code web3j} is connected to ({@code
   * eth_chainId})}
   *
   * @param web3j the RPC client
   * @param signer the signer
   * @throws LitValidationException if a part is missing
   * @throws LitContractException if the chain id cannot be read
   */
  public static PkpTransactionManager forConnectedChain(Web3j web3j, DigestEthSigner signer) {
    checkSigner(signer);
    return new PkpTransactionManager(web3j, signer, connectedChainId(checkWeb3j(web3j)));
  }

  private static long connectedChainId(Web3j web3j) {
    try {
      var r = web3j.ethChainId().send();
      if (r.hasError())
        throw new LitContractException("eth_chainId failed: " + r.getError().getMessage());
      return r.getChainId().longValueExact();
    } catch (IOException e) {
      throw new LitContractException("eth_chainId failed: " + e.getMessage(), e);
    } catch (ArithmeticException e) {
      throw new LitContractException("eth_chainId returned a chain id that does not fit a long", e);
    }
  }

  private static DigestEthSigner signerOf(PkpEthSigner pkp) {
    if (pkp == null) throw new LitValidationException("pkp signer is missing");
    return pkp.asDigestEthSigner();
  }

  private static DigestEthSigner checkSigner(DigestEthSigner s) {
    if (s == null) throw new LitValidationException("signer is missing");
    return s;
  }

  private static Web3j checkWeb3j(Web3j w) {
    if (w == null) throw new LitValidationException("web3j is missing");
    return w;
  }

  private static TransactionReceiptProcessor checkReceipts(TransactionReceiptProcessor r) {
    if (r == null) throw new LitValidationException("receipt processor is missing");
    return r;
  }

  /** {@return the chain id every transaction is signed for} */
  public long chainId() {
    return chainId;
  }

  /** {@return the signer (its address is {@link #getFromAddress()})} */
  public DigestEthSigner signer() {
    return signer;
  }

  /**
   * {@return the next nonce of the signer's address, counting pending transactions}
   *
   * @throws IOException if the RPC call fails
   */
  public BigInteger nextNonce() throws IOException {
    EthGetTransactionCount r =
        web3j.ethGetTransactionCount(getFromAddress(), DefaultBlockParameterName.PENDING).send();
    if (r.hasError())
      throw new IOException("eth_getTransactionCount failed: " + r.getError().getMessage());
    return r.getTransactionCount();
  }

  /**
   * Signs and sends a legacy (EIP-155) transaction with the next nonce.
   *
   * @param constructor unused (web3j marks contract deployments with it; the encoding is the same)
   * @throws IOException if an RPC call fails
   * @throws LitContractException if the node reports a different hash than the signed transaction's
   * @throws io.lit4j.core.errors.LitException if signing fails
   */
  @Override
  public EthSendTransaction sendTransaction(
      BigInteger gasPrice,
      BigInteger gasLimit,
      String to,
      String data,
      BigInteger value,
      boolean constructor)
      throws IOException {
    RawTransaction tx =
        RawTransaction.createTransaction(nextNonce(), gasPrice, gasLimit, to, value, data);
    return signAndSend(tx);
  }

  /**
   * Signs and sends an EIP-1559 transaction with the next nonce.
   *
   * @throws LitValidationException if {@code chainId} is not this manager's chain id
   * @throws IOException if an RPC call fails
   * @throws LitContractException if the node reports a different hash than the signed transaction's
   * @throws io.lit4j.core.errors.LitException if signing fails
   */
  @Override
  public EthSendTransaction sendEIP1559Transaction(
      long chainId,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      BigInteger gasLimit,
      String to,
      String data,
      BigInteger value,
      boolean constructor)
      throws IOException {
    if (chainId != this.chainId) {
      throw new LitValidationException(
          "this manager signs for chain " + this.chainId + ", not " + chainId);
    }
    RawTransaction tx =
        RawTransaction.createTransaction(
            chainId, nextNonce(), gasLimit, to, value, data, maxPriorityFeePerGas, maxFeePerGas);
    return signAndSend(tx);
  }

  /**
   * Signs {@code transaction} for this manager's chain and sends it as it is (its nonce included).
   *
   * @param transaction the transaction
   * @return the RPC's answer
   * @throws IOException if the RPC call fails
   * @throws LitContractException if the node reports a different hash than the signed transaction's
   * @throws io.lit4j.core.errors.LitException if signing fails
   */
  public EthSendTransaction signAndSend(RawTransaction transaction) throws IOException {
    String signedHex = Numeric.toHexString(signer.signTransaction(transaction, chainId));
    return send(signedHex);
  }

  /**
   * Asynchronous {@link #signAndSend(RawTransaction)}: signs through the async path and sends with
   * web3j's async call.
   *
   * @param transaction the transaction
   * @return a future of the RPC's answer
   */
  public CompletableFuture<EthSendTransaction> signAndSendAsync(RawTransaction transaction) {
    return signer
        .signTransactionAsync(transaction, chainId)
        .thenCompose(
            signed -> {
              String signedHex = Numeric.toHexString(signed);
              return web3j
                  .ethSendRawTransaction(signedHex)
                  .sendAsync()
                  .thenApply(r -> checkedHash(r, signedHex));
            });
  }

  private EthSendTransaction send(String signedHex) throws IOException {
    return checkedHash(web3j.ethSendRawTransaction(signedHex).send(), signedHex);
  }

  private static EthSendTransaction checkedHash(EthSendTransaction r, String signedHex) {
    if (r != null && !r.hasError()) {
      String local = Hash.sha3(signedHex);
      if (!local.equalsIgnoreCase(r.getTransactionHash())) {
        throw new LitContractException(
            "the node reports transaction hash "
                + r.getTransactionHash()
                + " but the signed transaction's hash is "
                + local,
            new TxHashMismatchException(local, r.getTransactionHash()));
      }
    }
    return r;
  }

  /**
   * {@code eth_call} from the signer's address.
   *
   * @throws ContractCallException if the call reverts (web3j's message, with the revert reason)
   * @throws IOException if the RPC call fails
   */
  @Override
  public String sendCall(String to, String data, DefaultBlockParameter defaultBlockParameter)
      throws IOException {
    EthCall call =
        web3j
            .ethCall(
                Transaction.createEthCallTransaction(getFromAddress(), to, data),
                defaultBlockParameter)
            .send();
    if (call.isReverted())
      throw new ContractCallException(String.format(REVERT_ERR_STR, call.getRevertReason()));
    return call.getValue();
  }

  /**
   * {@code eth_getCode} of {@code contractAddress}.
   *
   * @throws IOException if the RPC call fails
   */
  @Override
  public EthGetCode getCode(String contractAddress, DefaultBlockParameter defaultBlockParameter)
      throws IOException {
    return web3j.ethGetCode(contractAddress, defaultBlockParameter).send();
  }

  /** Shows the address and chain only. */
  @Override
  public String toString() {
    return "PkpTransactionManager[from=" + getFromAddress() + ", chainId=" + chainId + "]";
  }
}
