/** Capacity delegation's steps behind the client; not for users. */
package io.lit4j.node.internal.capacity;
