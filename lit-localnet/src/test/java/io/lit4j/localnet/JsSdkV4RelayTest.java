package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.idp.OidcIssuer;
import io.lit4j.localnet.idp.SoftwareAuthenticator;
import io.lit4j.localnet.relay.LocalRelay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The official JS SDK 4.2.0 {@code LitAuthClient} mints through lit-localnet's relay and gets PKP
 * session sigs with a Google ID token from the loopback OIDC issuer and with a WebAuthn assertion
 * from a software passkey, verified by the nodes ({@code src/test/js/sdk-v4-relay.cjs}, packages
 * from {@code src/build/js-sdk.sh}).
 */
class JsSdkV4RelayTest {
  private static final List<String> STEPS = List.of("connect", "mintGoogleThroughRelay", "fetchGooglePkps", "mintWebAuthnThroughRelay",
      "googleSessionSigsAndPkpSign", "webAuthnSessionSigsAndPkpSign", "done");
  private static final String CLIENT_ID = "lit4j-js-relay.apps.googleusercontent.com";
  private static final String ORIGIN = "http://localhost:3000";

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void theJsSdkLitAuthClientMintsThroughTheLocalRelayAndSignsWithGoogleAndPasskeyLogins() throws Exception {
    Path nodeModules = Path.of(System.getProperty("lit4j.tools.dir",
        Path.of(System.getProperty("user.home"), ".cache", "lit4j", "tools").toString()))
        .resolve("js-sdk-4.2.0").resolve("node_modules");
    assertTrue(Files.isRegularFile(nodeModules.resolve("@lit-protocol/lit-auth-client/package.json")),
        "the JS SDK 4.2.0 lit-auth-client is installed in " + nodeModules + " (the build runs src/build/js-sdk.sh)");
    Path script = Path.of("src/test/js/sdk-v4-relay.cjs").toAbsolutePath();
    try (OidcIssuer google = OidcIssuer.start();
        LocalLitNetwork net = LocalLitNetwork.builder().nodes(3).seed("lit4j-js-sdk-v4-relay")
            .authProviders(AuthMethodVerifiers.builder().google(google.issuer(), google.jwksUrl(), CLIENT_ID).webauthn("localhost", ORIGIN).build())
            .start();
        LocalRelay relay = LocalRelay.start(net, "js-relay-key")) {
      SoftwareAuthenticator passkey = SoftwareAuthenticator.create(ORIGIN);
      ObjectNode args = (ObjectNode) LitJson.mapper().readTree(net.connectionInfoJson());
      args.put("relayUrl", relay.url());
      args.put("relayApiKey", "js-relay-key");
      args.put("googleIdToken", google.idToken("google-js-" + UUID.randomUUID(), CLIENT_ID));
      args.set("webauthnRegistration", passkey.register(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
      String latest = net.anvil().web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getHash();
      // the script mints twice before logging in: the challenge block stays within the nodes' 10-block window
      args.put("webauthnAssertion", passkey.assertion(Hex.decode(latest, "blockhash")));
      Path argsFile = Files.createTempFile("lit4j-relay-", ".json");
      Files.writeString(argsFile, args.toString(), StandardCharsets.UTF_8);
      ProcessBuilder pb = new ProcessBuilder("node", script.toString(), argsFile.toString())
          .directory(nodeModules.getParent().toFile()).redirectErrorStream(true);
      pb.environment().put("NODE_PATH", nodeModules.toString());
      Process p = pb.start();
      List<JsonNode> steps = new ArrayList<>();
      Thread pump = new Thread(() -> pump(p, steps), "sdk-v4-relay-output");
      pump.setDaemon(true);
      pump.start();
      try {
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        pump.join(TimeUnit.SECONDS.toMillis(10));
        List<JsonNode> reported;
        synchronized (steps) {
          reported = List.copyOf(steps);
        }
        for (JsonNode s : reported) {
          if (!s.path("ok").asBoolean(false)) fail("JS SDK 4.2.0 step '" + s.path("step").asText() + "' failed: " + s.path("error").asText());
        }
        assertTrue(finished, "the JS relay flow finished; steps: " + reported.stream().map(s -> s.path("step").asText()).toList());
        assertEquals(STEPS, reported.stream().map(s -> s.path("step").asText()).toList());
        assertEquals(0, p.exitValue());
      } finally {
        if (p.isAlive()) p.destroyForcibly();
        Files.deleteIfExists(argsFile);
      }
    }
  }

  /** Copies the child's output into the test log and collects its step lines. */
  private static void pump(Process p, List<JsonNode> steps) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println("[sdk-v4-relay] " + line);
        if (line.startsWith("{\"step\":")) {
          JsonNode step = LitJson.parse(line, "sdk-v4-relay step");
          synchronized (steps) {
            steps.add(step);
          }
        }
      }
    } catch (IOException e) {
      System.out.println("[sdk-v4-relay] output closed: " + e.getMessage());
    }
  }
}
