package io.lit4j.crypto.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EcdsaShareJsonTest {
  static final EcdsaSignatureShare SHARE = EcdsaTestShares.shares("json", "req").get(0);

  /** A route: how it is written, parsed, and what its fields are called. */
  record Route(
      String name,
      ObjectNode valid,
      ObjectNode empty,
      Function<JsonNode, Optional<EcdsaSignatureShare>> parser,
      String share,
      String bigR,
      String data,
      String pub,
      String index,
      String type) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Route> routes() {
    return Stream.of(
        new Route(
            "sign_session_key",
            EcdsaShareJson.writeSignSessionKey(SHARE, "siwe text"),
            EcdsaShareJson.writeEmptySignSessionKey(
                SHARE.dataSigned(), SHARE.publicKey(), "siwe text"),
            EcdsaShareJson::parseSignSessionKey,
            "signatureShare",
            "bigr",
            "dataSigned",
            "publicKey",
            "shareIndex",
            "sigType"),
        new Route(
            "execute",
            EcdsaShareJson.writeExecute(SHARE),
            EcdsaShareJson.writeEmptyExecute("sig1"),
            EcdsaShareJson::parseExecute,
            "signatureShare",
            "bigR",
            "dataSigned",
            "publicKey",
            "shareIndex",
            "sigType"),
        new Route(
            "pkp_sign",
            EcdsaShareJson.writePkpSign(SHARE),
            EcdsaShareJson.writeEmptyPkpSign(),
            EcdsaShareJson::parsePkpSign,
            "signature_share",
            "big_r",
            "digest",
            "public_key",
            "share_index",
            "sig_type"));
  }

  static Stream<Arguments> routeArgs() {
    return routes().map(Arguments::of);
  }

  static ObjectNode with(Route r, String field, String value) {
    ObjectNode o = r.valid().deepCopy();
    o.put(field, value);
    return o;
  }

  static void assertNames(LitException e, String field) {
    assertTrue(
        e.getMessage().contains(field), "message should name " + field + ": " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routeArgs")
  void aValidShareRoundTripsThroughTheNodeSpelling(Route r) {
    EcdsaSignatureShare parsed = r.parser().apply(r.valid()).orElseThrow();
    assertEquals(SHARE.signatureShare(), parsed.signatureShare());
    assertEquals(SHARE.publicKey(), parsed.publicKey());
    assertEquals(
        io.lit4j.core.util.Hex.encode(SHARE.bigR()), io.lit4j.core.util.Hex.encode(parsed.bigR()));
    assertEquals(
        io.lit4j.core.util.Hex.encode(SHARE.dataSigned()),
        io.lit4j.core.util.Hex.encode(parsed.dataSigned()));
    assertTrue(r.valid().get(r.share()).asText().startsWith("\""), "node values are JSON-quoted");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routeArgs")
  void anEmptyShareFromANodeOutsideTheSubsetIsAbsentNotAnError(Route r) {
    assertTrue(r.parser().apply(r.empty()).isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routeArgs")
  void badHexIsAValidationErrorNamingTheField(Route r) {
    assertNames(
        assertThrows(
            LitValidationException.class,
            () -> r.parser().apply(with(r, r.share(), "\"ZZ" + "00".repeat(31) + "\""))),
        r.share());
    assertNames(
        assertThrows(
            LitValidationException.class, () -> r.parser().apply(with(r, r.bigR(), "\"02XY\""))),
        r.bigR());
    assertNames(
        assertThrows(
            LitValidationException.class, () -> r.parser().apply(with(r, r.data(), "nothex"))),
        r.data());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routeArgs")
  void wrongLengthsAreValidationErrorsNamingTheField(Route r) {
    assertNames(
        assertThrows(
            LitValidationException.class,
            () -> r.parser().apply(with(r, r.share(), "\"" + "AB".repeat(31) + "\""))),
        r.share());
    assertNames(
        assertThrows(
            LitValidationException.class,
            () -> r.parser().apply(with(r, r.data(), "AB".repeat(33)))),
        r.data());
    assertNames(
        assertThrows(
            LitValidationException.class,
            () -> r.parser().apply(with(r, r.bigR(), "\"02" + "AB".repeat(31) + "\""))),
        r.bigR());
    assertNames(
        assertThrows(
            LitValidationException.class,
            () -> r.parser().apply(with(r, r.pub(), "04" + "AB".repeat(10)))),
        r.pub());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routeArgs")
  void pointsOffTheCurveAreCryptoErrorsNamingTheField(Route r) {
    String noPoint = "\"02" + "00".repeat(31) + "05\"";
    assertNames(
        assertThrows(LitCryptoException.class, () -> r.parser().apply(with(r, r.bigR(), noPoint))),
        r.bigR());
    String pub = SHARE.publicKey().hex();
    String offCurve = pub.substring(0, 128) + (pub.endsWith("00") ? "01" : "00");
    assertNames(
        assertThrows(LitCryptoException.class, () -> r.parser().apply(with(r, r.pub(), offCurve))),
        r.pub());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routeArgs")
  void scalarsNotBelowTheGroupOrderAreRejected(Route r) {
    assertNames(
        assertThrows(
            LitValidationException.class,
            () -> r.parser().apply(with(r, r.share(), "\"" + "FF".repeat(32) + "\""))),
        r.share());
    assertNames(
        assertThrows(
            LitValidationException.class,
            () -> r.parser().apply(with(r, r.data(), "FF".repeat(32)))),
        r.data());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routeArgs")
  void missingOrMistypedFieldsAreValidationErrors(Route r) {
    ObjectNode noR = r.valid().deepCopy();
    noR.remove(r.bigR());
    assertNames(assertThrows(LitValidationException.class, () -> r.parser().apply(noR)), r.bigR());
    ObjectNode numericShare = r.valid().deepCopy();
    numericShare.put(r.share(), 12);
    assertNames(
        assertThrows(LitValidationException.class, () -> r.parser().apply(numericShare)),
        r.share());
    ObjectNode badIndex = r.valid().deepCopy();
    badIndex.put(r.index(), "zero");
    assertNames(
        assertThrows(LitValidationException.class, () -> r.parser().apply(badIndex)), r.index());
    ObjectNode emptyR = with(r, r.bigR(), "");
    assertNames(
        assertThrows(LitValidationException.class, () -> r.parser().apply(emptyR)), r.bigR());
    assertThrows(
        LitValidationException.class, () -> r.parser().apply(LitJson.mapper().createArrayNode()));
    assertThrows(LitValidationException.class, () -> r.parser().apply(null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routeArgs")
  void anUnknownSigTypeIsUnknownSignatureType(Route r) {
    var e =
        assertThrows(
            LitValidationException.class, () -> r.parser().apply(with(r, r.type(), "BLS")));
    assertEquals("UnknownSignatureType", e.errorCode().orElseThrow());
  }

  @Test
  void quotesAndBackslashesAreStrippedAndHexMayBeLowerCase() {
    ObjectNode o = EcdsaShareJson.writeExecute(SHARE);
    o.put("signatureShare", "\\\"" + String.format("%064x", SHARE.signatureShare()) + "\\\"");
    assertEquals(
        SHARE.signatureShare(), EcdsaShareJson.parseExecute(o).orElseThrow().signatureShare());
  }

  @Test
  void executeErrorsNameTheSignature() {
    ObjectNode o = EcdsaShareJson.writeExecute(SHARE);
    o.put("bigR", "\"zz\"");
    var e = assertThrows(LitValidationException.class, () -> EcdsaShareJson.parseExecute(o));
    assertTrue(e.getMessage().contains("signedData.sig1.bigR"), e.getMessage());
  }

  @Test
  void pkpSignSharesAreNamedSigAndKeepTheUpperCaseSpelling() {
    EcdsaSignatureShare s =
        EcdsaShareJson.parsePkpSign(EcdsaShareJson.writePkpSign(SHARE)).orElseThrow();
    assertEquals("sig", s.sigName());
    assertEquals(SHARE.publicKey().hex().toUpperCase(), s.publicKeyHex());
  }

  @Test
  void sessionSigValuesArePlainLowerCaseHexAndSigNameIsSessionSig() {
    ObjectNode o = EcdsaShareJson.writeSignSessionKey(SHARE, "siwe");
    assertEquals(SHARE.publicKey().hex(), o.get("publicKey").asText());
    assertEquals("sessionSig", o.get("sigName").asText());
    assertEquals("sessionSig", EcdsaShareJson.parseSignSessionKey(o).orElseThrow().sigName());
  }
}
