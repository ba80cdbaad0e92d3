package io.lit4j.localnet.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.localnet.idp.DiscordOAuth;
import io.lit4j.localnet.idp.OidcIssuer;
import io.lit4j.localnet.idp.StytchProject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The nodes' verifiers against the loopback providers: what passes, and what a v4 node refuses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMethodVerifiersTest {
  private static final String CLIENT_ID = "lit4j-test.apps.googleusercontent.com";
  private OidcIssuer google;
  private StytchProject stytch;
  private DiscordOAuth discord;
  private AuthMethodVerifiers verifiers;

  @BeforeAll
  void start() {
    google = OidcIssuer.start();
    stytch = StytchProject.start();
    discord = DiscordOAuth.start(AuthMethodIds.DEFAULT_DISCORD_CLIENT_ID);
    verifiers =
        AuthMethodVerifiers.builder()
            .google(google.issuer(), google.jwksUrl(), CLIENT_ID)
            .stytch(stytch.jwksUrlTemplate())
            .discord(discord.apiBaseUrl())
            .build();
  }

  @AfterAll
  void stop() {
    google.close();
    stytch.close();
    discord.close();
  }

  private static byte[] id(VerifiedIdentity v) {
    return EthHash.keccak256Utf8(v.userId() + ":" + v.appId());
  }

  @Test
  void aGoogleIdTokenVerifiesToSubAndAudAndTheIdTheSdkComputes() {
    String token = google.idToken("1099", CLIENT_ID);
    VerifiedIdentity v = verifiers.verify(6, token);
    assertEquals(new VerifiedIdentity(6, "1099", CLIENT_ID), v);
    assertArrayEquals(AuthMethodIds.authMethodId(new AuthMethod(6, token)), id(v));
  }

  @Test
  void googleTokensThatAreExpiredForeignOrTamperedAreRefusedWithTheNodesTexts() {
    String expired =
        google.sign(
            google
                .claims("1099", CLIENT_ID)
                .expirationTime(Date.from(Instant.now().minusSeconds(5)))
                .build());
    assertEquals(
        List.of("Google JWT expired"),
        assertThrows(AuthMethodRejection.class, () -> verifiers.verify(6, expired)).details());

    AuthMethodRejection aud =
        assertThrows(
            AuthMethodRejection.class,
            () -> verifiers.verify(6, google.idToken("1099", "other-client")));
    assertTrue(
        aud.details().get(0).contains("audience other-client is not a configured client id"),
        aud.getMessage());

    String foreignIss =
        google.sign(google.claims("1099", CLIENT_ID).issuer("https://evil.example").build());
    AuthMethodRejection iss =
        assertThrows(AuthMethodRejection.class, () -> verifiers.verify(6, foreignIss));
    assertTrue(
        iss.details().get(0).contains("issuer https://evil.example is not trusted"),
        iss.getMessage());

    try (OidcIssuer other = OidcIssuer.start()) {
      // same claims, signed by a key the trusted issuer never published
      String unknownKid = other.sign(google.claims("1099", CLIENT_ID).build());
      assertEquals(
          List.of("Invalid JWT"),
          assertThrows(AuthMethodRejection.class, () -> verifiers.verify(6, unknownKid)).details());
    }

    String good = google.idToken("1099", CLIENT_ID);
    String[] p = good.split("\\.");
    String otherPayload = google.idToken("2000", CLIENT_ID).split("\\.")[1];
    String tampered = p[0] + "." + otherPayload + "." + p[2];
    assertEquals(
        List.of("Invalid JWT"),
        assertThrows(AuthMethodRejection.class, () -> verifiers.verify(6, tampered)).details());
    assertEquals(
        List.of("Invalid JWT parts length"),
        assertThrows(AuthMethodRejection.class, () -> verifiers.verify(6, "abc")).details());
  }

  @Test
  void afterAKeyRotationNewTokensVerifyAndOldOnesTooUntilTheirKeyIsRetired() {
    String before = google.idToken("rot", CLIENT_ID);
    String oldKid = google.currentKeyId();
    google.rotateKey();
    String after = google.idToken("rot", CLIENT_ID);
    assertEquals("rot", verifiers.verify(6, after).userId());
    assertEquals("rot", verifiers.verify(6, before).userId());
    google.retireKey(oldKid);
    AuthMethodVerifiers fresh = verifiers.toBuilder().jwksCacheTtl(Duration.ZERO).build();
    assertEquals(
        List.of("Invalid JWT"),
        assertThrows(AuthMethodRejection.class, () -> fresh.verify(6, before)).details());
    assertEquals("rot", fresh.verify(6, after).userId());
  }

  @Test
  void stytchSessionsVerifyPerFactorToTheIdsTheSdkComputes() {
    String user = "user-test-" + java.util.UUID.randomUUID();
    List<AuthMethod> methods =
        List.of(
            new AuthMethod(9, stytch.session(user)),
            new AuthMethod(10, stytch.emailOtpSession(user, "Alice@Example.com")),
            new AuthMethod(11, stytch.smsOtpSession(user, "+15555550100")),
            new AuthMethod(12, stytch.whatsAppOtpSession(user, "+15555550101")),
            new AuthMethod(13, stytch.totpSession(user, "totp-test-1", "+15555550101")));
    for (AuthMethod m : methods) {
      VerifiedIdentity v = verifiers.verify(m.authMethodType(), m.accessToken());
      assertEquals(stytch.projectId().toLowerCase(), v.appId());
      assertArrayEquals(AuthMethodIds.authMethodId(m), id(v), "type " + m.authMethodType());
    }
    assertEquals("alice@example.com", verifiers.verify(10, methods.get(1).accessToken()).userId());
  }

  @Test
  void stytchTokensThatAreExpiredOrFromAnotherProjectKeyAreRefused() {
    String expired =
        stytch.sign(
            stytch
                .claims("u", List.of())
                .expirationTime(Date.from(Instant.now().minusSeconds(5)))
                .build());
    assertEquals(
        List.of("OTP token expired"),
        assertThrows(AuthMethodRejection.class, () -> verifiers.verify(9, expired)).details());
    try (StytchProject other = StytchProject.start()) {
      JWTClaimsSet forged = stytch.claims("u", List.of()).build();
      String wrongKey = other.sign(forged);
      assertEquals(
          List.of("Invalid JWT"),
          assertThrows(AuthMethodRejection.class, () -> verifiers.verify(9, wrongKey)).details());
    }
    AuthMethodRejection noFactor =
        assertThrows(AuthMethodRejection.class, () -> verifiers.verify(10, stytch.session("u")));
    assertEquals("No valid sessions in token", noFactor.details().get(0));
  }

  @Test
  void aDiscordTokenIsExchangedForTheUserAndApplicationIds() {
    String token = discord.accessToken("80351110224678912", "nelly");
    VerifiedIdentity v = verifiers.verify(4, token);
    assertEquals(
        new VerifiedIdentity(4, "80351110224678912", AuthMethodIds.DEFAULT_DISCORD_CLIENT_ID), v);
    assertArrayEquals(AuthMethodIds.discordAuthMethodId("80351110224678912"), id(v));
    discord.revoke(token);
    AuthMethodRejection r =
        assertThrows(AuthMethodRejection.class, () -> verifiers.verify(4, token));
    assertEquals("Couldn't not get application object from discord api result", r.details().get(0));
  }
}
