package io.lit4j.auth.methods;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class AuthMethodIdsTest {
  private static byte[] keccak(String s) {
    return Hash.sha3(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String jwt(String payloadJson) {
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    return e.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + e.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }

  @Test
  void ethWalletIdMatchesTheSpecVectorAndKeepsTheAddressCase() {
    AuthSig sig =
        AuthSig.of(
            "0x00", "web3.eth.personal.sign", "m", "0xeF71c2604f17Ec6Fc13409DF24EfdC440D240d37");
    AuthMethod m = AuthMethod.ethWallet(sig);
    assertEquals(1, m.authMethodType());
    assertEquals(sig.toJson(), m.accessToken());
    assertEquals(
        "0x170d13600caea2933912f39a0334eca3d22e472be203f937c4bad0213d92ed71",
        AuthMethodIds.authMethodIdHex(m));
    AuthSig lower =
        AuthSig.of(
            "0x00", "web3.eth.personal.sign", "m", "0xef71c2604f17ec6fc13409df24efdc440d240d37");
    assertFalse(
        AuthMethodIds.authMethodIdHex(AuthMethod.ethWallet(lower))
            .equals(AuthMethodIds.authMethodIdHex(m)));
  }

  @Test
  void webAuthnHashesTheRawIdWithLit() {
    AuthMethod m =
        AuthMethod.of(AuthMethodType.WEB_AUTHN, "{\"rawId\":\"cred-1\",\"type\":\"public-key\"}");
    assertArrayEquals(keccak("cred-1:lit"), AuthMethodIds.authMethodId(m));
  }

  @Test
  void googleJwtHashesSubAndAudWithoutLowercasing() {
    AuthMethod m =
        AuthMethod.of(
            AuthMethodType.GOOGLE_JWT, jwt("{\"sub\":\"User1\",\"aud\":\"Client.apps\"}"));
    assertArrayEquals(keccak("User1:Client.apps"), AuthMethodIds.authMethodId(m));
  }

  @Test
  void stytchOtpLowercasesSubAndTheFirstAudience() {
    AuthMethod m =
        AuthMethod.of(
            AuthMethodType.STYTCH_OTP,
            jwt("{\"sub\":\"user-TEST\",\"aud\":[\"Project-ABC\",\"x\"]}"));
    assertArrayEquals(keccak("user-test:project-abc"), AuthMethodIds.authMethodId(m));
  }

  private static String stytchSession(String factors) {
    return jwt(
        "{\"sub\":\"u\",\"aud\":[\"Proj\"],\"https://stytch.com/session\":{\"authentication_factors\":["
            + factors
            + "]}}");
  }

  @Test
  void stytchFactorsUseTheFactorValue() {
    String email = "{\"email_factor\":{\"email_address\":\"Alice@Example.com\"}}";
    String phone = "{\"phone_number_factor\":{\"phone_number\":\"+1555\"}}";
    assertArrayEquals(
        keccak("alice@example.com:proj"),
        AuthMethodIds.authMethodId(
            AuthMethod.of(
                AuthMethodType.STYTCH_EMAIL_FACTOR_OTP, stytchSession(phone + "," + email))));
    assertArrayEquals(
        keccak("+1555:proj"),
        AuthMethodIds.authMethodId(
            AuthMethod.of(
                AuthMethodType.STYTCH_SMS_FACTOR_OTP, stytchSession(email + "," + phone))));
    assertArrayEquals(
        keccak("+1555:proj"),
        AuthMethodIds.authMethodId(
            AuthMethod.of(AuthMethodType.STYTCH_WHATSAPP_FACTOR_OTP, stytchSession(phone))));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    AuthMethodIds.authMethodId(
                        AuthMethod.of(AuthMethodType.STYTCH_SMS_FACTOR_OTP, stytchSession(email))))
            .getMessage()
            .contains("Could not find phone number"));
  }

  @Test
  void stytchTotpKeepsTheSdkBugOfSearchingForAPhoneFactor() {
    String totpOnly = "{\"authenticator_app_factor\":{\"totp_id\":\"totp-1\"}}";
    assertThrows(
        LitValidationException.class,
        () ->
            AuthMethodIds.authMethodId(
                AuthMethod.of(AuthMethodType.STYTCH_TOTP_FACTOR_OTP, stytchSession(totpOnly))));
    String both =
        "{\"phone_number_factor\":{\"phone_number\":\"+1\"},\"authenticator_app_factor\":{\"totp_id\":\"TOTP-1\"}}";
    assertArrayEquals(
        keccak("totp-1:proj"),
        AuthMethodIds.authMethodId(
            AuthMethod.of(AuthMethodType.STYTCH_TOTP_FACTOR_OTP, stytchSession(both))));
  }

  @Test
  void discordTakesTheUserIdAsAParameter() {
    assertArrayEquals(
        keccak("123456:1052874239658692668"), AuthMethodIds.discordAuthMethodId("123456"));
    assertArrayEquals(keccak("123456:999"), AuthMethodIds.discordAuthMethodId("123456", "999"));
    assertThrows(
        UnsupportedAuthMethodException.class,
        () -> AuthMethodIds.authMethodId(AuthMethod.of(AuthMethodType.DISCORD, "token")));
  }

  @Test
  void typesWithoutARuleThrowATypedError() {
    for (AuthMethodType t :
        new AuthMethodType[] {
          AuthMethodType.LIT_ACTION,
          AuthMethodType.GOOGLE,
          AuthMethodType.APPLE_JWT,
          AuthMethodType.OTP
        }) {
      UnsupportedAuthMethodException e =
          assertThrows(
              UnsupportedAuthMethodException.class,
              () -> AuthMethodIds.authMethodId(AuthMethod.of(t, "x")));
      assertEquals(t.value(), e.authMethodType());
    }
    assertThrows(
        UnsupportedAuthMethodException.class,
        () -> AuthMethodIds.authMethodId(new AuthMethod(99, "x")));
  }

  @Test
  void malformedAccessTokensNameThePart() {
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    AuthMethodIds.authMethodId(
                        AuthMethod.of(AuthMethodType.ETH_WALLET, "{not json")))
            .getMessage()
            .contains("accessToken"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    AuthMethodIds.authMethodId(
                        AuthMethod.of(AuthMethodType.ETH_WALLET, "{\"sig\":\"x\"}")))
            .getMessage()
            .contains("address is missing"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () -> AuthMethodIds.authMethodId(AuthMethod.of(AuthMethodType.GOOGLE_JWT, "a.b")))
            .getMessage()
            .contains("not a JWT"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    AuthMethodIds.authMethodId(AuthMethod.of(AuthMethodType.GOOGLE_JWT, "a.%%%.c")))
            .getMessage()
            .contains("base64"));
    assertTrue(
        assertThrows(
                LitValidationException.class,
                () ->
                    AuthMethodIds.authMethodId(
                        AuthMethod.of(AuthMethodType.GOOGLE_JWT, jwt("{\"sub\":\"s\"}"))))
            .getMessage()
            .contains("aud is missing"));
    assertThrows(LitValidationException.class, () -> new AuthMethod(0, "x"));
  }

  @Test
  void authMethodToStringRedactsTheToken() {
    AuthMethod m = AuthMethod.of(AuthMethodType.GOOGLE_JWT, "secret-token");
    assertFalse(m.toString().contains("secret-token"));
  }
}
