package io.lit4j.auth.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.auth.recap.RecapObject;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionKeySignedMessage;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.WalletSigCheck;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitException;
import io.lit4j.crypto.eth.EthSignatures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input on lit-auth's public methods: a typed error naming the field, without hanging. */
class AuthBadInputTest {
  private static final String ADDRESS = "0x811E601AFc89E10Ad7ed92b7f03f419498f1c652";
  private static final AuthSig WALLET =
      AuthSig.of("0x" + "11".repeat(65), "web3.eth.personal.sign", "hello", ADDRESS);

  private static SiweMessage.Builder siwe() {
    return SiweMessage.builder()
        .domain("localhost")
        .address(ADDRESS)
        .uri("lit:session:" + "ab".repeat(32))
        .version("1")
        .chainId(1)
        .nonce("0x" + "cd".repeat(32))
        .issuedAt("2024-06-01T12:00:00.000Z");
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c("SIWE without domain", () -> siwe().domain(null).build(), "domain"),
        c(
            "SIWE with a lowercase non-EIP-55 address",
            () ->
                siwe()
                    .address(ADDRESS.toLowerCase(Locale.ROOT).replace("0x811e", "0x811E"))
                    .build(),
            "address"),
        c(
            "SIWE with a 19-byte address",
            () -> siwe().address("0x" + "ab".repeat(19)).build(),
            "address"),
        c("SIWE with a short nonce", () -> siwe().nonce("abc").build(), "nonce"),
        c("SIWE with a bad issuedAt", () -> siwe().issuedAt("yesterday").build(), "issuedAt"),
        c(
            "SIWE with a bad expiration",
            () -> siwe().expirationTime("2024-13-01T00:00:00Z").build(),
            "expirationTime"),
        c("SIWE with version 2", () -> siwe().version("2").build(), "version"),
        c("SIWE with a uri that is not a URI", () -> siwe().uri("not a uri").build(), "uri"),
        c(
            "SIWE with a statement with a line break",
            () -> siwe().statement("a\nb").build(),
            "statement"),
        c("SIWE parse of null", () -> SiweMessage.parse(null), "SIWE"),
        c("SIWE parse of empty text", () -> SiweMessage.parse(""), "SIWE"),
        c(
            "SIWE verify with a 64-byte signature",
            () ->
                siwe()
                    .build()
                    .verify(
                        "0x" + "11".repeat(64),
                        io.lit4j.auth.siwe.SiweVerifyOptions.at(
                            Instant.parse("2024-06-01T12:00:01Z"))),
            "signature"),
        c("recap urn null", () -> RecapObject.decode(null), "recap"),
        c("recap urn with a bad prefix", () -> RecapObject.decode("urn:recap2:e30"), "recap"),
        c("recap urn not base64url", () -> RecapObject.decode("urn:recap:***"), "recap"),
        c(
            "auth sig without sig",
            () -> AuthSig.of(null, "web3.eth.personal.sign", "m", ADDRESS),
            "authSig.sig"),
        c("auth sig JSON null", () -> AuthSig.fromJson((String) null), "authSig"),
        c(
            "auth sig JSON with an extra key",
            () ->
                AuthSig.fromJson(
                    "{\"sig\":\"\",\"derivedVia\":\"\",\"signedMessage\":\"\",\"address\":\"\",\"x\":1}"),
            "'x'"),
        c(
            "auth sig signature of 64 bytes",
            () ->
                AuthSigs.verifyEip191(
                    AuthSig.of("0x" + "11".repeat(64), "web3.eth.personal.sign", "m", ADDRESS)),
            "sig"),
        c(
            "signature hex not hex",
            () -> EthSignatures.findPersonalSignAddress("m", "0xzz"),
            "signature"),
        c(
            "signature of 66 bytes",
            () -> EthSignatures.findPersonalSignAddress("m", "0x" + "11".repeat(66)),
            "signature"),
        c(
            "private key of 31 bytes",
            () -> Web3jEthSigner.fromPrivateKey("0x" + "11".repeat(31)),
            "privateKey"),
        c("private key bad hex", () -> Web3jEthSigner.fromPrivateKey("0xzz"), "privateKey"),
        c("session seed of 31 bytes", () -> SessionKeyPair.fromSeed(new byte[31]), "seed"),
        c("session secret key bad hex", () -> SessionKeyPair.fromSecretKeyHex("zz"), "secretKey"),
        c(
            "session signed message not JSON",
            () -> SessionKeySignedMessage.parse("{"),
            "signedMessage"),
        c(
            "session signed message without sessionKey",
            () ->
                SessionKeySignedMessage.parse(
                    "{\"resourceAbilityRequests\":[],\"capabilities\":[],\"issuedAt\":\"x\",\"expiration\":\"y\",\"nodeAddress\":\"z\"}"),
            "sessionKey"),
        c("session sigs not an object", () -> SessionSigs.fromJson("[]"), "sessionSigs"),
        c("auth method type 0", () -> new AuthMethod(0, "t"), "authMethodType"),
        c("auth method token null", () -> new AuthMethod(1, null), "accessToken"),
        c(
            "google token not a JWT",
            () -> AuthMethodIds.authMethodId(AuthMethod.of(AuthMethodType.GOOGLE_JWT, "abc")),
            "JWT"),
        c(
            "eth wallet token not JSON",
            () -> AuthMethodIds.authMethodId(AuthMethod.of(AuthMethodType.ETH_WALLET, "{")),
            "accessToken"),
        // regression: Objects.requireNonNull threw raw NullPointerExceptions
        c(
            "wallet sig check without wallet sig",
            () -> WalletSigCheck.needToResign(null, "lit:session:x", List.of(), Instant.now()),
            "walletSig"),
        c(
            "wallet sig check without session key",
            () -> WalletSigCheck.needToResign(WALLET, null, List.of(), Instant.now()),
            "sessionKeyUri"),
        c(
            "wallet sig check without requests",
            () -> WalletSigCheck.needToResign(WALLET, "lit:session:x", null, Instant.now()),
            "requests"),
        c(
            "wallet sig check without time",
            () -> WalletSigCheck.needToResign(WALLET, "lit:session:x", List.of(), null),
            "now"));
  }

  private static Arguments c(String what, Executable call, String field) {
    return Arguments.of(what, call, field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsATypedErrorNamingTheField(String what, Executable call, String field) {
    LitException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> assertThrows(LitException.class, call, what));
    assertTrue(
        e.getMessage().toLowerCase(Locale.ROOT).contains(field.toLowerCase(Locale.ROOT)),
        what + ": the message does not name '" + field + "': " + e.getMessage());
  }
}
