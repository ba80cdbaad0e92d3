package io.lit4j.node.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.exceptions.TxHashMismatchException;
import org.web3j.utils.Numeric;

/**
 * The transaction manager against a scripted JSON-RPC, signing with a local key through the same
 * code path as a PKP.
 */
class PkpTransactionManagerTest {
  // a throwaway test key (anvil's second dev account); never a real secret
  private static final Credentials KEY =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final String TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  private final ScriptedRpc rpc =
      new ScriptedRpc()
          .on("eth_getTransactionCount", p -> "0x2a")
          .on("eth_chainId", p -> "0x7a69")
          .on("eth_sendRawTransaction", p -> Hash.sha3(p.get(0).asText()));
  private final Web3j web3j = Web3j.build(rpc);
  private final DigestEthSigner signer = DigestEthSigner.of(new Web3jEthSigner(KEY));

  @Test
  void aLegacyTransactionTakesThePendingNonceAndSendsWhatWeb3jWouldSign() throws Exception {
    PkpTransactionManager tm = new PkpTransactionManager(web3j, signer, 31337L);
    EthSendTransaction sent =
        tm.sendTransaction(BigInteger.TEN, BigInteger.valueOf(21_000), TO, "0x", BigInteger.ONE);
    assertEquals(
        "pending", rpc.callsOf("eth_getTransactionCount").get(0).get("params").get(1).asText());
    String expected =
        Numeric.toHexString(
            TransactionEncoder.signMessage(
                RawTransaction.createTransaction(
                    BigInteger.valueOf(42),
                    BigInteger.TEN,
                    BigInteger.valueOf(21_000),
                    TO,
                    BigInteger.ONE,
                    "0x"),
                31337L,
                KEY));
    assertEquals(
        expected, rpc.callsOf("eth_sendRawTransaction").get(0).get("params").get(0).asText());
    assertEquals(Hash.sha3(expected), sent.getTransactionHash());
    assertEquals(signer.address(), tm.getFromAddress());
  }

  @Test
  void aContractDeploymentWithoutRecipientIsSentAsWeb3jWouldSignIt() throws Exception {
    String bytecode = "0x6080604052348015600f57600080fd5b50603f80601d6000396000f3fe";
    new PkpTransactionManager(web3j, signer, 31337L)
        .sendTransaction(
            BigInteger.TEN, BigInteger.valueOf(300_000), null, bytecode, BigInteger.ZERO, true);
    String expected =
        Numeric.toHexString(
            TransactionEncoder.signMessage(
                RawTransaction.createTransaction(
                    BigInteger.valueOf(42),
                    BigInteger.TEN,
                    BigInteger.valueOf(300_000),
                    null,
                    BigInteger.ZERO,
                    bytecode),
                31337L,
                KEY));
    assertEquals(
        expected, rpc.callsOf("eth_sendRawTransaction").get(0).get("params").get(0).asText());
  }

  @Test
  void anEip1559TransactionIsSentAsWeb3jWouldSignIt() throws Exception {
    PkpTransactionManager tm = new PkpTransactionManager(web3j, signer, 31337L);
    tm.sendEIP1559Transaction(
        31337L,
        BigInteger.ONE,
        BigInteger.TEN,
        BigInteger.valueOf(50_000),
        TO,
        "0x1234",
        BigInteger.ZERO);
    String expected =
        Numeric.toHexString(
            TransactionEncoder.signMessage(
                RawTransaction.createTransaction(
                    31337L,
                    BigInteger.valueOf(42),
                    BigInteger.valueOf(50_000),
                    TO,
                    BigInteger.ZERO,
                    "0x1234",
                    BigInteger.ONE,
                    BigInteger.TEN),
                31337L,
                KEY));
    assertEquals(
        expected, rpc.callsOf("eth_sendRawTransaction").get(0).get("params").get(0).asText());
  }

  @Test
  void aNodeThatReportsAnotherTransactionHashIsCaught() {
    rpc.on("eth_sendRawTransaction", p -> "0x" + "ab".repeat(32));
    PkpTransactionManager tm = new PkpTransactionManager(web3j, signer, 1L);
    LitContractException e =
        assertThrows(
            LitContractException.class,
            () ->
                tm.sendTransaction(
                    BigInteger.TEN, BigInteger.valueOf(21_000), TO, "0x", BigInteger.ONE));
    assertInstanceOf(TxHashMismatchException.class, e.getCause());
    LitContractException async =
        assertThrows(
            LitContractException.class,
            () ->
                io.lit4j.core.util.Futures.join(
                    tm.signAndSendAsync(
                        RawTransaction.createEtherTransaction(
                            BigInteger.ZERO,
                            BigInteger.ONE,
                            BigInteger.valueOf(21_000),
                            TO,
                            BigInteger.ONE))));
    assertTrue(async.getMessage().contains("0x" + "ab".repeat(32)), async.getMessage());
  }

  @Test
  void aNodeErrorIsReturnedAsWeb3jReturnsIt() throws Exception {
    rpc.on(
        "eth_sendRawTransaction",
        p -> new ScriptedRpc.RpcError(-32000, "insufficient funds for gas * price + value", null));
    EthSendTransaction sent =
        new PkpTransactionManager(web3j, signer, 1L)
            .sendTransaction(BigInteger.TEN, BigInteger.valueOf(21_000), TO, "0x", BigInteger.ONE);
    assertTrue(sent.hasError());
    assertEquals("insufficient funds for gas * price + value", sent.getError().getMessage());
  }

  @Test
  void aRevertedCallThrowsWeb3jsContractCallException() {
    String revert =
        "0x08c379a0" + "0".repeat(62) + "20" + "0".repeat(63) + "4" + "6e6f7065" + "0".repeat(56);
    rpc.on("eth_call", p -> new ScriptedRpc.RpcError(3, "execution reverted: nope", revert));
    PkpTransactionManager tm = new PkpTransactionManager(web3j, signer, 1L);
    ContractCallException e =
        assertThrows(
            ContractCallException.class,
            () -> tm.sendCall(TO, "0x12345678", DefaultBlockParameterName.LATEST));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    assertEquals(
        signer.address().toLowerCase(),
        rpc.callsOf("eth_call").get(0).get("params").get(0).get("from").asText().toLowerCase());
  }

  @Test
  void theChainIdCanBeReadFromTheConnectedChain() {
    assertEquals(31337L, PkpTransactionManager.forConnectedChain(web3j, signer).chainId());
  }

  @Test
  void badConstructionAndAnotherChainAreValidationErrors() {
    assertThrows(LitValidationException.class, () -> new PkpTransactionManager(web3j, signer, 0L));
    assertThrows(LitValidationException.class, () -> new PkpTransactionManager(null, signer, 1L));
    assertThrows(
        LitValidationException.class,
        () -> new PkpTransactionManager(web3j, (DigestEthSigner) null, 1L));
    assertThrows(
        LitValidationException.class,
        () -> new PkpTransactionManager(web3j, (PkpEthSigner) null, 1L));
    PkpTransactionManager tm = new PkpTransactionManager(web3j, signer, 5L);
    assertThrows(
        LitValidationException.class,
        () ->
            tm.sendEIP1559Transaction(
                1L,
                BigInteger.ONE,
                BigInteger.TEN,
                BigInteger.valueOf(21_000),
                TO,
                "0x",
                BigInteger.ZERO));
    assertEquals(List.of(), rpc.callsOf("eth_sendRawTransaction"));
  }
}
