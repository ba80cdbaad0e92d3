package io.lit4j.localnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.LitContractAddresses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the real JS SDK v4.2.0 {@code @lit-protocol/contracts-sdk} against our contracts
 * (getValidators, getMinNodeCount, epoch, mintWithAuth, PKP and capacity-credit reads), from the
 * packages the build installs into {@code ${lit4j.tools.dir}/js-sdk-4.2.0} ({@code
 * src/build/js-sdk.sh}).
 */
class JsSdkCompatibilityTest {

  @Test
  void theJsContractsSdkMintsAndReadsAgainstOurContractsUnchanged() throws Exception {
    Path dir =
        Path.of(
                System.getProperty(
                    "lit4j.tools.dir",
                    Path.of(System.getProperty("user.home"), ".cache", "lit4j", "tools")
                        .toString()))
            .resolve("js-sdk-4.2.0");
    Path script = Path.of("src/test/js/contracts-sdk-check.cjs").toAbsolutePath();
    try (ChainFixture chain = new ChainFixture()) {
      LitContractAddresses a = chain.deployment.addresses();
      String json =
          String.format(
              "{\"staking\":\"%s\",\"pkpNft\":\"%s\",\"pubkeyRouter\":\"%s\",\"pkpPermissions\":\"%s\","
                  + "\"pkpHelper\":\"%s\",\"rateLimitNft\":\"%s\"}",
              a.staking(),
              a.pkpNft(),
              a.pubkeyRouter(),
              a.pkpPermissions(),
              a.pkpHelper(),
              a.rateLimitNft());
      String key = "0x" + chain.anvil.devAccount(5).getEcKeyPair().getPrivateKey().toString(16);
      Path out = Files.createTempFile("lit4j-sdkcheck-", ".log");
      // the child's output goes to a file: inheriting surefire's stdout would corrupt its channel
      ProcessBuilder pb =
          new ProcessBuilder("node", script.toString(), chain.anvil.rpcUrl(), json, key)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      pb.environment().put("NODE_PATH", dir.resolve("node_modules").toString());
      Process p = pb.start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the SDK check finished in time");
      String log = Files.readString(out, StandardCharsets.UTF_8);
      System.out.println(log);
      Files.deleteIfExists(out);
      assertEquals(0, p.exitValue(), log);
      assertTrue(log.contains("SDK-CHECK-OK"), log);
      assertTrue(
          log.contains("'http://127.0.0.1:7470'"), "getValidators lists the registered node URLs");
    }
  }
}
