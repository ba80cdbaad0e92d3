package io.lit4j.localnet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.idp.OidcIssuer;
import io.lit4j.localnet.idp.SoftwareAuthenticator;
import io.lit4j.localnet.relay.LocalRelay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private static final List<String> STEPS =
      List.of(
          "connect",
          "mintGoogleThroughRelay",
          "fetchGooglePkps",
          "mintWebAuthnThroughRelay",
          "googleSessionSigsAndPkpSign",
          "webAuthnSessionSigsAndPkpSign",
          "done");
  private static final String CLIENT_ID = "lit4j-js-relay.apps.googleusercontent.com";
  private static final String ORIGIN = "http://localhost:3000";

  @Test
  @Timeout(value = 330, unit = TimeUnit.SECONDS)
  void theJsSdkLitAuthClientMintsThroughTheLocalRelayAndSignsWithGoogleAndPasskeyLogins()
      throws Exception {
    JsSdkScript.nodeModules("@lit-protocol/lit-auth-client");
    try (OidcIssuer google = OidcIssuer.start();
        LocalLitNetwork net =
            LocalLitNetwork.builder()
                .nodes(3)
                .seed("lit4j-js-sdk-v4-relay")
                .authProviders(
                    AuthMethodVerifiers.builder()
                        .google(google.issuer(), google.jwksUrl(), CLIENT_ID)
                        .webauthn("localhost", ORIGIN)
                        .build())
                .start();
        LocalRelay relay = LocalRelay.start(net, "js-relay-key")) {
      SoftwareAuthenticator passkey = SoftwareAuthenticator.create(ORIGIN);
      ObjectNode args = (ObjectNode) LitJson.mapper().readTree(net.connectionInfoJson());
      args.put("relayUrl", relay.url());
      args.put("relayApiKey", "js-relay-key");
      args.put("googleIdToken", google.idToken("google-js-" + UUID.randomUUID(), CLIENT_ID));
      args.set(
          "webauthnRegistration",
          passkey.register(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
      String latest =
          net.anvil()
              .web3j()
              .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getHash();
      // the script mints twice before logging in: the challenge block stays within the nodes'
      // 10-block window
      args.put("webauthnAssertion", passkey.assertion(Hex.decode(latest, "blockhash")));
      Path argsFile = Files.createTempFile("lit4j-relay-", ".json");
      try {
        Files.writeString(argsFile, args.toString(), StandardCharsets.UTF_8);
        JsSdkScript.runAndCheck(
            "sdk-v4-relay.cjs",
            "@lit-protocol/lit-auth-client",
            STEPS,
            240,
            argsFile.toString()); // hang detection on a loaded machine
      } finally {
        Files.deleteIfExists(argsFile);
      }
    }
  }
}
