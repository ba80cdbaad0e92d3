package io.lit4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.CapacityCreditsRequest;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.LitContractsNetwork;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.node.LitNodeClientConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

class LiveNetworkSampleTest {
  @Test
  void theHabaneroConfigReadsNodesFromStakingAndAlwaysChecksAttestation() throws Exception {
    try (LitContracts contracts = LiveNetworkSample.habaneroContracts(Credentials.create(Keys.createEcKeyPair()))) {
      LitNodeClientConfig config = LiveNetworkSample.habaneroConfig(contracts);
      assertEquals(LitNetwork.HABANERO, config.network());
      assertTrue(config.checkNodeAttestation());
      assertEquals(LitContractsNetwork.HABANERO.addresses(), contracts.addresses());
      assertThrows(LitValidationException.class, () -> config.toBuilder().checkNodeAttestation(false).build());
      Path dir = Files.createTempDirectory("vcek");
      assertTrue(LiveNetworkSample.habaneroConfigCachingCertificates(contracts, dir).attestationVerifier().isPresent());
    }
  }

  @Test
  void capacityCreditsPerDayAreConvertedAsTheSdkDoesAndExpireAtAUtcMidnight() {
    CapacityCreditsRequest r = CapacityCreditsRequest.perDay(14_400, 2);
    assertEquals(167, r.requestsPerKilosecond());
    assertEquals(Instant.parse("2024-05-03T00:00:00Z"), r.expiresAt(Instant.parse("2024-05-01T15:30:00Z")));
    assertThrows(LitValidationException.class, () -> CapacityCreditsRequest.perDay(1, 2));
  }
}
