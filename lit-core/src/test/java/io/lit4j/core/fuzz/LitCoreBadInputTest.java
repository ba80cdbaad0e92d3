package io.lit4j.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.acc.InvalidAccessControlConditionsException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.ipfs.IpfsCid;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.network.LitChains;
import io.lit4j.core.network.LitNetwork;
import io.lit4j.core.network.UnknownChainException;
import io.lit4j.core.network.UnknownNetworkException;
import io.lit4j.core.util.Base58;
import io.lit4j.core.util.Hex;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input on lit-core's public parsing methods: a typed error whose message names the field. */
class LitCoreBadInputTest {

  static Stream<Arguments> badHex() {
    return Stream.of(
        Arguments.of(null, "is missing"),
        Arguments.of("0x123", "odd length"),
        Arguments.of("zz", "bad character at position 0"),
        Arguments.of("0xa g0", "bad character"),
        Arguments.of("\u0663\u0663", "bad character at position 0"), // ARABIC-INDIC DIGIT THREE
        Arguments.of("\uFF21\uFF21", "bad character at position 0"), // FULLWIDTH LATIN CAPITAL A
        Arguments.of("0x\u00e9a", "bad character"),
        Arguments.of("0X", "must be 32 bytes, got 0"),
        Arguments.of("00".repeat(31), "must be 32 bytes, got 31"),
        Arguments.of("00".repeat(33), "must be 32 bytes, got 33"));
  }

  @ParameterizedTest
  @MethodSource("badHex")
  void badHexIsRejectedNamingTheField(String hex, String problem) {
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> Hex.decode(hex, 32, "dataToEncryptHash"));
    assertTrue(e.getMessage().startsWith("dataToEncryptHash "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void hexDigitsOutsideAsciiAreNotHex() {
    // regression: Character.digit took U+0663 as 3 and U+FF21 as A, so such text decoded silently
    assertFalse(Hex.isHex("\u0663\u0663"));
    assertFalse(Hex.isHex("ab\uFF21\uFF21"));
    assertThrows(LitValidationException.class, () -> Hex.decode("0x9a\u0663f", "publicKey"));
    assertEquals("09af", Hex.encode(Hex.decode("0x09aF", "publicKey")));
  }

  @Test
  void badBase58AndCidsAreRejectedNamingTheField() {
    for (String s : new String[] {"0", "O", "I", "l", "Qm\u0000", "Qm "}) {
      LitValidationException e =
          assertThrows(LitValidationException.class, () -> Base58.decode(s, "ipfsId"));
      assertTrue(e.getMessage().startsWith("ipfsId "), e.getMessage());
    }
    assertTrue(
        assertThrows(LitValidationException.class, () -> Base58.decode(null, "ipfsId"))
            .getMessage()
            .contains("ipfsId"));
    String cid = IpfsCid.of(new byte[] {1, 2, 3});
    for (String s :
        new String[] {
          null,
          "",
          cid.substring(1),
          cid + "1",
          "Qm" + "1".repeat(44),
          cid.replace('Q', 'q'),
          "zQm" + cid.substring(3),
          cid.substring(0, 45) + "0"
        }) {
      LitValidationException e =
          assertThrows(LitValidationException.class, () -> IpfsCid.toBytes(s), String.valueOf(s));
      assertTrue(e.getMessage().contains("ipfsId"), e.getMessage());
    }
    assertThrows(LitValidationException.class, () -> IpfsCid.fromBytes(new byte[33]));
    assertThrows(LitValidationException.class, () -> IpfsCid.fromBytes(null));
  }

  @Test
  void unknownNetworkNamesAreTypedErrorsListingTheKnownOnes() {
    for (String name :
        new String[] {
          "",
          "Cayenne",
          "datil",
          "datil-test",
          "internalDev",
          "cayenne ",
          "habanero\u0000",
          "CUSTOM"
        }) {
      UnknownNetworkException e =
          assertThrows(UnknownNetworkException.class, () -> LitNetwork.fromName(name), name);
      assertEquals(name, e.networkName());
      assertTrue(e.getMessage().contains("cayenne"), e.getMessage());
    }
    assertTrue(
        assertThrows(LitValidationException.class, () -> LitNetwork.fromName(null))
            .getMessage()
            .contains("litNetwork"));
  }

  @Test
  void unknownChainNamesAreTypedErrors() {
    for (String name : new String[] {"Ethereum", "eth", "ethereum ", "1"}) {
      UnknownChainException e =
          assertThrows(UnknownChainException.class, () -> LitChains.get(name), name);
      assertEquals(name, e.chainName());
    }
    assertThrows(LitValidationException.class, () -> LitChains.get(null));
    assertTrue(
        assertThrows(LitValidationException.class, () -> LitChains.get(""))
            .getMessage()
            .contains("chain"));
  }

  static Stream<Arguments> badConditions() {
    String ok =
        "{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\","
            + "\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}";
    return Stream.of(
        Arguments.of(null, "accessControlConditions"),
        Arguments.of("", "accessControlConditions"),
        Arguments.of("[]", "accessControlConditions"),
        Arguments.of("{}", "accessControlConditions"),
        Arguments.of("[" + "[".repeat(200) + ok + "]".repeat(200) + "]", "accessControlConditions"),
        Arguments.of(
            "[" + (ok + ",{\"operator\":\"or\"},").repeat(1000) + ok + "]",
            "accessControlConditions"),
        Arguments.of(
            "[" + ok.replace("\"ethereum\"", "1") + "]", "accessControlConditions[0].chain"),
        Arguments.of(
            "[" + ok.replace("\">=\"", "\"~\"") + "]",
            "accessControlConditions[0].returnValueTest.comparator"),
        Arguments.of(
            "[" + ok + ",{\"operator\":\"xor\"}," + ok + "]", "accessControlConditions[1]"));
  }

  @ParameterizedTest
  @MethodSource("badConditions")
  void badConditionsAreRejectedNamingTheField(String json, String field) {
    InvalidAccessControlConditionsException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                assertThrows(
                    InvalidAccessControlConditionsException.class,
                    () ->
                        AccessControlConditions.fromJson(
                            ConditionKind.ACCESS_CONTROL_CONDITIONS, json)));
    assertTrue(e.field().startsWith(field), e.field() + " / " + e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void jsonWithTrailingTextIsRejectedAsJsonParseWould() {
    // regression: Jackson read the first value of "{...} junk" and ignored the rest
    for (String s : new String[] {"{\"a\":1} junk", "{\"a\":1}}", "[1] [2]", "{} {}", "\"x\" 1"}) {
      LitValidationException e =
          assertThrows(LitValidationException.class, () -> LitJson.parse(s, "authSig"), s);
      assertTrue(e.getMessage().startsWith("authSig "), e.getMessage());
    }
    assertEquals(1, LitJson.parse(" {\"a\":1} \n", "authSig").get("a").intValue());
  }

  @Test
  void badJsonTextIsAValidationErrorNamingWhatWasParsed() {
    for (String s :
        new String[] {
          null,
          "{",
          "[1,]",
          "{\"a\":}",
          "nul",
          "\"\\x\"",
          "[".repeat(5000) + "]".repeat(5000),
          "1" + "0".repeat(5000) + "e",
          "{\"a\":\"\u0000\"}"
        }) {
      LitValidationException e =
          assertThrows(
              LitValidationException.class,
              () -> LitJson.parse(s, "handshake body"),
              () -> Fuzz.excerpt(s));
      assertTrue(e.getMessage().startsWith("handshake body "), e.getMessage());
    }
  }
}
