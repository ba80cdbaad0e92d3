/** Transaction plumbing of lit-localnet's chain side; not part of the public API. */
package io.lit4j.localnet.chain.internal;
