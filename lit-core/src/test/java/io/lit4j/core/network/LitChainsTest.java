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
  void theTableReadFromItsResourceKeepsTheSdkValuesAndOrder() {
    List<LitChain> all = LitChains.all();
    assertEquals(60, all.size());
    assertEquals("ethereum", all.get(0).key());
    assertEquals("juno", all.get(all.size() - 1).key());

    LitChain ethereum = LitChains.ETHEREUM;
    assertEquals("Ethereum", ethereum.name());
    assertEquals("ETH", ethereum.symbol());
    assertEquals(18, ethereum.decimals());
    assertEquals(
        List.of("https://eth-mainnet.alchemyapi.io/v2/EuGnkVlzVoEkzdg0lpCarhm8YHOxWVxE"),
        ethereum.rpcUrls());
    assertEquals(List.of("https://etherscan.io"), ethereum.blockExplorerUrls());

    // The SDK's own spellings stay as published.
    assertEquals("\tZora", LitChains.get("zora").name());
    assertEquals(7777777L, LitChains.evmChainId("zora"));
    assertEquals(91006L, LitChains.evmChainId("waevEclipseTestnet"));
    assertEquals(91006L, LitChains.evmChainId("waevEclipseDevnet"));

    LitChain solanaDevnet = LitChains.get("solanaDevnet");
    assertEquals(LitChain.VmType.SVM, solanaDevnet.vmType());
    assertEquals(9, solanaDevnet.decimals());
    assertEquals(List.of("https://api.devnet.solana.com"), solanaDevnet.rpcUrls());
    assertTrue(solanaDevnet.cosmosChainId().isEmpty());

    LitChain cheqdTestnet = LitChains.get("cheqdTestnet");
    assertEquals("Cheqd Testnet", cheqdTestnet.name());
    assertEquals("cheqd-testnet-6", cheqdTestnet.cosmosChainId().orElseThrow());
    assertEquals("CHEQ", cheqdTestnet.symbol());
    assertEquals(9, cheqdTestnet.decimals());
    assertEquals(List.of("https://testnet-explorer.cheqd.io"), cheqdTestnet.blockExplorerUrls());
    assertTrue(cheqdTestnet.evmChainId().isEmpty());
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
