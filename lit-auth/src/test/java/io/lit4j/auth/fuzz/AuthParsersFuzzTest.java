package io.lit4j.auth.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.session.SessionKeySignedMessage;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SignSessionKeyBody;
import io.lit4j.auth.session.WalletSigCheck;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.auth.siwe.SiweVerifyOptions;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.fuzz.Fuzz;
import io.lit4j.core.fuzz.JsonMutator;
import io.lit4j.core.json.LitJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Randomized bad input for lit-auth's parsers (SIWE, ReCap, auth sigs, session signed messages,
 * session sigs, sign_session_key bodies, auth method tokens): only a LitException may escape,
 * nothing may hang, and a mutated signed text never verifies.
 */
class AuthParsersFuzzTest {
  private static final int N = 800;
  private static final JsonNode V = Fuzz.vector("siwe_session.generated.json");

  private static List<JsonNode> siweCases() {
    List<JsonNode> out = new ArrayList<>();
    V.get("siwe").get("cases").forEach(out::add);
    return out;
  }

  @Test
  void siweMessagesAreRejectedOrReadBackAndNeverVerifyWhenAltered() {
    for (JsonNode c : siweCases()) {
      String text = c.get("message").textValue();
      boolean signed = c.path("signature").has("authSig");
      String sig =
          signed
              ? c.get("signature").get("authSig").get("sig").textValue()
              : "0x" + "00".repeat(65);
      SiweMessage original = SiweMessage.parse(text);
      if (signed)
        original.verify(sig, SiweVerifyOptions.at(original.issuedAtInstant().plusSeconds(1)));
      Fuzz.run(
          "SiweMessage.parse/" + c.get("id").textValue(),
          N / 4,
          seed -> new JsonMutator(seed).mutateLines(text),
          s -> {
            SiweMessage m = SiweMessage.parse(s);
            assertEquals(
                m, SiweMessage.parse(m.prepareMessage()), "prepareMessage does not read back");
            m.issuedAtInstant();
            m.expirationInstant();
            m.notBeforeInstant();
            boolean same = signed && m.prepareMessage().equals(text);
            try {
              m.verify(sig, SiweVerifyOptions.at(m.issuedAtInstant().plusSeconds(1)));
            } catch (io.lit4j.core.errors.LitException rejected) {
              assertFalse(same, "the original message no longer verifies");
              return;
            }
            assertTrue(
                same,
                "an altered SIWE message verified with the original signature: " + Fuzz.excerpt(s));
          });
      Fuzz.run(
          "SiweMessage.parseLenient/" + c.get("id").textValue(),
          N / 8,
          seed -> new JsonMutator(seed).mutateLines(text),
          s -> SiweMessage.parseLenient(s).prepareMessage());
    }
  }

  @Test
  void recapUrnsAreRejectedOrDecodeToSomethingThatReEncodes() {
    for (JsonNode c : V.get("recap").get("cases")) {
      String urn = c.get("urn").textValue();
      String json = c.get("json").textValue();
      Fuzz.run(
          "RecapObject.decode(urn)/" + c.get("id").textValue(),
          N / 12,
          seed -> new JsonMutator(seed).mutateString(urn),
          s -> {
            RecapObject r = RecapObject.decode(s);
            assertEquals(r, RecapObject.decode(r.encode()));
            r.statement();
          });
      // mutate the JSON inside the URN: the decoder must see bad structure, not only bad base64
      Fuzz.run(
          "RecapObject.decodeUnsorted(json)/" + c.get("id").textValue(),
          N / 12,
          seed ->
              "urn:recap:"
                  + Base64.getUrlEncoder()
                      .withoutPadding()
                      .encodeToString(
                          new JsonMutator(seed).mutate(json).getBytes(StandardCharsets.UTF_8)),
          s -> {
            RecapObject r = RecapObject.decodeUnsorted(s);
            r.statement();
            r.toCanonicalJson();
          });
    }
  }

