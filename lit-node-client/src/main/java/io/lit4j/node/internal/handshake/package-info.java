/** Handshake wire format and consensus; not for users. */
package io.lit4j.node.internal.handshake;
