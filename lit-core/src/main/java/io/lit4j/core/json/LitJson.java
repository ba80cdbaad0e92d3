package io.lit4j.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lit4j.core.errors.LitValidationException;

/**
 * The one Jackson setup lit4j uses: unknown fields are ignored (nodes add fields over time), map
 * keys keep insertion order, and nothing is pretty-printed (wire bytes must be compact).
 *
 * <p>Byte-exact {@code JSON.stringify} output, where a signature covers the JSON text, is written
 * by {@link JsJson}, not by Jackson.
 */
public final class LitJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // JSON.parse rejects "{...} junk"; Jackson would silently read the first value
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private static final ObjectReader STRICT_READER =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private LitJson() {}

  /** {@return the shared mapper; do not reconfigure it} */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses JSON text as JavaScript's {@code JSON.parse} would: one value, nothing after it.
   *
   * @param what names the text in the error message, e.g. {@code "signedMessage"}
   * @param json the JSON text
   * @return the parsed value
   * @throws LitValidationException naming {@code what} when it is missing, empty, not JSON or
   *     followed by more text
   */
  public static JsonNode parse(String json, String what) {
    if (json == null) throw new LitValidationException(what + " is missing");
    if (json.isBlank()) throw new LitValidationException(what + " is not valid JSON: it is empty");
    try {
      // Jackson stops after the first value unless told otherwise; "{}x" must not parse as {}
      return STRICT_READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new LitValidationException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Compact JSON text of a value (Jackson's field order; use {@link JsJson} where a signature
   * covers the text).
   *
   * @param value the value to write
   * @return compact JSON text
   * @throws LitValidationException when Jackson cannot write the value
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new LitValidationException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
