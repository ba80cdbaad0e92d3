package io.lit4j.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what Node.js 20's JSON.stringify prints for the same values. */
class JsJsonTest {
  @Test
  void stringsAreEscapedAsJsonStringifyDoes() {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("a", "q\"b\\s\n\r\t\b\f\u0001\u001f\u007f é 😀 \ud800 x");
    obj.put("n", Arrays.asList(1, -2, 0, 1e21, 1.5, null, true));
    obj.put("o", Map.of());
    obj.put("e", List.of());
    assertEquals(
        "{\"a\":\"q\\\"b\\\\s\\n\\r\\t\\b\\f\\u0001\\u001f\u007f é 😀 \\ud800 x\",\"n\":[1,-2,0,1e+21,1.5,null,true],\"o\":{},\"e\":[]}",
        JsJson.stringify(obj));
  }

  @Test
  void lineSeparatorsAndHtmlAreNotEscaped() {
    assertEquals("\"\u2028\u2029</script>\"", JsJson.stringify("\u2028\u2029</script>"));
  }

  @Test
  void keysKeepInsertionOrderAndUndefinedValuesAreOmitted() {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("z", 1);
    obj.put("skip", JsJson.Undefined.INSTANCE);
    obj.put("a", "x");
    assertEquals("{\"z\":1,\"a\":\"x\"}", JsJson.stringify(obj));
    assertEquals("[null]", JsJson.stringify(List.of(JsJson.Undefined.INSTANCE)));
  }

  @Test
  void jacksonTreesAreWrittenTheSameWay() {
    var node = LitJson.parse("{\"b\":[1,2.5,\"\\u00e9\"],\"a\":{\"c\":null,\"d\":false}}", "test");
    assertEquals("{\"b\":[1,2.5,\"é\"],\"a\":{\"c\":null,\"d\":false}}", JsJson.stringify(node));
  }

  @Test
  void numbersFollowJsNumberToString() {
    assertEquals("0.000001", JsJson.jsNumber(1e-6));
    assertEquals("1e-7", JsJson.jsNumber(1e-7));
    assertEquals("123456789012345680000", JsJson.jsNumber(1.2345678901234568e20));
    assertEquals("-1.25", JsJson.jsNumber(-1.25));
    assertEquals("null", JsJson.jsNumber(Double.NaN));
    assertEquals("9007199254740993", JsJson.stringify(9007199254740993L));
  }

  @Test
  void arrayIndexKeysComeFirstAsJavaScriptOrdersThem() {
    // node: JSON.stringify({b:1, 10:2, a:3, 2:4, "01":5, "4294967295":6}) ===
    // '{"2":4,"10":2,"b":1,"a":3,"01":5,"4294967295":6}'
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("10", 2);
    m.put("a", 3);
    m.put("2", 4);
    m.put("01", 5);
    m.put("4294967295", 6);
    String expected = "{\"2\":4,\"10\":2,\"b\":1,\"a\":3,\"01\":5,\"4294967295\":6}";
    assertEquals(expected, JsJson.stringify(m));
    assertEquals(
        expected,
        JsJson.stringify(
            io.lit4j.core.json.LitJson.parse(
                "{\"b\":1,\"10\":2,\"a\":3,\"2\":4,\"01\":5,\"4294967295\":6}", "x")));
    assertEquals(
        List.of("0", "4294967294", "x", "-1"),
        JsJson.propertyOrder(List.of("x", "4294967294", "-1", "0")));
  }

  @Test
  void unsupportedValuesAreRefused() {
    var pojo = assertThrows(LitValidationException.class, () -> JsJson.stringify(new Object()));
    assertTrue(pojo.getMessage().contains("java.lang.Object"), pojo.getMessage());
    assertThrows(
        LitValidationException.class, () -> JsJson.stringify(java.util.List.of(new byte[] {1})));
    assertThrows(LitValidationException.class, () -> JsJson.stringify(JsJson.Undefined.INSTANCE));
    assertThrows(LitValidationException.class, () -> JsJson.quote(new StringBuilder(), null));
  }
}
