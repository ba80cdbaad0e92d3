/**
 * Where session keys and wallet signatures are kept between calls:
 * {@link io.lit4j.node.session.SessionKeyStore}, in memory or in files.
 */
package io.lit4j.node.session;
