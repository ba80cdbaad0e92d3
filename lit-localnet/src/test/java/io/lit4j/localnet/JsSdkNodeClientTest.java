package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.crypto.eth.EthHash;
import java.util.List;
import org.web3j.crypto.Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * Opt-in: the real JS SDK v4.2.0 {@code LitNodeClientNodeJs} against a running lit-localnet
 * (connect as a {@code custom} network, session sigs, executeJs with signEcdsa, pkpSign,
 * encrypt/decrypt). Enable with {@code -Dlit4j.sdkcheck.dir=DIR} after {@code npm install --prefix
 * DIR @lit-protocol/lit-node-client-nodejs@4.2.0 @lit-protocol/auth-helpers@4.2.0
 * @lit-protocol/constants@4.2.0 ethers@5.7.2 date-and-time@2}.
 */
@EnabledIfSystemProperty(named = "lit4j.sdkcheck.dir", matches = ".+")
class JsSdkNodeClientTest {

  @Test
  void theJsSdkConnectsSignsAndDecryptsAgainstTheLocalNetwork() throws Exception {
    Path dir = Path.of(System.getProperty("lit4j.sdkcheck.dir"));
    Path script = Path.of("src/test/js/node-client-check.cjs").toAbsolutePath();
    try (LocalLitNetwork net = LocalLitNetwork.builder().nodes(3).seed("lit4j-js-sdk-check").start()) {
      Credentials user = net.devAccount(2);
      MintedPkp pkp;
      MintedPkp authPkp;
      try (LitContracts c = LitContracts.builder().rpcUrl(net.rpcUrl()).addresses(net.contracts()).signer(user).build()) {
        pkp = c.mintNext();
        // permits the wallet's EthWallet auth method (id keccak256("<checksummed address>:lit")) to personal-sign
        authPkp = c.mintWithAuth(PermittedAuthMethod.of(AuthMethodType.ETH_WALLET,
            EthHash.keccak256Utf8(Keys.toChecksumAddress(user.getAddress()) + ":lit")), List.of(AuthMethodScope.PERSONAL_SIGN));
      }
      String key = Numeric.toHexStringWithPrefixZeroPadded(user.getEcKeyPair().getPrivateKey(), 64);
      Path out = Files.createTempFile("lit4j-sdknodes-", ".log");
      ProcessBuilder pb = new ProcessBuilder("node", script.toString(), net.connectionInfoJson(), key, pkp.publicKeyHex(), authPkp.publicKeyHex())
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
      pb.environment().put("NODE_PATH", dir.resolve("node_modules").toString());
      Process p = pb.start();
      boolean done = p.waitFor(180, TimeUnit.SECONDS);
      if (!done) p.destroyForcibly();
      String log = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      System.out.println(log);
      assertTrue(done, "the JS SDK check finished in time");
      assertEquals(0, p.exitValue(), log);
      assertTrue(log.contains("SDK-NODES-OK"), log);
    }
  }
}
