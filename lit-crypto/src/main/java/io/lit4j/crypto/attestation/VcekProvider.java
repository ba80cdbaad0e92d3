package io.lit4j.crypto.attestation;

import java.util.Optional;

/**
 * Supplies the VCEK certificate (X.509 DER) that signs a node's attestation report. The JS SDK
 * fetches it from AMD's key distribution service at {@link SevSnpReport#vcekUrl()} and caches it
 * per URL; in lit4j the verifier does no I/O and asks a provider instead.
 *
 * <p>Implementations: {@link InMemoryVcekCache} (caller-supplied certificates and a memory cache),
 * {@link FileVcekCache} (a directory of certificates keyed by a hash of the URL). Both can read
 * through to another provider, such as an HTTP fetcher of the node client. Implementations must be
 * safe to call from several threads.
 */
@FunctionalInterface
public interface VcekProvider {
  /**
   * Returns the DER bytes of the VCEK certificate published at {@code vcekUrl}.
   *
   * @param vcekUrl the AMD KDS URL, {@link SevSnpReport#vcekUrl()} of {@code report}; the cache key
   * @param report the report the certificate must verify (for providers that need more than the
   *     URL)
   * @return the certificate, or empty when this provider has none for the URL
   * @throws io.lit4j.core.errors.LitException (a subtype) when the provider tried and failed, e.g.
   *     a fetch that timed out or a cache file that cannot be read
   */
  Optional<byte[]> vcekDer(String vcekUrl, SevSnpReport report);
}
