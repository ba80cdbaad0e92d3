/**
 * The Lit node client: {@link io.lit4j.node.LitNodeClient}, configured by
 * {@link io.lit4j.node.LitNodeClientConfig}; {@link io.lit4j.node.ConnectionState} is what a
 * connect learned.
 */
package io.lit4j.node;
