package io.lit4j.core.network;

/**
 * The node routes a client calls, independent of how a protocol version spells them. Resolve the
 * path with {@link ProtocolVersion#path(LitEndpoint)}; never hard-code it.
 */
public enum LitEndpoint {
  /** {@code /web/handshake}: keys, latest blockhash, attestation. */
  HANDSHAKE("/web/handshake"),
  /** {@code /web/sign_session_key}: the PKP signs a SIWE delegating to a session key. */
  SIGN_SESSION_KEY("/web/sign_session_key"),
  /** {@code /web/execute}: run a Lit Action. */
  EXECUTE_JS("/web/execute"),
  /** {@code /web/pkp/sign}: ECDSA signature share with a PKP. */
  PKP_SIGN("/web/pkp/sign"),
  /** {@code /web/pkp/claim}: node signature over a derived key id. */
  PKP_CLAIM("/web/pkp/claim"),
  /** {@code /web/encryption/sign}: BLS decryption share after the condition check. */
  ENCRYPTION_SIGN("/web/encryption/sign"),
  /** {@code /web/signing/access_control_condition}: BLS share over an unsigned JWT. */
  SIGN_ACCS("/web/signing/access_control_condition");

  private final String basePath;

  LitEndpoint(String basePath) {
    this.basePath = basePath;
  }

  /** {@return the unversioned path, e.g. {@code /web/execute}} */
  public String basePath() {
    return basePath;
  }
}
