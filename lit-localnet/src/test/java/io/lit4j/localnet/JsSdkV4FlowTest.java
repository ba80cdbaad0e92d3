package io.lit4j.localnet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Lit JS SDK 4.2.0, configured as {@code litNetwork: 'custom'} with our Staking
 * contract, runs its normal flow against a 3-node lit-localnet (habanero profile: capacity credits
 * required) unchanged: {@code src/test/js/sdk-v4-flow.cjs} with the packages {@code
 * src/build/js-sdk.sh} installs into {@code ${lit4j.tools.dir}/js-sdk-4.2.0}. The script prints one
 * JSON line per step; this test streams its output into the log and fails with the first failing
 * step's message, or when a step is missing.
 */
class JsSdkV4FlowTest {

  /** Every step the script must report, in order. */
  private static final List<String> STEPS =
      List.of(
          "connect",
          "eoaSessionSigs",
          "mintPkpWithAuth",
          "capacityCredits",
          "executeJsEoa",
          "pkpSessionSigs",
          "executeJs",
          "pkpSign",
          "rateLimitedWithoutDelegation",
          "encryptDecrypt",
          "getSignedToken",
          "claimKeyId",
          "done");

  private static final long SCRIPT_TIMEOUT_SECONDS =
      240; // hang detection; the flow takes 30 to 110 s on a loaded 2-core machine

  @Test
  @Timeout(value = 330, unit = TimeUnit.SECONDS)
  void theOfficialJsSdkRunsItsNormalV4FlowAgainstTheLocalNetworkUnchanged() throws Exception {
    try (LocalLitNetwork net =
        LocalLitNetwork.builder()
            .nodes(3)
            .seed("lit4j-js-sdk-v4-flow")
            .rateLimiting(true)
            .start()) {
      Path connection = Files.createTempFile("lit4j-localnet-", ".json");
      try {
        Files.writeString(connection, net.connectionInfoJson(), StandardCharsets.UTF_8);
        assertFlowPasses(connection);
      } finally {
        Files.deleteIfExists(connection);
      }
    }
  }

  /**
   * Runs the flow script (rate-limited variant) against the network described by a connection file
   * and fails with the first failing step, or when a step is missing.
   *
   * @param connection the network's connection JSON file
   */
  static void assertFlowPasses(Path connection) throws Exception {
    JsSdkScript.runAndCheck(
        "sdk-v4-flow.cjs",
        "@lit-protocol/lit-node-client-nodejs",
        STEPS,
        SCRIPT_TIMEOUT_SECONDS,
        connection.toString(),
        "--rate-limited");
  }
}
