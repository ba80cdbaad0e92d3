package io.lit4j.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import org.junit.jupiter.api.Test;

class LitJsonTest {
  @Test
  void parsesOneJsonValue() {
    assertEquals(1, LitJson.parse("{\"a\":1}", "body").get("a").asInt());
    assertTrue(LitJson.parse(" [1,2] ", "body").isArray());
  }

  @Test
  void textAfterTheValueIsRefusedAsJsonParseRefusesIt() {
    var e =
        assertThrows(
            LitValidationException.class, () -> LitJson.parse("{\"a\":1}x", "signedMessage"));
    assertTrue(e.getMessage().startsWith("signedMessage is not valid JSON"), e.getMessage());
    assertThrows(LitValidationException.class, () -> LitJson.parse("{} {}", "body"));
  }

  @Test
  void missingOrEmptyTextIsNamed() {
    assertEquals(
        "body is missing",
        assertThrows(LitValidationException.class, () -> LitJson.parse(null, "body")).getMessage());
    assertTrue(
        assertThrows(LitValidationException.class, () -> LitJson.parse("  ", "body"))
            .getMessage()
            .contains("empty"));
    assertTrue(
        assertThrows(LitValidationException.class, () -> LitJson.parse("{", "body"))
            .getMessage()
            .startsWith("body"));
  }
}
