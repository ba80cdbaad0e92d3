package io.lit4j.crypto.attestation;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VCEK certificates kept in memory by AMD KDS URL: certificates the caller supplies, and what an
 * optional upstream provider returns on a miss (the JS SDK's {@code globalThis.amdCertStore}).
 * Share one instance between clients so each chip's certificate is asked for once. Thread-safe.
 *
 * <p>Only values of at least {@value SevSnpVerifier#MIN_VCEK_BYTES} bytes are kept, so an error
 * page from upstream is not cached forever (the SDK's cache keeps whatever it got).
 */
public final class InMemoryVcekCache implements VcekProvider {
  private final ConcurrentHashMap<String, byte[]> certificates = new ConcurrentHashMap<>();
  private final VcekProvider upstream;

  /** An empty cache with no upstream: it knows only what is {@link #put}. */
  public InMemoryVcekCache() {
    this.upstream = null;
  }

  /**
   * A cache that asks {@code upstream} on a miss and keeps the answer.
   *
   * @param upstream where a missing certificate is fetched from
   * @throws LitValidationException when {@code upstream} is missing
   */
  public InMemoryVcekCache(VcekProvider upstream) {
    if (upstream == null) throw new LitValidationException("upstream VCEK provider is missing");
    this.upstream = upstream;
  }

  /**
   * {@return a cache holding the given certificates (VCEK URL to DER), with no upstream}
   *
   * @param certificatesByVcekUrl VCEK URL → DER certificate
   * @throws LitValidationException when a URL or certificate is missing or a certificate is shorter
   *     than {@value SevSnpVerifier#MIN_VCEK_BYTES} bytes
   */
  public static InMemoryVcekCache of(Map<String, byte[]> certificatesByVcekUrl) {
    Args.required(certificatesByVcekUrl, "certificatesByVcekUrl");
    InMemoryVcekCache cache = new InMemoryVcekCache();
    certificatesByVcekUrl.forEach(cache::put);
    return cache;
  }

  /**
   * Stores a certificate for a VCEK URL, replacing any held.
   *
   * @param vcekUrl the VCEK URL
   * @param vcekDer the VCEK certificate, DER
   * @throws LitValidationException when the URL or certificate is missing or the certificate is
   *     shorter than {@value SevSnpVerifier#MIN_VCEK_BYTES} bytes
   */
  public void put(String vcekUrl, byte[] vcekDer) {
    VcekCacheKeys.checkUrl(vcekUrl);
    VcekCacheKeys.checkCertificate(vcekUrl, vcekDer);
    certificates.put(vcekUrl, vcekDer.clone());
  }

  /**
   * {@return the certificate held for a VCEK URL (a copy), without asking upstream}
   *
   * @param vcekUrl the VCEK URL
   */
  public Optional<byte[]> get(String vcekUrl) {
    byte[] der = vcekUrl == null ? null : certificates.get(vcekUrl);
    return der == null ? Optional.empty() : Optional.of(der.clone());
  }

  /**
   * Forgets the certificate held for a VCEK URL; returns whether one was held.
   *
   * @param vcekUrl the VCEK URL
   * @return whether a certificate was held
   */
  public boolean remove(String vcekUrl) {
    return vcekUrl != null && certificates.remove(vcekUrl) != null;
  }

  /** {@return how many certificates are held} */
  public int size() {
    return certificates.size();
  }

  /**
   * The held certificate, or else upstream's answer (kept when long enough).
   *
   * @throws LitValidationException when {@code vcekUrl} is missing
   * @throws io.lit4j.core.errors.LitException whatever upstream throws
   */
  @Override
  public Optional<byte[]> vcekDer(String vcekUrl, SevSnpReport report) {
    VcekCacheKeys.checkUrl(vcekUrl);
    Optional<byte[]> held = get(vcekUrl);
    if (held.isPresent() || upstream == null) return held;
    Optional<byte[]> fetched = upstream.vcekDer(vcekUrl, report);
    fetched
        .filter(VcekCacheKeys::longEnough)
        .ifPresent(der -> certificates.put(vcekUrl, der.clone()));
    return fetched.map(byte[]::clone);
  }
}
