package io.lit4j.node;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.lit4j.node.FakeLitNodes.BLOCKHASH;
import static io.lit4j.node.FakeLitNodes.BLS_KEY;
import static io.lit4j.node.FakeLitNodes.handshakeBody;
import static io.lit4j.node.FakeLitNodes.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitNodeException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeys;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * {@code claimKeyId} against WireMock nodes that sign the key id with their own wallets (HTTP 202).
 */
class LitNodeClientClaimTest {
  private static final byte[] KEY_ID = EthHash.keccak256Utf8("0xAbC:lit");
  private final List<Credentials> nodeWallets =
      List.of(
          Credentials.create("0x" + "01".repeat(32)),
          Credentials.create("0x" + "02".repeat(32)),
          Credentials.create("0x" + "03".repeat(32)));
  private final List<String> roots =
      List.of(
          compressed(Credentials.create("0x" + "0a".repeat(32))),
          compressed(Credentials.create("0x" + "0b".repeat(32))));
  private FakeLitNodes nodes;
  private LitNodeClient client;

  private static String compressed(Credentials c) {
    byte[] xy = org.web3j.utils.Numeric.toBytesPadded(c.getEcKeyPair().getPublicKey(), 64);
    byte[] sec1 = new byte[65];
    sec1[0] = 4;
    System.arraycopy(xy, 0, sec1, 1, 64);
    return Secp256k1PublicKey.fromBytes(sec1).compressedHex();
  }

  private static String signature(Credentials wallet) {
    Sign.SignatureData s = Sign.signPrefixedMessage(KEY_ID, wallet.getEcKeyPair());
    return Hex.encode(s.getR()) + Hex.encode(s.getS()) + Hex.encode(s.getV());
  }

  @BeforeEach
  void connect() {
    nodes = FakeLitNodes.start(3);
    for (int i = 0; i < 3; i++) {
      nodes.handshake(i, json(200, handshakeBody(BLS_KEY, roots, BLOCKHASH)));
      nodes
          .node(i)
          .stubFor(
              post(urlEqualTo("/web/pkp/claim"))
                  .willReturn(
                      json(
                          202,
                          "{\"signature\":\""
                              + signature(nodeWallets.get(i))
                              + "\",\"derivedKeyId\":\""
                              + Hex.encode(KEY_ID)
                              + "\"}")));
    }
    client =
        LitNodeClient.create(
            LitNodeClientConfig.builder()
                .bootstrapUrls(nodes.urls())
                .minNodeCount(2)
                .refreshInterval(Duration.ZERO)
                .requestTimeout(Duration.ofSeconds(3))
                .build());
    client.connect();
  }

  @AfterEach
  void close() {
    client.close();
    nodes.close();
  }

  private static AuthMethod discord() {
    return AuthMethod.of(AuthMethodType.DISCORD, "oauth-token");
  }

  @Test
  void claimKeyIdGathersEachNodesSignatureAndDerivesTheKeyFromTheHdRoots() {
    ClaimKeyResponse claim = client.claimKeyId(discord());
    assertEquals(Hex.encode(KEY_ID), claim.derivedKeyId());
    assertEquals(3, claim.signatures().size());
    for (int i = 0; i < 3; i++) {
      assertEquals(
          Keys.toChecksumAddress(nodeWallets.get(i).getAddress()),
          claim.signerAddresses().get(i).checksummed());
      assertTrue(claim.signatures().get(i).r().matches("0x[0-9a-f]{64}"));
    }
    assertEquals(HdKeys.derivePublicKey(Hex.encode(KEY_ID), roots), claim.publicKey());
    var sent = LitJson.parse(nodes.requests(0, "/web/pkp/claim").get(0).getBodyAsString(), "body");
    assertEquals(4, sent.get("authMethod").get("authMethodType").asInt());
    assertEquals("oauth-token", sent.get("authMethod").get("accessToken").asText());
  }

