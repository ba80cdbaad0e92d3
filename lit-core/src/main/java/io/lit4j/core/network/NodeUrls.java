package io.lit4j.core.network;

import io.lit4j.core.errors.LitValidationException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Node URLs, the one place lit4j spells them: how the v4 SDK builds a node's URL from its Staking
 * {@code Validator} entry, and what a node URL given by a user may look like.
 *
 * <p>The rule (client-protocol.md §1.3, 4.2.0 {@code getValidators}): {@code (port == 443 ?
 * "https://" : "http://") + intToIp(ip) + ":" + port}, the port always printed, so {@code
 * https://1.2.3.4:443}. Ports are printed as the contract stores them (a uint32), as the SDK does:
 * a port no socket can use then fails at connect, not while the validator list is read. These exact
 * strings are the node identities in session sigs, so they are never rewritten.
 */
public final class NodeUrls {
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  private NodeUrls() {}

  /**
   * Renders a big-endian uint32 IPv4 address as a dotted quad: {@code 2130706433} → {@code
   * 127.0.0.1}.
   *
   * @param ip the address as a uint32
   * @return the dotted quad
   * @throws LitValidationException when {@code ip} is not a uint32
   */
  public static String intToIp(long ip) {
    if (ip < 0 || ip > UINT32_MAX) {
      throw new LitValidationException("ip must be a uint32, got " + ip);
    }
    return ((ip >>> 24) & 0xFF)
        + "."
        + ((ip >>> 16) & 0xFF)
        + "."
        + ((ip >>> 8) & 0xFF)
        + "."
        + (ip & 0xFF);
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
      throw new LitValidationException(
          "ip must be a dotted quad like 127.0.0.1, got " + dottedQuad);
    }
    long out = 0;
    for (String p : parts) {
      // ASCII digits only: Integer.parseInt also takes "+1" and non-ASCII digits such as "١"
      if (!p.matches("[0-9]{1,3}")) {
        throw new LitValidationException(
            "ip must be a dotted quad like 127.0.0.1, got " + dottedQuad);
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
   * The node URL of a Staking validator, as v4 {@code getValidators} builds it: {@code https://}
   * only for port 443, else {@code http://}; the port is always printed.
   *
   * @param ip the IPv4 address as a uint32
   * @param port the TCP port as the contract stores it (a uint32)
   * @return the node URL, e.g. {@code http://127.0.0.1:7470} or {@code https://1.2.3.4:443}
   * @throws LitValidationException when {@code ip} or {@code port} is not a uint32
   */
  public static String fromValidator(long ip, long port) {
    if (port < 0 || port > UINT32_MAX) {
      throw new LitValidationException("port must be a uint32, got " + port);
    }
    return (port == 443 ? "https://" : "http://") + intToIp(ip) + ":" + port;
  }

  /**
   * Checks a node URL given by a user and returns it unchanged (it is the node's identity, so it is
   * never rewritten).
   *
   * @param url the node URL
   * @return {@code url}
   * @throws LitValidationException if it is not {@code http(s)://host[:port]}
   */
  public static String check(String url) {
    if (url == null || url.isBlank()) throw new LitValidationException("node URL is missing");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new LitValidationException("node URL '" + url + "' is not a URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new LitValidationException(
          "node URL '" + url + "' must start with http:// or https://");
    }
    if (uri.getHost() == null)
      throw new LitValidationException("node URL '" + url + "' has no host");
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new LitValidationException(
          "node URL '"
              + url
              + "' must be only scheme, host and port (no path, no trailing '/'), e.g. http://127.0.0.1:7470");
    }
    return url;
  }
}
