/**
 * The HTTP seam: {@link io.lit4j.node.transport.NodeTransport} (POST JSON to one node), {@link
 * io.lit4j.node.transport.OkHttpNodeTransport}, and the SDK headers every request carries ({@link
 * io.lit4j.node.transport.SdkHeaders}).
 */
package io.lit4j.node.transport;
