package io.lit4j.auth.siwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

public class SiweMessageTest {
  static final Web3jEthSigner SIGNER =
      Web3jEthSigner.fromPrivateKey(
          "0x91c478631c25619b2126cb9b16f4f3af754aec9f57a515272699c168c7507f68");
  static final String NONCE = "0xffd58aed1fa18ad760c415ced859feedca5043bc88b99fde4dc27d1e5a58b2db";
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  public static SiweMessage.Builder base() {
    return SiweMessage.builder()
        .domain("localhost")
        .address(SIGNER.address())
        .uri("lit:session:abcd")
        .nonce(NONCE)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .expirationTime("2024-06-02T12:00:00.000Z");
  }

  static final String TEXT =
      "localhost wants you to sign in with your Ethereum account:\n"
          + "0x811E601AFc89E10Ad7ed92b7f03f419498f1c652\n\nHello there.\n\nURI: lit:session:abcd\nVersion: 1\nChain ID: 1\n"
          + "Nonce: "
          + NONCE
          + "\nIssued At: 2024-06-01T12:00:00.000Z\nExpiration Time: 2024-06-02T12:00:00.000Z\n"
          + "Resources:\n- urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ";

  @Test
  void prepareMessageFillsIssuedAtFromTheClockAndPrintsEveryField() {
    SiweMessage m =
        base()
            .statement("Hello there.")
            .resources(List.of("urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ"))
            .build();
    assertEquals(TEXT, m.prepareMessage());
    assertEquals(m, SiweMessage.parse(TEXT));
  }

