package io.lit4j.core.json;

import io.lit4j.core.errors.LitValidationException;

/**
 * Writes canonical JSON: no spaces, object keys sorted by UTF-16 code unit at every level ({@code
 * "-1" < "10" < "9" < "a"}), strings and numbers as {@code JSON.stringify} writes them (numbers in
 * their shortest round-trip form, {@code 1e+23}). This is the form of the npm {@code canonicalize}
 * 2.1.0 package that JS SDK 4.2.0 (through siwe-recap) encodes ReCaps with, and the key order
 * EIP-5573 asks for.
 *
 * <p>Its sibling {@link JsJson} writes {@code JSON.stringify} text (JavaScript property order:
 * integer-like keys first); the two differ exactly on objects with integer-like keys.
 *
 * <p>Values: those of {@link JsJson}; {@link JsJson.Undefined} members are left out, as {@code
 * canonicalize} leaves out {@code undefined}.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * {@return the canonical JSON text of {@code value}}
   *
   * @param value a {@code null}, String, Boolean, Number, Map, List or Jackson JsonNode
   * @throws LitValidationException for a value of another kind, NaN or an infinity (canonicalize
   *     refuses them), or a top-level {@link JsJson.Undefined}
   */
  public static String write(Object value) {
    if (value instanceof JsJson.Undefined) {
      throw new LitValidationException("CanonicalJson cannot write a top-level undefined");
    }
    StringBuilder sb = new StringBuilder();
    JsJson.write(sb, value, true);
    return sb.toString();
  }
}