  @Test
  void authSigsAreRejectedOrReadBackAndNeverRecoverTheSignerWhenAltered() {
    JsonNode wallet = siweCases().get(2).get("signature").get("authSig");
    AuthSig original = AuthSig.fromJson(wallet.toString());
    String signer = AuthSigs.recoverSigner(original).orElseThrow();
    Fuzz.run(
        "AuthSig.fromJson",
        N,
        seed -> new JsonMutator(seed).mutate(wallet.toString()),
        s -> {
          AuthSig a = AuthSig.fromJson(s);
          assertEquals(a, AuthSig.fromJson(a.toJson()));
          Optional<String> who = AuthSigs.recoverSigner(a);
          if (who.isPresent() && who.get().equalsIgnoreCase(signer)) {
            assertEquals(
                original.signedMessage(),
                a.signedMessage(),
                "an altered message recovered the original signer");
          }
        });
  }

  @Test
  void sessionSignedMessagesAreRejectedOrReadBack() {
    Map.Entry<String, JsonNode> first =
        V.get("sessionSignedMessage").get("cases").get(0).get("sessionSigs").fields().next();
    String signed = first.getValue().get("signedMessage").textValue();
    SessionKeySignedMessage.parse(signed);
    Fuzz.run(
        "SessionKeySignedMessage.parse",
        N,
        seed -> new JsonMutator(seed).mutate(signed),
        s -> {
          SessionKeySignedMessage m = SessionKeySignedMessage.parse(s);
          assertEquals(m, SessionKeySignedMessage.parse(m.toJson()));
          m.issuedAtInstant();
          m.expirationInstant();
        });
  }

  @Test
  void sessionSigsAreRejectedOrNeverVerifyWhenAltered() {
    JsonNode sigs = V.get("sessionSignedMessage").get("cases").get(0).get("sessionSigs");
    SessionSigs original = SessionSigs.fromJson(sigs.toString());
    Fuzz.run(
        "SessionSigs.fromJson+verifySignature",
        N / 2,
        Duration.ofSeconds(30),
        seed -> new JsonMutator(seed).mutate(sigs.toString()),
        s -> {
          SessionSigs parsed = SessionSigs.fromJson(s);
          parsed
              .asMap()
              .forEach(
                  (url, sig) -> {
                    boolean unchanged =
                        original.find(url).map(o -> o.equals(sig)).orElse(false)
                            || original.asMap().values().stream()
                                .anyMatch(
                                    o ->
                                        o.sig().equalsIgnoreCase(sig.sig())
                                            && o.signedMessage().equals(sig.signedMessage())
                                            && o.address().equalsIgnoreCase(sig.address()));
                    if (SessionSigs.verifySignature(sig))
                      assertTrue(unchanged, "an altered session sig verified for " + url);
                  });
        });
  }

  @Test
  void walletSigChecksOnMutatedWalletSigsAnswerOrThrowTyped() {
    JsonNode sessionCase = V.get("sessionSignedMessage").get("cases").get(0);
    SessionKeySignedMessage m =
        SessionKeySignedMessage.parse(
            sessionCase
                .get("sessionSigs")
                .fields()
                .next()
                .getValue()
                .get("signedMessage")
                .textValue());
    AuthSig wallet = m.capabilities().get(m.capabilities().size() - 1);
    String uri = "lit:session:" + m.sessionKey();
    java.time.Instant now = m.issuedAtInstant();
    assertFalse(WalletSigCheck.needToResign(wallet, uri, m.resourceAbilityRequests(), now));
    Fuzz.run(
        "WalletSigCheck.needToResign",
        N / 4,
        seed -> new JsonMutator(seed).mutateLines(wallet.signedMessage()),
        s -> {
          AuthSig altered =
              new AuthSig(wallet.sig(), wallet.derivedVia(), s, wallet.address(), wallet.algo());
          if (!WalletSigCheck.needToResign(altered, uri, m.resourceAbilityRequests(), now)) {
            assertEquals(
                wallet.signedMessage(),
                SiweMessage.parse(s).prepareMessage(),
                "an altered wallet sig was accepted");
          }
        });
  }

