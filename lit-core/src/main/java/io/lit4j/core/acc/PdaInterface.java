package io.lit4j.core.acc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a Solana v2 condition reads its value inside a program-derived account: {@code {offset,
 * fields}}, {@code fields} mapping a field name to its byte size.
 *
 * @param offset byte offset into the account data
 * @param fields field name → size in bytes, in the order given
 */
public record PdaInterface(long offset, Map<String, Long> fields) {
  /**
   * @param offset byte offset into the account data
   * @param fields field name → size in bytes, in the order given
   * @throws InvalidAccessControlConditionsException for a negative number or missing fields
   */
  public PdaInterface {
    if (offset < 0) throw Checks.invalid("pdaInterface.offset", "must not be negative");
    Checks.present(fields, "pdaInterface.fields");
    Map<String, Long> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : fields.entrySet()) {
      Checks.present(e.getKey(), "pdaInterface.fields key");
      Long size = e.getValue();
      if (size == null || size < 0) {
        throw Checks.invalid("pdaInterface.fields." + e.getKey(), "must be a non-negative integer");
      }
      copy.put(e.getKey(), size);
    }
    fields = Collections.unmodifiableMap(copy);
  }
}
