package io.lit4j.localnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

class AnvilTest {

  @Test
  void startsOnALoopbackPortWithTheChainIdAndFundedWellKnownDevAccountsAndStopsOnClose()
      throws IOException {
    Anvil anvil = Anvil.builder().chainId(175177).accounts(3).start();
    int port;
    try (anvil) {
      port = anvil.port();
      assertEquals("http://127.0.0.1:" + port, anvil.rpcUrl());
      assertEquals(175177L, anvil.chainId());
      assertEquals(BigInteger.valueOf(175177), anvil.web3j().ethChainId().send().getChainId());
      assertEquals(3, anvil.devAccounts().size());
      assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", anvil.devAccount(0).getAddress());
      assertEquals(
          "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          anvil.devAccount(0).getEcKeyPair().getPrivateKey().toString(16));
      assertEquals("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", anvil.devAccount(1).getAddress());
      BigInteger balance =
          anvil
              .web3j()
              .ethGetBalance(anvil.devAccount(2).getAddress(), DefaultBlockParameterName.LATEST)
              .send()
              .getBalance();
      assertTrue(balance.compareTo(BigInteger.TEN.pow(21)) > 0, "dev accounts are funded");
      BigInteger gasLimit =
          anvil
              .web3j()
              .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getGasLimit();
      assertEquals(Anvil.DEFAULT_BLOCK_GAS_LIMIT, gasLimit);
      assertTrue(anvil.isRunning());
      assertThrows(LitValidationException.class, () -> anvil.devAccount(3));
    }
    assertFalse(anvil.isRunning());
    assertFalse(portAnswers(port), "nothing listens after close");
    anvil.close(); // idempotent
  }

  @Test
  void timeCanBeMovedForwardForExpiryTests() {
    try (Anvil anvil = Anvil.start()) {
      long next = anvil.latestBlockTimestamp() + 86_400;
      anvil.setNextBlockTimestamp(next);
      anvil.mine();
      assertEquals(next, anvil.latestBlockTimestamp());
      LitException backwards =
          assertThrows(LitException.class, () -> anvil.setNextBlockTimestamp(next - 10));
      assertTrue(
          backwards.getMessage().contains("evm_setNextBlockTimestamp"), backwards.getMessage());
    }
  }

  @Test
  void aMissingBinaryFailsWithAClearMessage() {
    LitException e =
        assertThrows(
            LitException.class,
            () -> Anvil.builder().binary(Path.of("/nonexistent/anvil")).start());
    assertTrue(e.getMessage().contains("could not start anvil"), e.getMessage());
  }

  @Test
  void aFailedStartLeavesNoAnvilOrGuardProcess() throws InterruptedException {
    long chainId = 800_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000);
    LitException e =
        assertThrows(
            LitException.class,
            () -> Anvil.builder().chainId(chainId).hardfork("nosuchfork").start());
    assertTrue(e.getMessage().contains("anvil exited with code"), e.getMessage());
    assertEquals(java.util.List.of(), io.lit4j.localnet.ProcessLeaks.awaitGone(chainId, 10_000));
  }

  @Test
  void badOptionsAreRejected() {
    assertThrows(LitValidationException.class, () -> Anvil.builder().chainId(0));
    assertThrows(LitValidationException.class, () -> Anvil.builder().accounts(0));
    assertThrows(LitValidationException.class, () -> Anvil.builder().blockGasLimit(BigInteger.ONE));
    assertThrows(LitValidationException.class, () -> Anvil.builder().hardfork("bad fork; rm"));
  }

  private static boolean portAnswers(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return s.isConnected();
    } catch (IOException e) {
      return false;
    }
  }
}
