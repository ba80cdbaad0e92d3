package io.lit4j.node.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.BlsSecretKeyShare;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ed25519.Ed25519KeyPair;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import io.lit4j.localnet.node.NodeFault;
import io.lit4j.localnet.node.SimulatedNode;
import io.lit4j.localnet.node.SimulatedNodeConfig;
import io.lit4j.node.AuthNeededCallback;
import io.lit4j.node.DecryptRequest;
import io.lit4j.node.EncryptRequest;
import io.lit4j.node.EncryptResponse;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.InMemorySessionKeyStore;
import io.lit4j.node.LitActionException;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.SessionSigsRequest;
import io.lit4j.node.load.Fixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * No private key or session secret ever reaches a log line (at DEBUG, see {@code
 * simplelogger.properties}), an exception message, or a {@code toString}.
 */
@LocalLitNetworkTest(nodes = 3, seed = "lit4j-secrets", rateLimiting = false)
class SecretsNeverReachLogsTest {
  private final LocalLitNetwork net;

  SecretsNeverReachLogsTest(LocalLitNetwork net) {
    this.net = net;
  }

  /** Every way a secret could be spelled in a log: hex either case, with 0x, decimal. */
  static List<String> spellings(String label, byte[] secret) {
    String hex = Hex.encode(secret);
    List<String> out = new ArrayList<>(List.of(hex, hex.toUpperCase(Locale.ROOT)));
    out.add(new BigInteger(1, secret).toString());
    out.add(java.util.Base64.getEncoder().encodeToString(secret));
    return out.stream().map(s -> label + "\u0000" + s).toList();
  }

  static byte[] privateKey(Credentials c) {
    return org.web3j.utils.Numeric.toBytesPadded(c.getEcKeyPair().getPrivateKey(), 32);
  }

  /** Fails naming the secret (never printing it) if {@code text} contains one. */
  static void assertNoSecret(String where, String text, List<String> secrets) {
    for (String s : secrets) {
      int cut = s.indexOf('\u0000');
      String label = s.substring(0, cut);
      String value = s.substring(cut + 1);
      assertFalse(text.contains(value), where + " contains " + label);
    }
  }

