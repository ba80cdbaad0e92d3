package io.lit4j.auth.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Auth method ids against values the official JS SDK 4.2.0 computed
 * (src/test/js/auth-ids-4.2.0.cjs, output in src/test/resources/auth-ids/js-sdk-4.2.0.json): equal
 * ids where 4.2.0 gives one, a {@link LitValidationException} where 4.2.0 refuses. The two
 * non-ASCII Stytch cases are where lit4j decides otherwise on purpose: 4.2.0 decodes the JWT as
 * Latin-1 (a garbled id, or a JSON error), while lit4j decodes UTF-8 and lower-cases ASCII only, as
 * the nodes do, so the id is the one nodes compute.
 */
class AuthMethodIdsJsSdkTest {
  /** Cases where lit4j follows the nodes, not 4.2.0: name to the user id the nodes derive. */
  private static final Map<String, String> NODE_RULE =
      Map.of(
          "stytchOtp non-ASCII sub", "İstanbul-Σ",
          "stytchEmail non-ASCII upper-case", "Émile@example.com");

  private static JsonNode cases() throws IOException {
    try (InputStream in =
        AuthMethodIdsJsSdkTest.class.getResourceAsStream("/auth-ids/js-sdk-4.2.0.json")) {
      return LitJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "auth ids")
          .get("cases");
    }
  }

  private static byte[] javaId(JsonNode c) {
    AuthMethod m = new AuthMethod(c.get("authMethodType").asInt(), c.get("accessToken").asText());
    return c.has("rpName")
        ? AuthMethodIds.webAuthnAuthMethodId(m, c.get("rpName").asText())
        : AuthMethodIds.authMethodId(m);
  }

  @TestFactory
  List<DynamicTest> idsEqualTheJsSdkOrAreRefusedWhereItRefuses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases()) {
      String name = c.get("name").asText();
      if (NODE_RULE.containsKey(name)) continue;
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                if (c.has("id")) {
                  assertEquals(c.get("id").asText(), Hex.encode0x(javaId(c)), name);
                } else {
                  LitValidationException e =
                      assertThrows(LitValidationException.class, () -> javaId(c), name);
                  assertTrue(e.getMessage().contains("JS SDK 4.2.0"), e.getMessage());
                }
              }));
    }
    assertTrue(tests.size() >= 15);
    return tests;
  }

  @Test
  void nonAsciiStytchClaimsGetTheIdTheNodesComputeNotThe420LatinOneOne() throws IOException {
    for (JsonNode c : cases()) {
      String name = c.get("name").asText();
      if (!NODE_RULE.containsKey(name)) continue;
      String aud = "project-test-1";
      byte[] expected = AuthMethodIds.keccak(NODE_RULE.get(name) + ":" + aud);
      assertEquals(Hex.encode0x(expected), Hex.encode0x(javaId(c)), name);
      if (c.has("id")) assertNotEquals(c.get("id").asText(), Hex.encode0x(expected), name);
    }
  }

  @Test
  void numbersPrintAsJavaScriptsStringDoes() {
    assertEquals("1", AuthMethodIds.jsNumber(1.0));
    assertEquals("1.5", AuthMethodIds.jsNumber(1.50));
    assertEquals("1e+21", AuthMethodIds.jsNumber(1e21));
    assertEquals("100000000000000000000", AuthMethodIds.jsNumber(1e20));
    assertEquals("0.000001", AuthMethodIds.jsNumber(0.000001));
    assertEquals("1e-7", AuthMethodIds.jsNumber(1e-7));
    // values node's String() printed
    assertEquals("1.2345678901234569e+23", AuthMethodIds.jsNumber(123456789012345678901234.0));
    assertEquals("5e-324", AuthMethodIds.jsNumber(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", AuthMethodIds.jsNumber(Double.MAX_VALUE));
    assertEquals("6e-7", AuthMethodIds.jsNumber(2e-7 * 3));
    assertEquals("-2.5", AuthMethodIds.jsNumber(-2.5));
  }

  @Test
  void lowerCasingIsAsciiOnlyWhateverTheDefaultLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertEquals("istanbul-İ-é", AuthMethodIds.lower("ISTANBUL-İ-é"));
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
