package io.lit4j.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.ScriptedRpcServer.RpcError;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;

class LitContractsTransactionTest {
  private static final Credentials SIGNER =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final String CONTRACT = "0x00000000000000000000000000000000000000c1";
  private static final LitContractAddresses ADDRESSES =
      new LitContractAddresses(CONTRACT, CONTRACT, CONTRACT, CONTRACT, CONTRACT, CONTRACT);
  private static final String MINT_COST = "0xbdb4b848";
  private static final String MINT_NEXT = "0x5d228b16";

  private static String word(long v) {
    return "0x" + String.format("%064x", v);
  }

  private static String errorString(String reason) {
    byte[] r = reason.getBytes(StandardCharsets.UTF_8);
    return "0x08c379a0"
        + String.format("%064x", 32)
        + String.format("%064x", r.length)
        + Hex.encode(r)
        + "00".repeat((32 - r.length % 32) % 32);
  }

  /**
   * A chain that accepts a mintNext and reports what was sent; receipts per {@code receiptStatus}.
   */
  private static ScriptedRpcServer chain(
      AtomicReference<String> rawTx, String baseFee, String receiptStatus) throws Exception {
    ScriptedRpcServer rpc = new ScriptedRpcServer();
    rpc.on("eth_chainId", p -> "0x7a69")
        .on("eth_estimateGas", p -> "0x186a0") // 100 000
        .on("eth_gasPrice", p -> "0x3b9aca00")
        .on("eth_getTransactionCount", p -> "0x0")
        .on(
            "eth_getBlockByNumber",
            p ->
                ScriptedRpcServer.parse(
                    "{\"number\":\"0x4\",\"hash\":\"0x"
                        + "11".repeat(32)
                        + "\",\"transactions\":[]"
                        + (baseFee == null ? "" : ",\"baseFeePerGas\":\"" + baseFee + "\"")
                        + "}"))
        .on(
            "eth_sendRawTransaction",
            p -> {
              rawTx.set(p.get(0).asText());
              return Hex.encode0x(Hash.sha3(Hex.decode(p.get(0).asText())));
            })
        .on(
            "eth_call",
            p -> {
              String data =
                  p.get(0).get("data") != null
                      ? p.get(0).get("data").asText()
                      : p.get(0).get("input").asText();
              if (data.startsWith(MINT_COST)) return word(1);
              if (data.startsWith(MINT_NEXT))
                return new RpcError(3, "execution reverted: sold out", errorString("sold out"));
              return new RpcError(-32000, "unexpected call " + data, null);
            });
    if (receiptStatus != null) {
      rpc.on(
          "eth_getTransactionReceipt",
          p ->
              ScriptedRpcServer.parse(
                  "{\"transactionHash\":\""
                      + p.get(0).asText()
                      + "\",\"blockNumber\":\"0x5\",\"gasUsed\":\"0x5208\","
                      + "\"status\":\""
                      + receiptStatus
                      + "\",\"logs\":[]}"));
    } else {
      rpc.on("eth_getTransactionReceipt", p -> null);
    }
    return rpc;
  }

  private static LitContracts contracts(ScriptedRpcServer rpc, Duration receiptTimeout) {
    return LitContracts.builder()
        .rpcUrl(rpc.url())
        .signer(SIGNER)
        .addresses(ADDRESSES)
        .receiptTimeout(receiptTimeout)
        .pollInterval(Duration.ofMillis(20))
        .build();
  }

  @Test
  void aTransactionMinedAsRevertedIsReplayedToRecoverItsReason() throws Exception {
    AtomicReference<String> raw = new AtomicReference<>();
    try (ScriptedRpcServer rpc = chain(raw, "0x3b9aca00", "0x0");
        LitContracts c = contracts(rpc, Duration.ofSeconds(5))) {
      ContractRevertException e = assertThrows(ContractRevertException.class, c.pkps()::mintNext);
      assertEquals(Optional.of("sold out"), e.revertReason());
      assertEquals("PKPNFT.mintNext", e.function());
      String expectedHash = Hex.encode0x(Hash.sha3(Hex.decode(raw.get())));
      assertEquals(Optional.of(expectedHash), e.transactionHash());
      assertTrue(e.getMessage().contains(expectedHash), e.getMessage());
    }
  }

  @Test
  void withABaseFeeTheTransactionIsEip1559PricedAsEthersV5WithTheGasMargin() throws Exception {
    AtomicReference<String> raw = new AtomicReference<>();
    try (ScriptedRpcServer rpc = chain(raw, "0x3b9aca00", "0x1");
        LitContracts c = contracts(rpc, Duration.ofSeconds(5))) {
      // no logs in the receipt: the mint is sent, then reading the token id fails with a typed
      // error
      io.lit4j.core.errors.LitContractException e =
          assertThrows(io.lit4j.core.errors.LitContractException.class, c.pkps()::mintNext);
      assertEquals(Optional.of(ContractErrorCode.MISSING_MINT_LOG), ContractErrorCode.of(e));
      RawTransaction tx = TransactionDecoder.decode(raw.get());
      Transaction1559 t = assertInstanceOf(Transaction1559.class, tx.getTransaction());
      assertEquals(BigInteger.valueOf(110_000), t.getGasLimit()); // 100 000 estimated + 10 %
      assertEquals(BigInteger.valueOf(1_500_000_000L), t.getMaxPriorityFeePerGas());
      assertEquals(BigInteger.valueOf(2 * 1_000_000_000L + 1_500_000_000L), t.getMaxFeePerGas());
      assertEquals(31337L, t.getChainId());
      assertEquals(BigInteger.ONE, t.getValue()); // mintCost() read first
      assertTrue(
          t.getData().startsWith(MINT_NEXT.substring(2)) || t.getData().startsWith(MINT_NEXT));
    }
  }

