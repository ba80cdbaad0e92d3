/**
 * The pieces behind {@link io.lit4j.node.LitNodeClient}: the resources a client owns, the
 * connector, the calls to connected nodes and the futures helper; not for users.
 */
package io.lit4j.node.internal;
