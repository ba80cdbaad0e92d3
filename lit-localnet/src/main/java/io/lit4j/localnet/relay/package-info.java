/**
 * A relay on loopback with the v4 relay server's routes, for {@code LitRelay} and the JS SDK's
 * {@code LitAuthClient}.
 */
package io.lit4j.localnet.relay;