  @Test
  void aNodeAnswering500LeavesTheOtherNodesSignatures() {
    nodes
        .node(1)
        .stubFor(
            post(urlEqualTo("/web/pkp/claim"))
                .willReturn(
                    json(
                        500,
                        "{\"errorKind\":\"Unexpected\",\"errorCode\":\"unexpected_err\",\"status\":500,\"message\":\"boom\"}")));
    ClaimKeyResponse claim = client.claimKeyId(discord());
    assertEquals(
        List.of(
            Keys.toChecksumAddress(nodeWallets.get(0).getAddress()),
            Keys.toChecksumAddress(nodeWallets.get(2).getAddress())),
        claim.signerAddresses().stream().map(a -> a.checksummed()).toList());
  }

  @Test
  void garbageFromTwoNodesFailsNamingThem() {
    for (int i = 1; i < 3; i++) {
      nodes
          .node(i)
          .stubFor(
              post(urlEqualTo("/web/pkp/claim"))
                  .willReturn(
                      aResponse()
                          .withStatus(202)
                          .withHeader("Content-Type", "application/json")
                          .withBody("<html>")));
    }
    LitNodeException e = assertThrows(LitNodeException.class, () -> client.claimKeyId(discord()));
    assertTrue(
        e.getMessage().contains(nodes.url(1)) && e.getMessage().contains(nodes.url(2)),
        e.getMessage());
  }

  @Test
  void aKeyIdOtherThanTheAuthMethodsIsRefused() {
    // the wallet auth method's key id is keccak256("<address>:lit"); the nodes answer KEY_ID,
    // another one
    io.lit4j.auth.authsig.AuthSig login =
        io.lit4j.auth.authsig.AuthSig.of(
            "0x" + "11".repeat(65),
            io.lit4j.auth.authsig.AuthSig.DERIVED_VIA_WALLET,
            "siwe",
            "0x" + "22".repeat(20));
    io.lit4j.core.errors.LitCryptoException e =
        assertThrows(
            io.lit4j.core.errors.LitCryptoException.class,
            () -> client.claimKeyId(AuthMethod.ethWallet(login)));
    assertEquals("UnexpectedKeyId", e.errorCode().orElseThrow());
    assertTrue(
        e.getMessage().contains(Hex.encode(EthHash.keccak256Utf8("0x" + "22".repeat(20) + ":lit"))),
        e.getMessage());
  }

  @Test
  void signaturesByWalletsOutsideStakingAreDroppedAndTooFewFail() {
    var r =
        new ClaimKeyResponse(
            Hex.encode(KEY_ID),
            List.of(
                new io.lit4j.node.ExecuteJsClaim.Signature(
                    "0x" + "1".repeat(64), "0x" + "2".repeat(64), 27),
                new io.lit4j.node.ExecuteJsClaim.Signature(
                    "0x" + "3".repeat(64), "0x" + "4".repeat(64), 28)),
            List.of(
                io.lit4j.crypto.eth.EthAddress.fromHex("0x" + "aa".repeat(20)),
                io.lit4j.crypto.eth.EthAddress.fromHex("0x" + "bb".repeat(20))),
            HdKeys.derivePublicKey(Hex.encode(KEY_ID), roots));
    var log = org.slf4j.helpers.NOPLogger.NOP_LOGGER;
    assertEquals(
        r,
        io.lit4j.node.internal.claim.ClaimProtocol.onlyValidatorSigners(
            r, List.of(), 2, "rid", log),
        "no Staking wallets known: as is");
    var kept =
        io.lit4j.node.internal.claim.ClaimProtocol.onlyValidatorSigners(
            r, List.of("0x" + "AA".repeat(20)), 1, "rid", log);
    assertEquals(
        List.of(io.lit4j.crypto.eth.EthAddress.fromHex("0x" + "aa".repeat(20))),
        kept.signerAddresses());
    var e =
        assertThrows(
            io.lit4j.core.errors.LitCryptoException.class,
            () ->
                io.lit4j.node.internal.claim.ClaimProtocol.onlyValidatorSigners(
                    r, List.of("0x" + "aa".repeat(20)), 2, "rid", log));
    assertEquals("UnexpectedSigner", e.errorCode().orElseThrow());
  }

  @Test
  void webAuthnCannotClaim() {
    assertThrows(
        LitValidationException.class,
        () -> client.claimKeyId(AuthMethod.of(AuthMethodType.WEB_AUTHN, "{}")));
  }
}
