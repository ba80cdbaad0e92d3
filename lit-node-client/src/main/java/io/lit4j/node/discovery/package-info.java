/**
 * Which nodes to talk to: {@link io.lit4j.node.discovery.ValidatorSource} and the
 * {@link io.lit4j.node.discovery.ValidatorSet} it returns (node URLs, threshold, epoch).
 */
package io.lit4j.node.discovery;
