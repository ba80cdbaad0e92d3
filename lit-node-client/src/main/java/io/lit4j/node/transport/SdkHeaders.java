package io.lit4j.node.transport;

import io.lit4j.core.constants.LitConstants;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every node request carries, exactly as the Lit JS SDK 4.2.0 sends them, and the
 * request id they share across the nodes of one logical request.
 */
public final class SdkHeaders {
  /** {@code X-Lit-SDK-Version}; nodes echo it in the handshake. */
  public static final String SDK_VERSION = LitConstants.SDK_VERSION;

  /** {@code X-Lit-SDK-Type}. */
  public static final String SDK_TYPE = LitConstants.SDK_TYPE;

  /** Prefix of every {@code X-Request-Id}. */
  public static final String REQUEST_ID_PREFIX = "lit_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private SdkHeaders() {}

  /**
   * A new request id {@code lit_<hex>}: 13 lowercase hex digits, like the SDK's {@code
   * Math.random().toString(16).slice(2)}, but from a {@link SecureRandom}.
   *
   * @return a new request id
   */
  public static String newRequestId() {
    byte[] b = new byte[7];
    RANDOM.nextBytes(b);
    return REQUEST_ID_PREFIX + HexFormat.of().formatHex(b).substring(1);
  }

  /**
   * {@return the four headers of a node request, in the SDK's order}
   *
   * @param requestId the full {@code X-Request-Id} value, {@code lit_<hex>}
   */
  public static Map<String, String> forRequest(String requestId) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put(LitConstants.HEADER_SDK_VERSION, SDK_VERSION);
    h.put(LitConstants.HEADER_SDK_TYPE, SDK_TYPE);
    h.put(LitConstants.HEADER_REQUEST_ID, requestId);
    return h;
  }
}