  @Test
  void aNullResourceIsATypedErrorNamingItsPosition() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.lit4j.core.errors.LitValidationException.class,
            () -> base().resources(java.util.Arrays.asList("urn:a", null)).build());
    assertTrue(e.getMessage().contains("resources[1]"), e.getMessage());
  }

  @Test
  void missingAndEmptyStatementsBothLeaveTheEmptyLine() {
    String none = base().build().prepareMessage();
    String empty = base().statement("").build().prepareMessage();
    assertEquals(none, empty);
    assertTrue(none.contains("c652\n\n\nURI: lit:session:abcd"));
    assertTrue(base().resources(List.of()).build().prepareMessage().endsWith("\nResources:"));
  }

  @Test
  void schemeIsPrintedAndParsedBeforeTheDomain() {
    SiweMessage m = base().scheme("https").build();
    assertTrue(m.prepareMessage().startsWith("https://localhost wants you"));
    assertEquals("https", SiweMessage.parse(m.prepareMessage()).scheme().orElseThrow());
  }

  private static SiweParseException parseError(String text) {
    return assertThrows(SiweParseException.class, () -> SiweMessage.parse(text));
  }

  @Test
  void malformedLinesAreReportedWithTheirLineAndField() {
    SiweParseException e = parseError(TEXT.replace(" wants you to sign in", " wants to sign in"));
    assertEquals(1, e.line());
    assertEquals("header", e.field());
    e =
        parseError(
            TEXT.replace(
                "0x811E601AFc89E10Ad7ed92b7f03f419498f1c652",
                "0x811e601afc89e10ad7ed92b7f03f419498f1c652"));
    assertEquals(2, e.line());
    assertEquals("address", e.field());
    assertTrue(e.getMessage().contains("EIP-55"));
    e = parseError(TEXT.replace("0x811E601AFc89E10Ad7ed92b7f03f419498f1c652", "0x811E60"));
    assertEquals("address", e.field());
    e = parseError(TEXT.replace("Hello there.\n\n", "Hello there.\n"));
    assertEquals("empty line", e.field());
    e = parseError(TEXT.replace("Hello there.", "Hello \"there\"."));
    assertEquals(4, e.line());
    assertEquals("statement", e.field());
    e = parseError(TEXT.replace("URI: lit:session:abcd", "URI: not a uri"));
    assertEquals("URI", e.field());
    assertEquals(6, e.line());
    e = parseError(TEXT.replace("Version: 1", "Version: 2"));
    assertEquals("Version", e.field());
    e = parseError(TEXT.replace("Chain ID: 1", "Chain ID: one"));
    assertEquals("Chain ID", e.field());
    e = parseError(TEXT.replace("Nonce: " + NONCE, "Nonce: abc"));
    assertEquals("Nonce", e.field());
    e = parseError(TEXT.replace("Issued At: 2024-06-01T12:00:00.000Z", "Issued At: yesterday"));
    assertEquals("Issued At", e.field());
    e =
        parseError(
            TEXT.replace(
                "Issued At: 2024-06-01T12:00:00.000Z", "Issued At: 2024-02-30T12:00:00.000Z"));
    assertEquals("Issued At", e.field());
    e = parseError(TEXT.replace("Expiration Time: 2024-06-02T12:00:00.000Z", "Expires: soon"));
    assertEquals("line", e.field());
    e = parseError(TEXT.replace("- urn:recap:", "* urn:recap:"));
    assertEquals("resource", e.field());
    e = parseError(TEXT + "\n");
    assertEquals("resource", e.field());
    e = parseError(TEXT.substring(0, TEXT.indexOf("\nVersion")));
    assertEquals("Version", e.field());
    assertTrue(e.getMessage().contains("ends early"));
    assertEquals(
        "message", assertThrows(SiweParseException.class, () -> SiweMessage.parse(null)).field());
  }

  @Test
  void aBareResourcesLineReadsBackAsOneEmptyResourceLikeSiwe() {
    SiweMessage m = SiweMessage.parse(base().resources(List.of()).build().prepareMessage());
    assertEquals(List.of(""), m.resources().orElseThrow());
  }

  @Test
  void lenientParsingAcceptsNonAsciiStatements() {
    String text = base().statement("Zugriff für Café ☕").build().prepareMessage();
    assertThrows(SiweParseException.class, () -> SiweMessage.parse(text));
    assertEquals("Zugriff für Café ☕", SiweMessage.parseLenient(text).statement().orElseThrow());
  }

  @Test
  void builderRejectsInvalidFieldsByName() {
    assertEquals(
        "address",
        assertThrows(
                SiweParseException.class,
                () -> base().address("0x811e601afc89e10ad7ed92b7f03f419498f1c652").build())
            .field());
    assertEquals(
        "nonce",
        assertThrows(SiweParseException.class, () -> base().nonce("short").build()).field());
    assertEquals(
        "nonce",
        assertThrows(SiweParseException.class, () -> base().nonce("0x-12345678").build()).field());
    assertEquals(
        "uri",
        assertThrows(SiweParseException.class, () -> base().uri("no scheme").build()).field());
    assertEquals(
        "domain", assertThrows(SiweParseException.class, () -> base().domain("").build()).field());
    assertEquals(
        "version",
        assertThrows(SiweParseException.class, () -> base().version("2").build()).field());
    assertEquals(
        "expirationTime",
        assertThrows(SiweParseException.class, () -> base().expirationTime("tomorrow").build())
            .field());
    assertEquals(
        "statement",
        assertThrows(SiweParseException.class, () -> base().statement("a\nb").build()).field());
  }

  @Test
  void generatedNoncesAreAlphanumericAndLongEnough() {
    String nonce =
        SiweMessage.builder()
            .domain("localhost")
            .address(SIGNER.address())
            .uri("https://x")
            .build()
            .nonce();
    assertTrue(nonce.matches("[A-Za-z0-9]{17}"), nonce);
  }

  @Test
  void verifyAcceptsTheSignersSignatureInsideTheTimeWindow() {
    SiweMessage m = base().notBefore("2024-06-01T11:00:00Z").build();
    AuthSig sig = AuthSigs.generate(SIGNER, m.prepareMessage());
    m.verify(sig.sig(), SiweVerifyOptions.at(NOW).withDomain("localhost").withNonce(NONCE));
  }

  @Test
  void verifyNamesTheCheckThatFailed() {
    SiweMessage m = base().notBefore("2024-06-01T11:00:00Z").build();
    String sig = AuthSigs.generate(SIGNER, m.prepareMessage()).sig();
    assertEquals(
        SiweVerificationException.Reason.EXPIRED_MESSAGE,
        assertThrows(
                SiweVerificationException.class,
                () -> m.verify(sig, SiweVerifyOptions.at(Instant.parse("2024-06-02T12:00:00Z"))))
            .reason());
    assertEquals(
        SiweVerificationException.Reason.NOT_YET_VALID_MESSAGE,
        assertThrows(
                SiweVerificationException.class,
                () -> m.verify(sig, SiweVerifyOptions.at(Instant.parse("2024-06-01T10:59:59Z"))))
            .reason());
    assertEquals(
        SiweVerificationException.Reason.DOMAIN_MISMATCH,
        assertThrows(
                SiweVerificationException.class,
                () -> m.verify(sig, SiweVerifyOptions.at(NOW).withDomain("evil.com")))
            .reason());
    assertEquals(
        SiweVerificationException.Reason.NONCE_MISMATCH,
        assertThrows(
                SiweVerificationException.class,
                () -> m.verify(sig, SiweVerifyOptions.at(NOW).withNonce("abcdefgh1")))
            .reason());
    assertEquals(
        SiweVerificationException.Reason.SCHEME_MISMATCH,
        assertThrows(
                SiweVerificationException.class,
                () -> m.verify(sig, SiweVerifyOptions.at(NOW).withScheme("https")))
            .reason());
    String other = AuthSigs.generate(SIGNER, m.prepareMessage() + " ").sig();
    assertEquals(
        SiweVerificationException.Reason.INVALID_SIGNATURE,
        assertThrows(
                SiweVerificationException.class, () -> m.verify(other, SiweVerifyOptions.at(NOW)))
            .reason());
    assertThrows(
        io.lit4j.core.errors.LitValidationException.class,
        () -> m.verify("0x1234", SiweVerifyOptions.at(NOW)));
    m.validate(SiweVerifyOptions.at(NOW).withDomain("localhost").withNonce(NONCE));
    assertEquals(
        SiweVerificationException.Reason.DOMAIN_MISMATCH,
        assertThrows(
                SiweVerificationException.class,
                () -> m.validate(SiweVerifyOptions.at(NOW).withDomain("other")))
            .reason());
  }

  @Test
  void timestampsFollowJavaScriptToIsoString() {
    assertEquals("2024-06-01T12:00:00.000Z", IsoTime.toIsoString(NOW));
    assertEquals(
        "2024-06-01T12:34:56.789Z",
        IsoTime.toIsoString(Instant.parse("2024-06-01T12:34:56.789123Z")));
    assertEquals(
        Instant.parse("2024-06-01T14:00:00Z"), IsoTime.parse("2024-06-01T16:00:00+02:00", "t"));
    assertEquals(
        "t",
        assertThrows(
                io.lit4j.core.errors.LitValidationException.class, () -> IsoTime.parse("x", "t"))
            .getMessage()
            .substring(0, 1));
  }
}
