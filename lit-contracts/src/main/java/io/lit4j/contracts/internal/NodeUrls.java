package io.lit4j.contracts.internal;

import io.lit4j.core.errors.LitValidationException;

/** How the SDK turns a Staking {@code Validator}'s {@code ip}/{@code port} into a node URL. */
public final class NodeUrls {
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  private NodeUrls() {}

  /**
   * Renders a big-endian uint32 IPv4 address as a dotted quad: {@code 2130706433} → {@code 127.0.0.1}.
   *
   * @param ip the address as a uint32
   * @return the dotted quad
   */
  public static String intToIp(long ip) {
    if (ip < 0 || ip > UINT32_MAX) {
      throw new LitValidationException("ip must be a uint32, got " + ip);
    }
    return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF);
  }

  /**
   * Parses a dotted quad into the uint32 the Staking contract stores.
   *
   * @param dottedQuad e.g. {@code 127.0.0.1}
   * @return the address as a uint32
   * @throws LitValidationException when it is not four decimal octets 0-255
   */
  public static long ipToInt(String dottedQuad) {
    String[] parts = dottedQuad == null ? new String[0] : dottedQuad.split("\\.", -1);
    if (parts.length != 4) {
      throw new LitValidationException("ip must be a dotted quad like 127.0.0.1, got " + dottedQuad);
    }
    long out = 0;
    for (String p : parts) {
      // ASCII digits only: Integer.parseInt also takes "+1" and non-ASCII digits such as "١"
      if (!p.matches("[0-9]{1,3}")) {
        throw new LitValidationException("ip must be a dotted quad like 127.0.0.1, got " + dottedQuad);
      }
      int octet = Integer.parseInt(p);
      if (octet > 255) {
        throw new LitValidationException("ip octet out of range 0-255 in " + dottedQuad);
      }
      out = (out << 8) | octet;
    }
    return out;
  }

  /**
   * Node URL as v4 {@code getValidators} builds it: {@code https://} only for port 443, else
   * {@code http://}; the port is always printed ({@code https://1.2.3.4:443}).
   *
   * @param ip the IPv4 address as a uint32
   * @param port the TCP port
   * @return the node URL
   */
  public static String nodeUrl(long ip, long port) {
    if (port < 0 || port > UINT32_MAX) {
      throw new LitValidationException("port must be a uint32, got " + port);
    }
    return (port == 443 ? "https://" : "http://") + intToIp(ip) + ":" + port;
  }
}
