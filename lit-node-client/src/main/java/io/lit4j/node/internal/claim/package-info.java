/** The {@code /web/pkp/claim} wire format; not for users. */
package io.lit4j.node.internal.claim;
