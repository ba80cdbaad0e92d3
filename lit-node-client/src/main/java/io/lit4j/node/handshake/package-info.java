/**
 * The {@code /web/handshake} answer of a node ({@link io.lit4j.node.handshake.NodeHandshake}) and
 * its SEV-SNP attestation check ({@link io.lit4j.node.handshake.AttestationVerifier}, {@link
 * io.lit4j.node.handshake.SevSnpAttestationVerifier}).
 */
package io.lit4j.node.handshake;
