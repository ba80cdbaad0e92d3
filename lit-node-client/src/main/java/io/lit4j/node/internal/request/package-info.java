/** Fan-out, per-node requests and node answer parsing; not for users. */
package io.lit4j.node.internal.request;
