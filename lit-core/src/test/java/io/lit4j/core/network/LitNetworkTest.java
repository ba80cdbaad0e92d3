package io.lit4j.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LitNetworkTest {
  @Test
  void everyNetworkIsFoundByItsWireName() {
    for (LitNetwork n : LitNetwork.values()) assertEquals(n, LitNetwork.fromName(n.wireName()));
    assertEquals(
        List.of("cayenne", "manzano", "habanero", "custom", "localhost"),
        java.util.Arrays.stream(LitNetwork.values()).map(LitNetwork::wireName).toList());
  }

  @Test
  void anUnknownNetworkNameIsATypedErrorWithTheSdkCode() {
    UnknownNetworkException e =
        assertThrows(UnknownNetworkException.class, () -> LitNetwork.fromName("datil"));
    assertEquals("datil", e.networkName());
    assertEquals("LitNodeClientBadConfigError", e.errorCode().orElseThrow());
    assertTrue(e.getMessage().contains("habanero"));
    assertThrows(UnknownNetworkException.class, () -> LitNetwork.fromName("Habanero"));
    assertThrows(UnknownNetworkException.class, () -> LitNetwork.fromName("internalDev"));
    assertThrows(LitValidationException.class, () -> LitNetwork.fromName(null));
  }

  @Test
  void cayenneHasThreeStaticNodesAndAThresholdOfTwo() {
    assertEquals(
        List.of(
            "https://cayenne.litgateway.com:7370",
            "https://cayenne.litgateway.com:7371",
            "https://cayenne.litgateway.com:7372"),
        LitNetwork.CAYENNE.bootstrapUrls());
    assertEquals(MinNodeCountSource.STATIC_BOOTSTRAP_URLS, LitNetwork.CAYENNE.minNodeCountSource());
    assertEquals(2, LitNetwork.staticMinNodeCount(LitNetwork.CAYENNE.bootstrapUrls().size()));
    assertFalse(LitNetwork.CAYENNE.attestationRequired());
    assertFalse(LitNetwork.CAYENNE.nodesFromChain());
  }

  @Test
  void theStaticThresholdFollowsTheSdkFormula() {
    assertEquals(2, LitNetwork.staticMinNodeCount(2));
    assertEquals(2, LitNetwork.staticMinNodeCount(3));
    assertEquals(6, LitNetwork.staticMinNodeCount(10));
    assertEquals(0, LitNetwork.staticMinNodeCount(1));
    assertThrows(LitValidationException.class, () -> LitNetwork.staticMinNodeCount(0));
  }

  @Test
  void manzanoAndHabaneroReadNodesFromChainAndAlwaysCheckAttestation() {
    for (LitNetwork n : List.of(LitNetwork.MANZANO, LitNetwork.HABANERO)) {
      assertTrue(n.attestationRequired());
      assertTrue(n.nodesFromChain());
      assertTrue(n.bootstrapUrls().isEmpty());
      assertEquals(MinNodeCountSource.STAKING_CONTRACT, n.minNodeCountSource());
    }
    assertEquals(
        "https://lit-general-worker.getlit.dev/habanero-contract-addresses",
        LitNetwork.HABANERO.contractAddressesUrl().orElseThrow());
    assertEquals(
        "https://lit-general-worker.getlit.dev/manzano-contract-addresses",
        LitNetwork.MANZANO.contractAddressesUrl().orElseThrow());
    assertEquals(
        "https://lit-general-worker.getlit.dev/contract-addresses",
        LitNetwork.CAYENNE.contractAddressesUrl().orElseThrow());
  }

  @Test
  void chainBackedNetworksLiveOnChronicle() {
    for (LitNetwork n : List.of(LitNetwork.CAYENNE, LitNetwork.MANZANO, LitNetwork.HABANERO)) {
      LitChain chain = n.chain().orElseThrow();
      assertEquals(175177L, chain.requireEvmChainId());
      assertEquals(List.of("https://chain-rpc.litprotocol.com/http"), chain.rpcUrls());
    }
    assertTrue(LitNetwork.CUSTOM.chain().isEmpty());
    assertTrue(LitNetwork.LOCALHOST.chain().isEmpty());
  }

  @Test
  void customTakesItsThresholdFromChainOnlyWithoutBootstrapUrls() {
    assertEquals(MinNodeCountSource.STAKING_CONTRACT, LitNetwork.CUSTOM.minNodeCountSource(false));
    assertEquals(MinNodeCountSource.CLIENT_CONFIG, LitNetwork.CUSTOM.minNodeCountSource(true));
    assertEquals(MinNodeCountSource.STAKING_CONTRACT, LitNetwork.HABANERO.minNodeCountSource(true));
    assertTrue(LitNetwork.CUSTOM.contractAddressesUrl().isEmpty());
  }

  @Test
  void localhostListsTenNodesOnPorts7470To7479() {
    List<String> urls = LitNetwork.LOCALHOST.bootstrapUrls();
    assertEquals(10, urls.size());
    assertEquals("http://localhost:7470", urls.get(0));
    assertEquals("http://localhost:7479", urls.get(9));
    assertEquals(MinNodeCountSource.CLIENT_CONFIG, LitNetwork.LOCALHOST.minNodeCountSource());
  }

  @Test
  void everyV4NetworkSpeaksTheUnversionedRoutes() {
    for (LitNetwork n : LitNetwork.values())
      assertEquals(ProtocolVersion.V4_INITIAL, n.protocolVersion());
  }
}
