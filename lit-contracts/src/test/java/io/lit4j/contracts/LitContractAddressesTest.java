package io.lit4j.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import org.junit.jupiter.api.Test;

class LitContractAddressesTest {
  private static String entry(String name, String address) {
    return "{\"name\":\""
        + name
        + "\",\"contracts\":[{\"network\":\"habanero\",\"address_hash\":\""
        + address
        + "\",\"inserted_at\":\"2023-11-22T00:00:00Z\",\"ABI\":[]},{\"address_hash\":\"0x0000000000000000000000000000000000000001\"}]}";
  }

  @Test
  void generalWorkerJsonYieldsTheFirstAddressOfEachContract() {
    LitContractAddresses h = LitContractsNetwork.HABANERO.addresses();
    String json =
        "{\"config\":{\"chainId\":\"175177\"},\"data\":["
            + entry("Allowlist", "0xEC97F162940883ed1feeccd9fb741f11a1F996e2")
            + ","
            + entry("Staking", h.staking())
            + ","
            + entry("PKPNFT", h.pkpNft())
            + ","
            + entry("PubkeyRouter", h.pubkeyRouter())
            + ","
            + entry("PKPPermissions", h.pkpPermissions())
            + ","
            + entry("PKPHelper", h.pkpHelper())
            + ","
            + entry("RateLimitNFT", h.rateLimitNft())
            + "]}";
    assertEquals(h, LitContractAddresses.fromGeneralWorkerJson(json));
  }

  @Test
  void aMissingContractIsNamedInTheError() {
    String json =
        "{\"data\":[" + entry("Staking", "0xde8627067188C0063384eC682D9187c7d7673934") + "]}";
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> LitContractAddresses.fromGeneralWorkerJson(json))
            .getMessage()
            .contains("PKPNFT"));
    assertThrows(
        LitValidationException.class,
        () -> LitContractAddresses.fromGeneralWorkerJson("{\"data\":{}}"));
    assertThrows(
        LitValidationException.class, () -> LitContractAddresses.fromGeneralWorkerJson("not json"));
  }

  @Test
  void aMalformedAddressIsRejectedNamingTheField() {
    String bad = "0x1234";
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> new LitContractAddresses(bad, bad, bad, bad, bad, bad))
            .getMessage()
            .contains("staking"));
  }
}
