package io.lit4j.contracts.internal;

import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decodes the return data of a reverted call: {@code Error(string)} ({@code 0x08c379a0}), {@code
 * Panic(uint256)} ({@code 0x4e487b71}) or, for a custom error, its 4-byte selector.
 */
public final class RevertReasons {
  private static final String ERROR_SELECTOR = "08c379a0";
  private static final String PANIC_SELECTOR = "4e487b71";

  private RevertReasons() {}

  /**
   * The human-readable reason in {@code revertData} (hex, optional 0x), or empty when there is no
   * data. Malformed data yields a description of what was there rather than an exception.
   *
   * @param revertData the revert data, hex
   * @return the human-readable reason in {@code revertData} (hex, optional 0x), or empty when there
   *     is no data
   */
  public static Optional<String> decode(String revertData) {
    if (revertData == null) return Optional.empty();
    String hex = Hex.strip0x(revertData.trim());
    if (hex.isEmpty() || !Hex.isHex(hex)) return Optional.empty();
    byte[] data = Hex.decode(hex, "revertData");
    if (data.length < 4) return Optional.of("revert data 0x" + hex);
    String selector = hex.substring(0, 8).toLowerCase();
    if (selector.equals(ERROR_SELECTOR)) {
      return Optional.of(decodeErrorString(data).orElse("malformed Error(string) 0x" + hex));
    }
    if (selector.equals(PANIC_SELECTOR) && data.length >= 36) {
      BigInteger code = new BigInteger(1, Arrays.copyOfRange(data, 4, 36));
      return Optional.of("Panic(0x" + code.toString(16) + ")");
    }
    return Optional.of(
        "custom error 0x" + selector + (data.length > 4 ? " with data 0x" + hex.substring(8) : ""));
  }

  private static Optional<String> decodeErrorString(byte[] data) {
    // layout after the selector: offset word (0x20), length word, UTF-8 bytes padded to 32
    if (data.length < 4 + 64) return Optional.empty();
    BigInteger offset = new BigInteger(1, Arrays.copyOfRange(data, 4, 36));
    if (offset.compareTo(BigInteger.valueOf(data.length)) > 0) return Optional.empty();
    int lengthAt = 4 + offset.intValueExact();
    if (lengthAt + 32 > data.length) return Optional.empty();
    BigInteger length = new BigInteger(1, Arrays.copyOfRange(data, lengthAt, lengthAt + 32));
    if (length.compareTo(BigInteger.valueOf(data.length - lengthAt - 32)) > 0)
      return Optional.empty();
    int start = lengthAt + 32;
    return Optional.of(new String(data, start, length.intValueExact(), StandardCharsets.UTF_8));
  }
}
