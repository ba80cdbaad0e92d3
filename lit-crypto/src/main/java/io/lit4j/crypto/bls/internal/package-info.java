/**
 * Implementation details of {@code io.lit4j.crypto.bls}; not a public API, may change without
 * notice.
 */
package io.lit4j.crypto.bls.internal;
