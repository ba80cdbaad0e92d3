package io.lit4j.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LitChainsTest {
  @Test
  void theChainIdsUsersLookForAreThere() {
    assertEquals(1L, LitChains.evmChainId("ethereum"));
    assertEquals(175177L, LitChains.evmChainId("chronicleTestnet"));
    assertEquals(LitChains.CHRONICLE_CHAIN_ID, LitChains.CHRONICLE_TESTNET.requireEvmChainId());
    assertEquals(137L, LitChains.evmChainId("polygon"));
    assertEquals(11155111L, LitChains.evmChainId("sepolia"));
    assertEquals(8453L, LitChains.evmChainId("base"));
    assertEquals(42161L, LitChains.evmChainId("arbitrum"));
    assertEquals(10L, LitChains.evmChainId("optimism"));
    assertEquals(100L, LitChains.evmChainId("xdai"));
    assertEquals("cosmoshub-4", LitChains.COSMOS.cosmosChainId().orElseThrow());
  }

  @Test
  void theTablesHaveTheSdkSizesAndUniqueKeys() {
    assertEquals(50, LitChains.ofType(LitChain.VmType.EVM).size());
    assertEquals(3, LitChains.ofType(LitChain.VmType.SVM).size());
    assertEquals(7, LitChains.ofType(LitChain.VmType.CVM).size());
    Set<String> keys = new HashSet<>();
    for (LitChain c : LitChains.all()) assertTrue(keys.add(c.key()), c.key());
  }

  @Test
  void anUnknownChainNameIsATypedError() {
    UnknownChainException e =
        assertThrows(UnknownChainException.class, () -> LitChains.get("ethereumm"));
    assertEquals("ethereumm", e.chainName());
    assertEquals("UnsupportedChainException", e.errorCode().orElseThrow());
    assertThrows(UnknownChainException.class, () -> LitChains.get("Ethereum"));
    assertThrows(LitValidationException.class, () -> LitChains.get(null));
    assertTrue(LitChains.find("nope").isEmpty());
  }

  @Test
  void askingANonEvmChainForAnEvmChainIdIsATypedError() {
    assertThrows(UnknownChainException.class, () -> LitChains.evmChainId("solana"));
    assertTrue(LitChains.SOLANA.evmChainId().isEmpty());
  }

  @Test
  void listsAreImmutable() {
    List<LitChain> all = LitChains.all();
    assertThrows(UnsupportedOperationException.class, () -> all.remove(0));
    assertThrows(UnsupportedOperationException.class, () -> LitChains.ETHEREUM.rpcUrls().clear());
  }
}