  @Test
  void anEndToEndRunAtDebugLogsNoPrivateKeyAndNoSessionSecret() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < net.devAccounts().size(); i++)
      secrets.addAll(spellings("dev wallet " + i + " private key", privateKey(net.devAccount(i))));
    InMemorySessionKeyStore store = new InMemorySessionKeyStore();
    SessionKeyPair eoaKey = SessionKeyPair.generate();
    SessionKeyPair pkpKey = SessionKeyPair.generate();
    for (SessionKeyPair k : List.of(eoaKey, pkpKey)) {
      secrets.addAll(spellings("session secret key", Hex.decode(k.secretKeyHex(), "secret")));
      secrets.addAll(
          spellings(
              "session key seed",
              java.util.Arrays.copyOf(Hex.decode(k.secretKeyHex(), "secret"), 32)));
    }
    Fixture f;
    System.setErr(tee);
    System.setOut(tee);
    try {
      f =
          new Fixture(
              net,
              8,
              LitNodeClientConfig.builder()
                  .requestTimeout(Duration.ofSeconds(5))
                  .sessionKeyStore(store));
      try {
        // the store's own session key (made by getSessionSigs without an explicit key)
        SessionSigs stored =
            f.client.getSessionSigs(
                SessionSigsRequest.builder()
                    .authNeededCallback(AuthNeededCallback.ethWallet(f.signer))
                    .walletSigStoreKey("secrets-test")
                    .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
                    .build());
        SessionSigs eoa = f.client.getSessionSigs(f.eoaRequest(eoaKey));
        SessionSigs pkp = f.client.getPkpSessionSigs(f.pkpRequest(pkpKey));
        // a node refusing connections: the request is repeated (logged at DEBUG) and the node
        // dropped (WARN)
        net.nodes().get(2).server().setFault(NodeFault.DOWN);
        try {
          assertEquals(
              "hi",
              f.client
                  .executeJs(
                      ExecuteJsRequest.builder()
                          .code(
                              "console.log('from the action'); Lit.Actions.setResponse({response: 'hi'});")
                          .auth(NodeAuth.sessionSigs(stored))
                          .build())
                  .response());
        } finally {
          net.nodes().get(2).server().setFault(NodeFault.NONE);
        }
        byte[] toSign = EthHash.keccak256("secrets".getBytes(StandardCharsets.UTF_8));
        EcdsaSignature sig =
            f.client.pkpSign(
                PkpSignRequest.builder()
                    .toSign(toSign)
                    .pkpPublicKey(f.pkpKey)
                    .auth(NodeAuth.sessionSigs(pkp))
                    .build());
        assertEquals(f.pkpKey.ethAddress(), EthSignatures.recoverAddress(toSign, sig.signature()));
        EncryptResponse e =
            f.client.encrypt(
                EncryptRequest.builder().conditions(f.isTheWallet).text("secret text").build());
        assertEquals(
            "secret text",
            f.client.decryptToString(
                DecryptRequest.builder()
                    .conditions(f.isTheWallet)
                    .encrypted(e)
                    .auth(NodeAuth.sessionSigs(eoa))
                    .build()));
        LitActionException failed =
            assertThrows(
                LitActionException.class,
                () ->
                    f.client.executeJs(
                        ExecuteJsRequest.builder()
                            .code("throw new Error('boom');")
                            .auth(NodeAuth.sessionSigs(eoa))
                            .build()));
        net.nodes().forEach(n -> n.server().setFault(NodeFault.HTTP_500));
        LitException all500 =
            assertThrows(
                LitException.class,
                () ->
                    f.client.pkpSign(
                        PkpSignRequest.builder()
                            .toSign(toSign)
                            .pkpPublicKey(f.pkpKey)
                            .auth(NodeAuth.sessionSigs(pkp))
                            .build()));
        net.nodes().forEach(n -> n.server().setFault(NodeFault.NONE));
        System.err.println(
            "exception texts: " + failed + " / " + all500 + " / " + all500.details());
      } finally {
        net.nodes().forEach(n -> n.server().setFault(NodeFault.NONE));
        f.close();
      }
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
    // the store holds the session key it made: its secret must not be logged either
    for (String key : List.of("lit-session-key")) {
      store
          .get(key)
          .ifPresent(
              json -> {
                String secret =
                    io.lit4j.core.json.LitJson.parse(json, "stored").path("secretKey").asText();
                if (!secret.isEmpty())
                  secrets.addAll(
                      spellings("stored session secret key", Hex.decode(secret, "secretKey")));
              });
    }
    assertTrue(store.toString().startsWith("InMemorySessionKeyStore"), store.toString());
    String log = captured.toString(StandardCharsets.UTF_8);
    // kept for inspection (it was just checked to hold no secret)
    Files.writeString(Path.of("target", "secrets-captured.log"), log);
    long lines = log.lines().count();
    long debug = log.lines().filter(l -> l.contains(" DEBUG ")).count();
    System.out.println(
        "captured "
            + lines
            + " lines of output ("
            + debug
            + " at DEBUG) across connect, session sigs, "
            + "PKP session sigs, executeJs, pkpSign, encrypt/decrypt and failures; "
            + secrets.size() / 4
            + " secrets checked");
    assertTrue(debug > 0, "DEBUG logging is on in these tests (simplelogger.properties)");
    assertTrue(
        log.contains("repeating request"),
        "lit4j's own DEBUG lines (request repeats) were captured");
    assertTrue(
        log.contains("dropping Lit node") || log.contains("failed"),
        "the WARN lines were captured");
    assertNoSecret("the log output", log, secrets);
  }

  @Test
  void toStringOfEveryTypeHoldingASecretRedactsIt() throws Exception {
    SessionKeyPair session = SessionKeyPair.generate();
    Ed25519KeyPair ed = Ed25519KeyPair.generate();
    Credentials wallet = net.devAccount(0);
    Map<String, String> shown = new LinkedHashMap<>();
    List<String> secrets = new ArrayList<>();
    secrets.addAll(spellings("session secret", Hex.decode(session.secretKeyHex(), "s")));
    secrets.addAll(spellings("ed25519 secret", ed.secretKey()));
    secrets.addAll(spellings("ed25519 seed", java.util.Arrays.copyOf(ed.secretKey(), 32)));
    secrets.addAll(spellings("wallet private key", privateKey(wallet)));
    shown.put("SessionKeyPair", session.toString());
    shown.put("Ed25519KeyPair", ed.toString());
    shown.put("SessionKeyPair.keyPair()", session.keyPair().toString());
    shown.put("Web3jEthSigner", new Web3jEthSigner(wallet).toString());
    InMemorySessionKeyStore store = new InMemorySessionKeyStore();
    store.put(
        "lit-session-key",
        io.lit4j.core.json.LitJson.mapper().writeValueAsString(session.toStoredJsValue()));
    shown.put("InMemorySessionKeyStore", store.toString());
    shown.put(
        "LitNodeClientConfig",
        LitNodeClientConfig.builder()
            .localNetwork(net.rpcUrl(), net.contracts())
            .sessionKeyStore(store)
            .build()
            .toString());
    AuthMethod method = new AuthMethod(6, "google-oauth-token-" + Hex.encode(ed.publicKey()));
    secrets.add("auth method access token\u0000google-oauth-token-" + Hex.encode(ed.publicKey()));
    shown.put("AuthMethod", method.toString());
    for (SimulatedNode n : net.nodes()) {
      java.lang.reflect.Method m = SimulatedNode.class.getDeclaredMethod("config");
      m.setAccessible(true);
      SimulatedNodeConfig c = (SimulatedNodeConfig) m.invoke(n);
      BlsSecretKeyShare bls = c.blsShare();
      secrets.addAll(spellings("BLS key share of node " + c.shareIndex(), bls.valueBytes()));
      for (BigInteger s : c.k256Share().rootSecretShares()) {
        secrets.addAll(
            spellings(
                "K256 key share of node " + c.shareIndex(),
                org.web3j.utils.Numeric.toBytesPadded(s, 32)));
      }
      secrets.addAll(spellings("ECDSA nonce secret", c.ecdsaNetworkSecret()));
      secrets.addAll(spellings("node wallet key " + c.shareIndex(), privateKey(c.nodeWallet())));
      shown.put("BlsSecretKeyShare " + c.shareIndex(), bls.toString());
      shown.put("K256NodeKeyShare " + c.shareIndex(), c.k256Share().toString());
      shown.put("SimulatedNodeConfig " + c.shareIndex(), c.toString());
      shown.put("SimulatedNode " + c.shareIndex(), n.toString());
      shown.put(
          "SimulatedEcdsaSigner",
          new io.lit4j.localnet.keys.SimulatedEcdsaSigner(c.ecdsaNetworkSecret()).toString());
    }
    shown.put("LocalLitNetwork", net.toString());
    for (Map.Entry<String, String> e : shown.entrySet()) {
      assertNoSecret(e.getKey() + ".toString()", e.getValue(), secrets);
      System.out.println(e.getKey() + " -> " + e.getValue());
    }
  }
}