  @Test
  void withoutABaseFeeTheTransactionIsLegacyAtTheNodesGasPrice() throws Exception {
    AtomicReference<String> raw = new AtomicReference<>();
    try (ScriptedRpcServer rpc = chain(raw, null, "0x1");
        LitContracts c = contracts(rpc, Duration.ofSeconds(5))) {
      assertThrows(io.lit4j.core.errors.LitContractException.class, c.pkps()::mintNext);
      RawTransaction tx = TransactionDecoder.decode(raw.get());
      assertEquals(BigInteger.valueOf(1_000_000_000L), tx.getGasPrice());
      assertEquals(BigInteger.valueOf(110_000), tx.getGasLimit());
      assertTrue(rpc.calls.contains("eth_gasPrice"));
    }
  }

  @Test
  void aReceiptThatNeverComesTimesOutWithTheTransactionHash() throws Exception {
    AtomicReference<String> raw = new AtomicReference<>();
    try (ScriptedRpcServer rpc = chain(raw, "0x3b9aca00", null);
        LitContracts c = contracts(rpc, Duration.ofMillis(300))) {
      LitTimeoutException e = assertThrows(LitTimeoutException.class, c.pkps()::mintNext);
      assertEquals(Optional.of(ContractErrorCode.RECEIPT_TIMEOUT.name()), e.errorCode());
      assertTrue(
          e.getMessage().contains(Hex.encode0x(Hash.sha3(Hex.decode(raw.get())))), e.getMessage());
    }
  }

  @Test
  void aCallToAnAddressWithoutCodeSaysToCheckTheAddress() throws Exception {
    try (ScriptedRpcServer rpc = new ScriptedRpcServer()) {
      rpc.on("eth_call", p -> "0x");
      try (LitContracts c = LitContracts.builder().rpcUrl(rpc.url()).addresses(ADDRESSES).build()) {
        io.lit4j.core.errors.LitContractException e =
            assertThrows(io.lit4j.core.errors.LitContractException.class, c.pkps()::mintCost);
        assertEquals(Optional.of(ContractErrorCode.NO_CONTRACT_CODE), ContractErrorCode.of(e));
        assertTrue(e.getMessage().contains(CONTRACT), e.getMessage());
      }
    }
  }

  @Test
  void aResolverIsAskedOncePerContractAndItsAnswersAreCached() throws Exception {
    String resolver = "0x00000000000000000000000000000000000000d1";
    try (ScriptedRpcServer rpc = new ScriptedRpcServer()) {
      rpc.on(
          "eth_call",
          p -> {
            String data =
                p.get(0).get("data") != null
                    ? p.get(0).get("data").asText()
                    : p.get(0).get("input").asText();
            assertTrue(data.startsWith("0x8e8dfd16"), data);
            // answer the env byte's value + the type's first byte, so each contract gets its own
            // address
            String typ = data.substring(10, 12);
            return "0x" + "0".repeat(24) + "00000000000000000000000000000000000000" + typ;
          });
      try (LitContracts c =
          LitContracts.builder()
              .rpcUrl(rpc.url())
              .resolver(resolver, ResolverEnvironment.PROD)
              .build()) {
        LitContractAddresses a = c.addresses();
        // keccak256("STAKING") starts 0x08, keccak256("PKP_NFT") starts 0xb7 (contracts.md §2.7)
        assertEquals("0x0000000000000000000000000000000000000008", a.staking().toLowerCase());
        assertEquals("0x00000000000000000000000000000000000000b7", a.pkpNft().toLowerCase());
        c.addresses();
        assertEquals(6, rpc.calls.size());
      }
    }
  }

  @Test
  void aResolverWithoutAnAddressForAContractIsATypedErrorNamingIt() throws Exception {
    try (ScriptedRpcServer rpc = new ScriptedRpcServer()) {
      rpc.on("eth_call", p -> word(0));
      try (LitContracts c =
          LitContracts.builder()
              .rpcUrl(rpc.url())
              .resolver("0x00000000000000000000000000000000000000d1", ResolverEnvironment.DEV)
              .build()) {
        io.lit4j.core.errors.LitContractException e =
            assertThrows(
                io.lit4j.core.errors.LitContractException.class, c.staking()::getMinNodeCount);
        assertEquals(Optional.of(ContractErrorCode.UNRESOLVED_ADDRESS), ContractErrorCode.of(e));
        assertTrue(
            e.getMessage().contains("STAKING") && e.getMessage().contains("DEV"), e.getMessage());
      }
    }
  }
}
