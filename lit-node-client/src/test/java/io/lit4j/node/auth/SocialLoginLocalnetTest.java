package io.lit4j.node.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionKeySignedMessage;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.auth.AuthMethodVerifiers;
import io.lit4j.localnet.auth.WebAuthnRegistrations;
import io.lit4j.localnet.idp.DiscordOAuth;
import io.lit4j.localnet.idp.OidcIssuer;
import io.lit4j.localnet.idp.SoftwareAuthenticator;
import io.lit4j.localnet.idp.StytchProject;
import io.lit4j.localnet.relay.LocalRelay;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.ExecuteJsResponse;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSessionRequest;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.relay.LitRelay;
import io.lit4j.node.relay.RelayMintRequest;
import io.lit4j.node.relay.RelayPkp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Wallets for users without an Ethereum wallet, end to end on lit-localnet: a backend mints a PKP
 * for a Google, Stytch or Discord login (the auth method id permitted on chain), gets PKP session
 * sigs through {@code signSessionKey} with that auth method (the nodes verify it against the
 * loopback providers as v4 nodes verify Google, Stytch and Discord), then signs with {@code
 * pkpSign} and {@code executeJs}; every signature is checked against the PKP's key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialLoginLocalnetTest {
  static final String GOOGLE_CLIENT_ID = "lit4j-backend.apps.googleusercontent.com";
  static final String PASSKEY_ORIGIN = "http://localhost:3000";
  static final List<AuthMethodScope> SCOPES =
      List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN);

  private OidcIssuer google;
  private StytchProject stytch;
  private DiscordOAuth discord;
  private LocalLitNetwork net;
  private LitContracts contracts;
  private LitNodeClient client;

  @BeforeAll
  void start() {
    google = OidcIssuer.start();
    stytch = StytchProject.start();
    discord = DiscordOAuth.start(AuthMethodIds.DEFAULT_DISCORD_CLIENT_ID);
    net =
        LocalLitNetwork.builder()
            .nodes(3)
            .seed("lit4j-social-login")
            .authProviders(
                AuthMethodVerifiers.builder()
                    .google(google.issuer(), google.jwksUrl(), GOOGLE_CLIENT_ID)
                    .stytch(stytch.jwksUrlTemplate())
                    .discord(discord.apiBaseUrl())
                    .webauthn("localhost", PASSKEY_ORIGIN)
                    .build())
            .start();
    contracts =
        LitContracts.builder()
            .rpcUrl(net.rpcUrl())
            .addresses(net.contracts())
            .signer(net.devAccount(3))
            .build();
    client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .localNetwork(net.rpcUrl(), net.contracts())
                .requestTimeout(Duration.ofSeconds(30))
                .refreshInterval(Duration.ZERO)
                .build());
    client.connect();
  }

  @AfterAll
  void stop() {
    if (client != null) client.close();
    if (contracts != null) contracts.close();
    if (net != null) net.close();
    if (google != null) google.close();
    if (stytch != null) stytch.close();
    if (discord != null) discord.close();
  }

  @Test
  void aGoogleUserGetsAPkpWhoseSessionSignsWithPkpSignAndExecuteJs() {
    AuthMethod login =
        new AuthMethod(6, google.idToken("google-user-" + UUID.randomUUID(), GOOGLE_CLIENT_ID));
    Secp256k1PublicKey pkp = mintFor(login);
    SessionSigs sessions = sessionFor(pkp, login);
    pkpSignAndExecuteJsSignAsThePkp(pkp, sessions);
  }

  @Test
  void aStytchEmailOtpUserGetsAPkpWhoseSessionSigns() {
    String user = "user-test-" + UUID.randomUUID();
    AuthMethod login = new AuthMethod(10, stytch.emailOtpSession(user, "Otp.User@Example.com"));
    Secp256k1PublicKey pkp = mintFor(login);
    pkpSignAndExecuteJsSignAsThePkp(pkp, sessionFor(pkp, login));
  }

  @Test
  void aStytchSmsAndATotpUserEachGetAPkpWhoseSessionSigns() {
    String user = "user-test-" + UUID.randomUUID();
    for (AuthMethod login :
        List.of(
            new AuthMethod(9, stytch.session(user)),
            new AuthMethod(11, stytch.smsOtpSession(user, "+15555550123")),
            new AuthMethod(12, stytch.whatsAppOtpSession(user, "+15555550124")),
            new AuthMethod(
                13, stytch.totpSession(user, "totp-test-" + UUID.randomUUID(), "+15555550125")))) {
      Secp256k1PublicKey pkp = mintFor(login);
      EcdsaSignature sig =
          client.pkpSign(
              PkpSignRequest.builder()
                  .toSign(EthHash.keccak256(new byte[] {9}))
                  .pkpPublicKey(pkp)
                  .auth(NodeAuth.sessionSigs(sessionFor(pkp, login)))
                  .build());
      assertEquals(pkp.ethAddress(), sig.recoverAddress(), "type " + login.authMethodType());
    }
  }

  @Test
  void aDiscordUserGetsAPkpWhoseSessionSigns() {
    String token = discord.accessToken("80351110224678912", "nelly");
    AuthMethod login = new AuthMethod(4, token);
    // the id needs the Discord user id, which the backend gets from users/@me as the JS SDK does
    PermittedAuthMethod permitted =
        new PermittedAuthMethod(
            4, AuthMethodIds.discordAuthMethodId("80351110224678912"), new byte[0]);
    MintedPkp minted = contracts.pkps().mintWithAuth(permitted, SCOPES);
    Secp256k1PublicKey pkp = minted.publicKey();
    pkpSignAndExecuteJsSignAsThePkp(pkp, sessionFor(pkp, login));
  }

  @Test
  void aPasskeyUserRegistersGetsAPkpWithTheCredentialKeyAndSignsWithAnAssertion() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.create(PASSKEY_ORIGIN);
    Secp256k1PublicKey pkp = registerAndMint(passkey);
    // the challenge is a block hash at most 10 blocks old (the client's handshake hash may be older
    // after many mints)
    AuthMethod login =
        new AuthMethod(3, passkey.assertion(Hex.decode(latestBlockHash(), "blockhash")));
    assertEquals(
        passkey.rawId(),
        io.lit4j.core.json.LitJson.parse(login.accessToken(), "t").get("rawId").asText());
    pkpSignAndExecuteJsSignAsThePkp(pkp, sessionFor(pkp, login));
  }

  @Test
  void aPasskeyAssertionOverAnOldBlockOrFromAnUnregisteredCredentialIsRefused() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.create(PASSKEY_ORIGIN);
    Secp256k1PublicKey pkp = registerAndMint(passkey);
    String oldHash = latestBlockHash();
    for (int i = 0; i < 11; i++) net.anvil().mine();
    LitAuthException replayed =
        assertThrows(
            LitAuthException.class,
            () ->
                sessionFor(
                    pkp, new AuthMethod(3, passkey.assertion(Hex.decode(oldHash, "blockhash")))));
    assertTrue(
        replayed
            .getMessage()
            .startsWith("The nodes refused the WebAuthn (type 3) auth method: it did not verify"),
        replayed.getMessage());
    assertTrue(
        replayed.getMessage().contains("Invalid blockhash used as challenge"),
        replayed.getMessage());

    SoftwareAuthenticator stranger = SoftwareAuthenticator.create(PASSKEY_ORIGIN);
    String fresh = latestBlockHash();
    LitAuthException unregistered =
        assertThrows(
            LitAuthException.class,
            () ->
                sessionFor(
                    pkp, new AuthMethod(3, stranger.assertion(Hex.decode(fresh, "blockhash")))));
    assertTrue(
        unregistered.getMessage().contains("Unable to decode credential public key CBOR"),
        unregistered.getMessage());
  }

  @Test
  void googleTokensThatAreExpiredForeignForgedOrTamperedAreRefusedAsAuthErrorsNamingGoogleJwt() {
    String sub = "google-user-" + UUID.randomUUID();
    AuthMethod good = new AuthMethod(6, google.idToken(sub, GOOGLE_CLIENT_ID));
    Secp256k1PublicKey pkp = mintFor(good);
    String expired =
        google.sign(
            google
                .claims(sub, GOOGLE_CLIENT_ID)
                .expirationTime(java.util.Date.from(Instant.now().minusSeconds(10)))
                .build());
    String wrongAudience = google.idToken(sub, "someone-elses-client.apps.googleusercontent.com");
    String wrongIssuer =
        google.sign(
            google.claims(sub, GOOGLE_CLIENT_ID).issuer("https://accounts.example.com").build());
    String unknownKid;
    try (OidcIssuer impostor = OidcIssuer.start()) {
      unknownKid = impostor.sign(google.claims(sub, GOOGLE_CLIENT_ID).build());
    }
    String[] parts = good.accessToken().split("\\.");
    String tampered =
        parts[0]
            + "."
            + google.idToken("google-someone-else", GOOGLE_CLIENT_ID).split("\\.")[1]
            + "."
            + parts[2];
    List<List<String>> cases =
        List.of(
            List.of(expired, "Google JWT expired"),
            List.of(wrongAudience, "is not a configured client id"),
            List.of(wrongIssuer, "is not trusted"),
            List.of(unknownKid, "Invalid JWT"),
            List.of(tampered, "Invalid JWT"));
    for (List<String> c : cases) {
      LitAuthException e =
          assertThrows(
              LitAuthException.class, () -> sessionFor(pkp, new AuthMethod(6, c.get(0))), c.get(1));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "The nodes refused the GoogleJwt (type 6) auth method: it did not verify"),
          e.getMessage());
      assertTrue(
          e.getMessage().contains(c.get(1))
              && e.getMessage().contains("Failed to verify auth method"),
          e.getMessage());
      assertEquals(500, e.status());
      assertTrue(e.requestId().isPresent());
    }
  }

  @Test
  void aVerifiedLoginThatThePkpDoesNotPermitIsRefusedAsAnAuthError() {
    Secp256k1PublicKey pkp =
        mintFor(
            new AuthMethod(
                6, google.idToken("google-owner-" + UUID.randomUUID(), GOOGLE_CLIENT_ID)));
    AuthMethod stranger = new AuthMethod(6, google.idToken("google-stranger", GOOGLE_CLIENT_ID));
    LitAuthException e = assertThrows(LitAuthException.class, () -> sessionFor(pkp, stranger));
    assertTrue(
        e.getMessage()
            .startsWith(
                "The nodes refused the GoogleJwt (type 6) auth method: it is not permitted on the PKP"),
        e.getMessage());
    assertEquals("NodeAuthSigScopeTooLimited", e.errorCode().orElseThrow());
    assertEquals(401, e.status());
  }

  private String latestBlockHash() {
    try {
      return net.anvil()
          .web3j()
          .ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
          .send()
          .getBlock()
          .getHash();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Secp256k1PublicKey registerAndMint(SoftwareAuthenticator passkey) {
    byte[] challenge =
        EthHash.keccak256(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    WebAuthnRegistrations.Registered reg =
        WebAuthnRegistrations.verify(
            passkey.register(challenge), challenge, "localhost", Set.of(PASSKEY_ORIGIN));
    assertEquals(passkey.rawId(), reg.rawId());
    byte[] id = AuthMethodIds.keccak(reg.rawId() + ":lit");
    MintedPkp minted =
        contracts
            .pkps()
            .mintWithAuth(
                PermittedAuthMethod.of(AuthMethodType.WEB_AUTHN, id, reg.cosePublicKey()), SCOPES);
    assertArrayEquals(
        reg.cosePublicKey(),
        contracts.permissions().getPermittedAuthMethods(minted.tokenId()).stream()
            .filter(m -> m.authMethodType() == 3)
            .findFirst()
            .orElseThrow()
            .userPubkey());
    return minted.publicKey();
  }

  @Test
  void theRelayMintsAPkpForAGoogleLoginThatThenSignsAndListsItUnderTheAuthMethod() {
    try (LocalRelay local = LocalRelay.start(net, "relay-test-key")) {
      LitRelay relay =
          LitRelay.builder()
              .relayUrl(local.url())
              .apiKey("relay-test-key")
              .polling(Duration.ofMillis(200), 20)
              .build();
      AuthMethod login =
          new AuthMethod(6, google.idToken("google-relay-" + UUID.randomUUID(), GOOGLE_CLIENT_ID));
      String requestId = relay.mintPkp(RelayMintRequest.of(login));
      RelayPkp minted = relay.pollUntilMinted(requestId);
      Secp256k1PublicKey pkp = minted.publicKey();
      assertEquals(pkp.ethAddress(), minted.ethAddress());
      assertEquals(List.of(minted), relay.fetchPkps(login));
      pkpSignAndExecuteJsSignAsThePkp(pkp, sessionFor(pkp, login));

      LitException noKey =
          assertThrows(
              LitException.class,
              () -> LitRelay.builder().relayUrl(local.url()).build().fetchPkps(login));
      assertEquals(401, noKey.status());
    }
  }

  /**
   * The Lit docs' custom authentication: the PKP permits one action, and the action decides who may
   * sign.
   */
  static final String CUSTOM_AUTH_ACTION =
      String.join(
          "\n",
          "(async () => {",
          "  const tokenId = await Lit.Actions.pubkeyToTokenId({ publicKey });",
          "  const permitted = await Lit.Actions.isPermittedAction({ tokenId, ipfsId: Lit.Auth.actionIpfsIds[0] });",
          "  const user = Lit.Auth.authMethodContexts.find(c => c.authMethodType === 6 && c.appId === clientId);",
          "  if (!permitted || !user || !allowedUsers.includes(user.userId)) {",
          "    Lit.Actions.setResponse({ response: JSON.stringify({ authorized: false }) });",
          "    return;",
          "  }",
          "  await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' });",
          "  await Lit.Actions.claimKey({ keyId: user.userId });",
          "  Lit.Actions.setResponse({ response: JSON.stringify({ authorized: true, userId: user.userId }) });",
          "})();");

  @Test
  void aLitActionPermittedOnThePkpDecidesWhichGoogleUsersMaySign() {
    String cid = net.pinAction(CUSTOM_AUTH_ACTION);
    Secp256k1PublicKey pkp = mintPermittingAction(cid);
    NodeAuth backend = NodeAuth.authSig(backendAuthSig());
    String alice = "google-alice-" + UUID.randomUUID();
    byte[] toSign = EthHash.keccak256("custom auth".getBytes(StandardCharsets.UTF_8));

    ExecuteJsResponse ok =
        client.executeJs(
            ExecuteJsRequest.builder()
                .ipfsId(cid)
                .auth(backend)
                .authMethods(List.of(new AuthMethod(6, google.idToken(alice, GOOGLE_CLIENT_ID))))
                .jsParam("publicKey", pkp.hex())
                .jsParam("toSign", toSign)
                .jsParam("clientId", GOOGLE_CLIENT_ID)
                .jsParam("allowedUsers", List.of(alice))
                .build());
    assertEquals(
        true, ok.responseJson().orElseThrow().get("authorized").asBoolean(), ok.response());
    EcdsaSignature sig = ok.signature("sig");
    assertTrue(sig.verify());
    assertEquals(pkp.ethAddress(), sig.recoverAddress());
    assertArrayEquals(
        EthHash.keccak256Utf8(cid + "_" + alice),
        io.lit4j.core.util.Hex.decode(ok.claims().get(alice).derivedKeyId(), "id"));
    assertEquals(net.nodes().size(), ok.claims().get(alice).signatures().size());

    ExecuteJsResponse refused =
        client.executeJs(
            ExecuteJsRequest.builder()
                .ipfsId(cid)
                .auth(backend)
                .authMethods(
                    List.of(new AuthMethod(6, google.idToken("google-mallory", GOOGLE_CLIENT_ID))))
                .jsParam("publicKey", pkp.hex())
                .jsParam("toSign", toSign)
                .jsParam("clientId", GOOGLE_CLIENT_ID)
                .jsParam("allowedUsers", List.of(alice))
                .build());
    assertEquals(false, refused.responseJson().orElseThrow().get("authorized").asBoolean());
    assertTrue(refused.signatures().isEmpty());
  }

  @Test
  void anActionThePkpDoesNotPermitCannotSignWithIt() {
    String cid = net.pinAction(CUSTOM_AUTH_ACTION);
    Secp256k1PublicKey pkp = mintPermittingAction(cid);
    LitAuthException e =
        assertThrows(
            LitAuthException.class,
            () ->
                client.executeJs(
                    ExecuteJsRequest.builder()
                        .code(
                            "(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();")
                        .auth(NodeAuth.authSig(backendAuthSig()))
                        .jsParam("publicKey", pkp.hex())
                        .jsParam("toSign", EthHash.keccak256(new byte[] {7}))
                        .build()));
    assertTrue(
        e.getMessage().contains("does not permit the Lit Action (inline code) (LitAction, type 2)"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("None of the AuthMethods, AuthSig or Lit Actions meet the required scope"),
        e.getMessage());
    assertEquals("NodeAuthSigScopeTooLimited", e.errorCode().orElseThrow());
  }

  /** A PKP whose only permission is the Lit Action {@code cid}, with scope 1. */
  private Secp256k1PublicKey mintPermittingAction(String cid) {
    MintedPkp minted =
        contracts
            .pkps()
            .mintWithAuth(
                PermittedAuthMethod.of(AuthMethodType.LIT_ACTION, IpfsCid.toBytes(cid)),
                List.of(AuthMethodScope.SIGN_ANYTHING));
    assertTrue(contracts.permissions().isPermittedAction(minted.tokenId(), cid));
    return minted.publicKey();
  }

  private AuthSig backendAuthSig() {
    Web3jEthSigner signer = new Web3jEthSigner(net.devAccount(4));
    Instant now = Instant.now();
    return AuthSigs.generate(
        signer,
        SiweMessage.builder()
            .domain("localhost")
            .address(signer.address())
            .statement("lit4j backend")
            .uri("https://localhost/login")
            .nonce(client.getLatestBlockhash())
            .issuedAt(now)
            .expirationTime(now.plus(Duration.ofHours(1)))
            .chainId(1)
            .build()
            .prepareMessage());
  }

  private Secp256k1PublicKey mintFor(AuthMethod login) {
    MintedPkp minted = contracts.pkps().mintWithAuth(login, SCOPES);
    PermittedAuthMethod permitted = PermittedAuthMethod.from(login);
    assertTrue(contracts.permissions().isPermittedAuthMethod(minted.tokenId(), permitted));
    assertArrayEquals(AuthMethodIds.authMethodId(login), permitted.id());
    return minted.publicKey();
  }

  private SessionSigs sessionFor(Secp256k1PublicKey pkp, AuthMethod login) {
    SessionSigs sessions =
        client.getPkpSessionSigs(
            PkpSessionRequest.builder()
                .pkpPublicKey(pkp)
                .authMethod(login)
                .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
                .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
                .expiration(Duration.ofMinutes(30))
                .build());
    AuthSig byPkp =
        SessionKeySignedMessage.parse(sessions.forNode(sessions.nodeUrls().get(0)).signedMessage())
            .capabilities()
            .get(0);
    assertEquals(AuthSig.DERIVED_VIA_PKP, byPkp.derivedVia());
    assertEquals(
        pkp.ethAddress(),
        EthSignatures.recoverPersonalSignAddress(byPkp.signedMessage(), byPkp.sig()));
    return sessions;
  }

  private void pkpSignAndExecuteJsSignAsThePkp(Secp256k1PublicKey pkp, SessionSigs sessions) {
    byte[] digest =
        EthHash.keccak256("signed for a user without a wallet".getBytes(StandardCharsets.UTF_8));
    EcdsaSignature sig =
        client.pkpSign(
            PkpSignRequest.builder()
                .toSign(digest)
                .pkpPublicKey(pkp)
                .auth(NodeAuth.sessionSigs(sessions))
                .build());
    assertTrue(sig.verify());
    assertArrayEquals(digest, sig.dataSigned());
    assertEquals(pkp.ethAddress(), sig.recoverAddress());

    byte[] toSign = EthHash.keccak256(new byte[] {1, 2, 3});
    ExecuteJsResponse res =
        client.executeJs(
            ExecuteJsRequest.builder()
                .code(
                    "(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();")
                .jsParam("toSign", toSign)
                .jsParam("publicKey", pkp.hex())
                .auth(NodeAuth.sessionSigs(sessions))
                .build());
    EcdsaSignature fromAction = res.signature("sig");
    assertTrue(fromAction.verify());
    assertEquals(pkp.ethAddress(), fromAction.recoverAddress());
  }
}
