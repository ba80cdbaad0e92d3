package io.lit4j.node;

import io.lit4j.core.errors.LitValidationException;
import java.net.URI;
import java.net.URISyntaxException;

/** Rules for node URLs: {@code http(s)://host[:port]}, nothing after the authority. */
public final class NodeUrls {
  private NodeUrls() {}

  /**
   * Checks a node URL and returns it unchanged (it is the node's identity, so it is never rewritten).
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
      throw new LitValidationException("node URL '" + url + "' must start with http:// or https://");
    }
    if (uri.getHost() == null) throw new LitValidationException("node URL '" + url + "' has no host");
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new LitValidationException(
          "node URL '" + url + "' must be only scheme, host and port (no path, no trailing '/'), e.g. http://127.0.0.1:7470");
    }
    return url;
  }

  /**
   * The SDK's node URL for a Staking validator: {@code https://} only for port 443, the port always
   * printed, the IPv4 address as a big-endian dotted quad.
   *
   * @param ipv4 the IPv4 address as a uint32
   * @param port the TCP port
   * @return the node URL
   * @throws LitValidationException if the port is not in 1..65535
   */
  public static String fromValidator(long ipv4, int port) {
    if (port < 1 || port > 65535) throw new LitValidationException("validator port must be in 1..65535, got " + port);
    String ip = ((ipv4 >>> 24) & 0xff) + "." + ((ipv4 >>> 16) & 0xff) + "." + ((ipv4 >>> 8) & 0xff) + "." + (ipv4 & 0xff);
    return (port == 443 ? "https://" : "http://") + ip + ":" + port;
  }
}
