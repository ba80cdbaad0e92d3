/** lit-localnet plumbing shared by its servers; not public API. */
package io.lit4j.localnet.internal;
