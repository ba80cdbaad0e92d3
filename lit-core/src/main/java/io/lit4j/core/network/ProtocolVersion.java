package io.lit4j.core.network;

import io.lit4j.core.errors.LitValidationException;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a generation of Lit nodes spells its routes. The client resolves every path through {@link
 * #path(LitEndpoint)} or {@link #url(String, LitEndpoint)}, so a later protocol is one enum
 * constant, not a search through the client.
 */
public enum ProtocolVersion {
  /**
   * The v4 JS SDK era (cayenne, manzano, habanero): every route unversioned, e.g. {@code
   * /web/execute}.
   */
  V4_INITIAL(EnumSet.noneOf(LitEndpoint.class)),
  /**
   * The v6/v7 JS SDK era (datil-dev, datil-test, datil), named here for later: the session key,
   * execute and pkp-sign routes gain a {@code /v1} suffix (JS SDK {@code LIT_ENDPOINT}); handshake,
   * claim, encryption-sign and ACC signing stay unversioned. Wire bodies also differ (BLS session
   * key signing, {@code epoch} field): only the routes are modelled here.
   */
  V6_DATIL(EnumSet.of(LitEndpoint.SIGN_SESSION_KEY, LitEndpoint.EXECUTE_JS, LitEndpoint.PKP_SIGN));

  private final Set<LitEndpoint> versionedV1;

  ProtocolVersion(Set<LitEndpoint> versionedV1) {
    this.versionedV1 = versionedV1;
  }

  /**
   * {@return the path of an endpoint in this protocol version, e.g. {@code /web/execute} or {@code
   * /web/execute/v1}}
   *
   * @param endpoint the endpoint
   * @throws LitValidationException when {@code endpoint} is missing
   */
  public String path(LitEndpoint endpoint) {
    if (endpoint == null) throw new LitValidationException("endpoint is missing");
    return versionedV1.contains(endpoint) ? endpoint.basePath() + "/v1" : endpoint.basePath();
  }

  /**
   * The full URL of an endpoint on one node: the node URL (as the network lists it, e.g. {@code
   * http://127.0.0.1:7470}; a trailing {@code /} is ignored) followed by {@link #path}.
   *
   * @param nodeUrl the node's base URL
   * @param endpoint the endpoint
   * @return the endpoint's URL on that node
   * @throws LitValidationException when {@code nodeUrl} is blank or {@code endpoint} is missing
   */
  public String url(String nodeUrl, LitEndpoint endpoint) {
    if (nodeUrl == null || nodeUrl.isBlank()) {
      throw new LitValidationException("nodeUrl is missing or blank");
    }
    String base = nodeUrl.endsWith("/") ? nodeUrl.substring(0, nodeUrl.length() - 1) : nodeUrl;
    return base + path(endpoint);
  }
}
