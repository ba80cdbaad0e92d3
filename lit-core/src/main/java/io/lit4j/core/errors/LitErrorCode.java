package io.lit4j.core.errors;

import java.util.Optional;

/**
 * The error codes lit4j raises itself, as {@link LitException#errorCode()} carries them. Codes a
 * node sends stay raw strings (they are the node's vocabulary, e.g. {@code NodeInvalidAuthSig});
 * these are the SDK's, spelled as the JS SDK 4.2.0 spells the same condition where it has one.
 *
 * <pre>{@code
 * } catch (LitException e) {
 *   if (e.is(LitErrorCode.NOT_READY)) client.connect();
 * }
 * }</pre>
 */
public enum LitErrorCode {
  /**
   * A request was made before a successful {@code connect()} (4.2.0 {@code
   * lit_node_client_not_ready_error}).
   */
  NOT_READY("lit_node_client_not_ready_error"),
  /** A request was made after {@code close()}. */
  CLIENT_CLOSED("client_closed"),
  /** The validator set could not be used (4.2.0 {@code init_error}). */
  INIT_ERROR("init_error"),
  /** A node's handshake answer is malformed or does not answer the challenge. */
  INVALID_HANDSHAKE("invalid_handshake"),
  /** The nodes' handshakes disagree on the network keys. */
  DIVERGENT_HANDSHAKE("divergent_handshake"),
  /** A node's SEV-SNP attestation is missing or invalid (4.2.0 {@code InvalidNodeAttestation}). */
  INVALID_NODE_ATTESTATION("InvalidNodeAttestation"),
  /** A node's answer could not be read (a missing or malformed field or share). */
  INVALID_NODE_RESPONSE("invalid_node_response"),
  /**
   * Too few signature shares combine into a signature that verifies (4.2.0 {@code NoValidShares}).
   */
  NO_VALID_SHARES("NoValidShares"),
  /** Shares of an unknown signature scheme (4.2.0 {@code UnknownSignatureError}). */
  UNKNOWN_SIGNATURE_ERROR("UnknownSignatureError"),
  /** A signature type lit4j does not know (4.2.0 {@code UnknownSignatureType}). */
  UNKNOWN_SIGNATURE_TYPE("UnknownSignatureType"),
  /** The client settings are contradictory (4.2.0 {@code LitNodeClientBadConfigError}). */
  BAD_CONFIG("LitNodeClientBadConfigError"),
  /** A ReCap cannot be built or read (4.2.0 {@code RecapError}). */
  RECAP_ERROR("RecapError"),
  /** A SIWE message cannot be parsed (4.2.0 {@code SiweParseError}). */
  SIWE_PARSE_ERROR("SiweParseError"),
  /** An auth method type lit4j cannot handle (4.2.0 {@code UnsupportedAuthMethodType}). */
  UNSUPPORTED_AUTH_METHOD_TYPE("UnsupportedAuthMethodType"),
  /** A chain name lit4j does not know (4.2.0 {@code UnsupportedChainException}). */
  UNSUPPORTED_CHAIN("UnsupportedChainException"),
  /** Access control conditions are malformed (4.2.0 {@code InvalidAccessControlConditions}). */
  INVALID_ACCESS_CONTROL_CONDITIONS("InvalidAccessControlConditions"),
  /** A SIWE message's Expiration Time has passed (siwe {@code EXPIRED_MESSAGE}). */
  SIWE_EXPIRED_MESSAGE("EXPIRED_MESSAGE"),
  /** A SIWE message's Not Before time has not come yet (siwe {@code NOT_YET_VALID_MESSAGE}). */
  SIWE_NOT_YET_VALID_MESSAGE("NOT_YET_VALID_MESSAGE"),
  /** A SIWE message is bound to another domain (siwe {@code DOMAIN_MISMATCH}). */
  SIWE_DOMAIN_MISMATCH("DOMAIN_MISMATCH"),
  /** A SIWE message carries another nonce (siwe {@code NONCE_MISMATCH}). */
  SIWE_NONCE_MISMATCH("NONCE_MISMATCH"),
  /** A SIWE message carries another URI scheme (siwe {@code SCHEME_MISMATCH}). */
  SIWE_SCHEME_MISMATCH("SCHEME_MISMATCH"),
  /** A SIWE signature does not recover the message's address (siwe {@code INVALID_SIGNATURE}). */
  SIWE_INVALID_SIGNATURE("INVALID_SIGNATURE");

  private final String code;

  LitErrorCode(String code) {
    this.code = code;
  }

  /** {@return the code as {@link LitException#errorCode()} carries it (stable)} */
  public String code() {
    return code;
  }

  /**
   * {@return the SDK code spelled {@code code}, or empty for a node's code or an unknown one}
   *
   * @param code an error code string
   */
  public static Optional<LitErrorCode> fromCode(String code) {
    for (LitErrorCode c : values()) if (c.code.equals(code)) return Optional.of(c);
    return Optional.empty();
  }
}