  @Test
  void signSessionKeyBodiesAreRejectedOrReadBack() {
    JsonNode c = siweCases().get(2);
    AuthSig wallet = AuthSig.fromJson(c.get("signature").get("authSig").toString());
    String body =
        SignSessionKeyBody.v4(
                "lit:session:" + "ab".repeat(32),
                List.of(
                    AuthMethod.ethWallet(wallet),
                    AuthMethod.of(AuthMethodType.GOOGLE_JWT, jwt("{\"sub\":\"1\",\"aud\":\"x\"}"))),
                Optional.of("04" + "11".repeat(64)),
                Optional.of(wallet),
                c.get("message").textValue(),
                7)
            .toJson();
    SignSessionKeyBody.fromJson(body);
    Fuzz.run(
        "SignSessionKeyBody.fromJson",
        N,
        seed -> new JsonMutator(seed).mutate(body),
        s -> {
          SignSessionKeyBody r = SignSessionKeyBody.fromJson(s);
          assertEquals(r, SignSessionKeyBody.fromJson(r.toJson()));
        });
  }

  @Test
  void authMethodIdsOfMutatedTokensAreComputedOrRejectedTyped() {
    String google =
        "{\"iss\":\"https://accounts.google.com\",\"sub\":\"1234567890\",\"aud\":\"client.apps.googleusercontent.com\"}";
    String stytch =
        "{\"sub\":\"user-test-1\",\"aud\":[\"project-test-1\"],\"https://stytch.com/session\":{\"authentication_factors\":"
            + "[{\"type\":\"otp\",\"email_factor\":{\"email_address\":\"a@example.com\",\"email_id\":\"e1\"}},"
            + "{\"type\":\"otp\",\"phone_number_factor\":{\"phone_number\":\"+15555550100\",\"phone_id\":\"p1\"}}]}}";
    String ethWallet = siweCases().get(2).get("signature").get("authSig").toString();
    String webAuthn = "{\"id\":\"abc\",\"rawId\":\"YWJj\",\"type\":\"public-key\",\"response\":{}}";
    Fuzz.run(
        "AuthMethodIds/googleJwt payload",
        N / 4,
        seed -> jwt(new JsonMutator(seed).mutate(google)),
        t ->
            assertEquals(
                32,
                AuthMethodIds.authMethodId(AuthMethod.of(AuthMethodType.GOOGLE_JWT, t)).length));
    Fuzz.run(
        "AuthMethodIds/googleJwt token",
        N / 4,
        seed -> new JsonMutator(seed).mutateString(jwt(google)),
        t ->
            assertEquals(
                32,
                AuthMethodIds.authMethodId(AuthMethod.of(AuthMethodType.GOOGLE_JWT, t)).length));
    for (AuthMethodType type :
        new AuthMethodType[] {
          AuthMethodType.STYTCH_OTP,
          AuthMethodType.STYTCH_EMAIL_FACTOR_OTP,
          AuthMethodType.STYTCH_SMS_FACTOR_OTP,
          AuthMethodType.STYTCH_TOTP_FACTOR_OTP
        }) {
      Fuzz.run(
          "AuthMethodIds/" + type,
          N / 8,
          seed -> jwt(new JsonMutator(seed).mutate(stytch)),
          t -> assertEquals(32, AuthMethodIds.authMethodId(AuthMethod.of(type, t)).length));
    }
    Fuzz.run(
        "AuthMethodIds/ethWallet",
        N / 4,
        seed -> new JsonMutator(seed).mutate(ethWallet),
        t ->
            assertEquals(
                32,
                AuthMethodIds.authMethodId(AuthMethod.of(AuthMethodType.ETH_WALLET, t)).length));
    Fuzz.run(
        "AuthMethodIds/webAuthn",
        N / 4,
        seed -> new JsonMutator(seed).mutate(webAuthn),
        t ->
            assertEquals(
                32, AuthMethodIds.authMethodId(AuthMethod.of(AuthMethodType.WEB_AUTHN, t)).length));
    Fuzz.tree(
        "AuthMethod.fromJson",
        "{\"authMethodType\":6,\"accessToken\":\"" + jwt(google) + "\"}",
        N,
        n -> AuthMethod.fromJson(n, "authMethods[0]"));
  }

  private static String jwt(String payload) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }

  static {
    LitJson.mapper(); // load Jackson before the first timed run
  }
}
