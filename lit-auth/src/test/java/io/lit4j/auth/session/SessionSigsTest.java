package io.lit4j.auth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SessionSigsTest {
  static final Web3jEthSigner WALLET =
      Web3jEthSigner.fromPrivateKey(
          "0x91c478631c25619b2126cb9b16f4f3af754aec9f57a515272699c168c7507f68");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
  static final String NONCE = "0xffd58aed1fa18ad760c415ced859feedca5043bc88b99fde4dc27d1e5a58b2db";
  static final List<ResourceAbilityRequest> REQS =
      List.of(
          ResourceAbilityRequest.of(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION),
          ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING));

  static SessionKeyPair key() {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 7);
    return SessionKeyPair.fromSeed(seed);
  }

  @Test
  void theSeedOfSevensGivesTheSpecSessionKey() {
    SessionKeyPair k = key();
    assertEquals(
        "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c", k.publicKeyHex());
    assertEquals(
        "lit:session:ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c", k.uri());
    assertFalse(k.toString().contains("0707"));
  }

  @Test
  void sessionSiweCarriesARecapCoveringEveryRequest() {
    SiweMessage siwe =
        SessionSiwe.builder()
            .address(WALLET.address())
            .sessionKey(key())
            .nonce(NONCE)
            .resourceAbilityRequests(REQS)
            .statement("Some custom statement.")
            .clock(CLOCK)
            .build();
    assertEquals("2024-06-02T12:00:00.000Z", siwe.expirationTime().orElseThrow());
    assertEquals(key().uri(), siwe.uri());
    RecapObject recap = RecapObject.extractAndVerify(siwe);
    for (ResourceAbilityRequest r : REQS)
      assertTrue(recap.verifyCapabilitiesForResource(r.resource(), r.ability()));
    assertTrue(
        siwe.statement().orElseThrow().startsWith("Some custom statement. I further authorize"));
    assertThrows(
        LitValidationException.class,
        () -> SessionSiwe.builder().address(WALLET.address()).sessionKey(key()).build());
  }

  /** A clock tests move by hand. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2024-06-01T12:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void renewingSigsAreShortLivedRenewedBeforeExpiryAndMadeForNodesThatJoinUntilTheCapabilityEnds() {
    MovingClock clock = new MovingClock();
    AuthSig wallet =
        SessionSiwe.builder()
            .sessionKey(key())
            .nonce(NONCE)
            .resourceAbilityRequests(REQS)
            .clock(CLOCK)
            .buildAndSign(WALLET);
    Instant sessionEnd = clock.now.plus(Duration.ofMinutes(12));
    SessionSigs sigs =
        SessionSigs.renewing(
            key(),
            REQS,
            SessionSigs.capabilities(Optional.empty(), wallet),
            List.of("http://127.0.0.1:7470"),
            clock,
            sessionEnd,
            SessionSigs.V4_SESSION_TTL);
    AuthSig first = sigs.forNode("http://127.0.0.1:7470");
    assertEquals(
        "2024-06-01T12:05:00.000Z",
        SessionKeySignedMessage.parse(first.signedMessage()).expiration());
    clock.now = clock.now.plus(Duration.ofMinutes(4));
    assertEquals(first, sigs.forNode("http://127.0.0.1:7470"), "still a minute left: kept");
    clock.now = clock.now.plus(Duration.ofSeconds(40));
    AuthSig second = sigs.forNode("http://127.0.0.1:7470");
    SessionKeySignedMessage m = SessionKeySignedMessage.parse(second.signedMessage());
    assertEquals("2024-06-01T12:04:40.000Z", m.issuedAt());
    assertEquals("2024-06-01T12:09:40.000Z", m.expiration());
    assertTrue(SessionSigs.verifySignature(second));

    AuthSig joined = sigs.find("http://127.0.0.1:7471").orElseThrow();
    assertEquals(
        "http://127.0.0.1:7471",
        SessionKeySignedMessage.parse(joined.signedMessage()).nodeAddress());
    assertEquals(List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471"), sigs.nodeUrls());

    clock.now = clock.now.plus(Duration.ofMinutes(5));
    assertEquals(
        "2024-06-01T12:12:00.000Z",
        SessionKeySignedMessage.parse(sigs.forNode("http://127.0.0.1:7470").signedMessage())
            .expiration(),
        "never past the capability's end");
    String secret = (String) key().toStoredJsValue().get("secretKey");
    assertFalse(
        sigs.toString().contains(secret) || sigs.toJson().contains(secret),
        "the held session key never shows");
    assertTrue(sigs.isRenewing());
    assertThrows(
        LitValidationException.class,
        () ->
            SessionSigs.renewing(
                key(),
                REQS,
                SessionSigs.capabilities(Optional.empty(), wallet),
                List.of("http://127.0.0.1:7470"),
                clock,
                clock.now.minusSeconds(1),
                SessionSigs.V4_SESSION_TTL));
  }

  @Test
  void eachNodeGetsItsOwnVerifiableSignatureWithFiveMinuteExpiry() {
    AuthSig wallet =
        SessionSiwe.builder()
            .sessionKey(key())
            .nonce(NONCE)
            .resourceAbilityRequests(REQS)
            .clock(CLOCK)
            .buildAndSign(WALLET);
    List<String> urls = List.of("https://192.0.2.11:443", "http://127.0.0.1:7470");
    SessionSigs sigs =
        SessionSigs.sign(
            key(), REQS, SessionSigs.capabilities(Optional.empty(), wallet), urls, CLOCK);
    assertEquals(urls, sigs.nodeUrls());
    for (String url : urls) {
      AuthSig s = sigs.forNode(url);
      assertTrue(s.isSessionSig());
      assertTrue(SessionSigs.verifySignature(s));
      SessionKeySignedMessage m = SessionKeySignedMessage.parse(s.signedMessage());
      assertEquals(url, m.nodeAddress());
      assertEquals("2024-06-01T12:00:00.000Z", m.issuedAt());
      assertEquals("2024-06-01T12:05:00.000Z", m.expiration());
      assertEquals(List.of(wallet), m.capabilities());
      assertEquals(REQS, m.resourceAbilityRequests());
      assertTrue(
          s.signedMessage()
              .startsWith(
                  "{\"sessionKey\":\""
                      + key().publicKeyHex()
                      + "\",\"resourceAbilityRequests\":[{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-litaction\"},\"ability\":\"lit-action-execution\"}"));
    }
    assertEquals(sigs, SessionSigs.fromJson(sigs.toJson()));
    assertThrows(LitAuthException.class, () -> sigs.forNode("https://other:443"));
    AuthSigs.verifyEip191(wallet);
  }

  @Test
  void tamperedSessionSigsDoNotVerify() {
    AuthSig wallet = AuthSigs.generate(WALLET, "x");
    AuthSig s =
        SessionSigs.sign(
                key(), REQS, List.of(wallet), List.of("https://n:443"), CLOCK, Duration.ofHours(1))
            .forNode("https://n:443");
    assertTrue(s.signedMessage().contains("\"expiration\":\"2024-06-01T13:00:00.000Z\""));
    AuthSig tampered =
        new AuthSig(
            s.sig(),
            s.derivedVia(),
            s.signedMessage().replace("n:443", "m:443"),
            s.address(),
            s.algo());
    assertFalse(SessionSigs.verifySignature(tampered));
    AuthSig badHex = new AuthSig("zz", s.derivedVia(), s.signedMessage(), s.address(), s.algo());
    assertTrue(
        assertThrows(LitValidationException.class, () -> SessionSigs.verifySignature(badHex))
            .getMessage()
            .contains("sessionSig.sig"));
  }

  @Test
  void signingRejectsMissingNodesCapabilitiesAndForeignMessages() {
    AuthSig wallet = AuthSigs.generate(WALLET, "x");
    assertThrows(
        LitValidationException.class,
        () -> SessionSigs.sign(key(), REQS, List.of(wallet), List.of(), CLOCK));
    assertThrows(
        LitValidationException.class,
        () -> SessionSigs.sign(key(), REQS, List.of(), List.of("https://n:443"), CLOCK));
    SessionKeySignedMessage foreign =
        new SessionKeySignedMessage("00".repeat(32), REQS, List.of(wallet), "a", "b", "c");
    assertThrows(LitValidationException.class, () -> SessionSigs.signForNode(key(), foreign));
  }

  @Test
  void malformedSignedMessagesNameTheField() {
    assertTrue(
        assertThrows(LitValidationException.class, () -> SessionKeySignedMessage.parse("{"))
            .getMessage()
            .contains("not valid JSON"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> SessionKeySignedMessage.parse("{\"resourceAbilityRequests\":{}}"))
            .getMessage()
            .contains("resourceAbilityRequests must be an array"));
    String badAbility =
        "{\"resourceAbilityRequests\":[{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-pkp\"},\"ability\":\"fly\"}],\"capabilities\":[]}";
    assertTrue(
        assertThrows(LitValidationException.class, () -> SessionKeySignedMessage.parse(badAbility))
            .getMessage()
            .contains("resourceAbilityRequests[0]"));
    String badPrefix =
        "{\"resourceAbilityRequests\":[{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-x\"},\"ability\":\"pkp-signing\"}],\"capabilities\":[]}";
    assertTrue(
        assertThrows(LitValidationException.class, () -> SessionKeySignedMessage.parse(badPrefix))
            .getMessage()
            .contains("lit-x"));
    String noKey = "{\"resourceAbilityRequests\":[],\"capabilities\":[{\"sig\":1}]}";
    assertTrue(
        assertThrows(LitValidationException.class, () -> SessionKeySignedMessage.parse(noKey))
            .getMessage()
            .contains("capabilities[0]"));
    String missing = "{\"resourceAbilityRequests\":[],\"capabilities\":[]}";
    assertTrue(
        assertThrows(LitValidationException.class, () -> SessionKeySignedMessage.parse(missing))
            .getMessage()
            .contains("signedMessage.sessionKey is missing"));
  }

  @Test
  void signSessionKeyBodyIsWrittenInSdkKeyOrderAndReadBack() {
    AuthSig wallet = AuthSigs.generate(WALLET, "x");
    SignSessionKeyBody v4 =
        SignSessionKeyBody.v4(
            key().uri(),
            List.of(AuthMethod.ethWallet(wallet)),
            Optional.of("0x04ab"),
            Optional.of(wallet),
            "siwe text",
            3);
    String json = v4.toJson();
    assertTrue(json.startsWith("{\"sessionKey\":\"lit:session:ea4a"), json);
    assertTrue(json.indexOf("\"authMethods\"") < json.indexOf("\"pkpPublicKey\""));
    assertTrue(json.indexOf("\"pkpPublicKey\"") < json.indexOf("\"authSig\""));
    assertTrue(json.indexOf("\"authSig\"") < json.indexOf("\"siweMessage\""));
    assertTrue(json.endsWith(",\"epochNumber\":3}"), json);
    assertEquals(v4, SignSessionKeyBody.fromJson(json));
    SignSessionKeyBody v6 =
        new SignSessionKeyBody(
            key().uri(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            "s",
            Optional.of("BLS"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.empty(),
            OptionalLong.of(5));
    assertEquals(
        "{\"sessionKey\":\""
            + key().uri()
            + "\",\"authMethods\":[],\"siweMessage\":\"s\",\"curveType\":\"BLS\",\"epoch\":5}",
        v6.toJson());
    assertThrows(
        LitValidationException.class,
        () -> SignSessionKeyBody.fromJson("{\"sessionKey\":\"abc\",\"siweMessage\":\"s\"}"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> SignSessionKeyBody.fromJson("{\"sessionKey\":\"" + key().uri() + "\"}"))
            .getMessage()
            .contains("siweMessage"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    SignSessionKeyBody.fromJson(
                        "{\"sessionKey\":\""
                            + key().uri()
                            + "\",\"siweMessage\":\"s\",\"authMethods\":[{\"authMethodType\":\"1\"}]}"))
            .getMessage()
            .contains("authMethods[0].authMethodType"));
  }
}
