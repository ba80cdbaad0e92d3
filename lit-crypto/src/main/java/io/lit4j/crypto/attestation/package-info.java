/**
 * AMD SEV-SNP attestation of Lit nodes, checked the way JS SDK 4.2.0's {@code
 * checkSevSnpAttestation} checks the {@code attestation} of a {@code /web/handshake} answer.
 *
 * <p>Start at {@link io.lit4j.crypto.attestation.SevSnpVerifier#verify}: parse the handshake's
 * {@code attestation} with {@link io.lit4j.crypto.attestation.SevSnpAttestation#fromJson}, supply
 * the chip's VCEK certificate through a {@link io.lit4j.crypto.attestation.VcekProvider} (the
 * verifier itself does no network I/O; {@link io.lit4j.crypto.attestation.InMemoryVcekCache} and
 * {@link io.lit4j.crypto.attestation.FileVcekCache} keep certificates by their AMD KDS URL), and
 * catch {@link io.lit4j.crypto.attestation.SevSnpVerificationException}, which names the check that
 * failed. The AMD Milan root (ARK) and intermediate (ASK) certificates are pinned in this jar
 * ({@link io.lit4j.crypto.attestation.AmdRootCertificates#milan()}).
 */
package io.lit4j.crypto.attestation;
