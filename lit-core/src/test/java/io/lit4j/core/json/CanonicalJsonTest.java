package io.lit4j.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.errors.LitValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  @Test
  void keysSortByUtf16CodeUnitAtEveryLevelWhereJsonStringifyPutsIntegerKeysFirst() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("a", 1);
    inner.put("10", 2);
    inner.put("2", 3);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("9", List.of(inner));
    root.put("10", "x");
    root.put("-1", true);
    root.put("\uFF21", 0);
    root.put("\uD83D\uDE00", 0);
    assertEquals(
        "{\"-1\":true,\"10\":\"x\",\"9\":[{\"10\":2,\"2\":3,\"a\":1}],\"\uD83D\uDE00\":0,\"\uFF21\":0}",
        CanonicalJson.write(root));
    assertEquals(
        "{\"9\":[{\"2\":3,\"10\":2,\"a\":1}],\"10\":\"x\",\"-1\":true,\"\uFF21\":0,\"\uD83D\uDE00\":0}",
        JsJson.stringify(root));
  }

  @Test
  void numbersPrintInTheirShortestRoundTripFormAsJavaScriptDoes() {
    // expected strings are what node 20 prints for the same doubles
    assertEquals("1e+23", JsJson.jsNumber(1e23));
    assertEquals("0.1", JsJson.jsNumber(0.1));
    assertEquals("0.3333333333333333", JsJson.jsNumber(1.0 / 3));
    assertEquals("1.5e-7", JsJson.jsNumber(1.5e-7));
    assertEquals("123456789012345680000", JsJson.jsNumber(123456789012345680000.0));
    assertEquals("1.1805916207174113e+21", JsJson.jsNumber(Math.pow(2, 70)));
    assertEquals("-2.5e-10", JsJson.jsNumber(-2.5e-10));
    assertEquals("5e-324", JsJson.jsNumber(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", JsJson.jsNumber(Double.MAX_VALUE));
    assertEquals("2e+23", JsJson.jsNumber(2e23));
    assertEquals("[1e+23]", CanonicalJson.write(List.of(1e23)));
  }

  @Test
  void nanAndInfinityAreRefusedInCanonicalFormAndNullInJsonStringify() {
    assertThrows(LitValidationException.class, () -> CanonicalJson.write(List.of(Double.NaN)));
    assertThrows(
        LitValidationException.class,
        () -> CanonicalJson.write(Map.of("x", Double.POSITIVE_INFINITY)));
    assertEquals("[null]", JsJson.stringify(List.of(Double.NaN)));
  }
}
