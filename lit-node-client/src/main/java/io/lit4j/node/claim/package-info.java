/** Claimable keys: node signatures over a derived key id ({@code claimKeyId}). */
package io.lit4j.node.claim;
