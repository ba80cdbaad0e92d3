package io.lit4j.node;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * What {@code pkpSign} signs: a 32-byte digest (nodes sign it as is; they do not hash), with the
 * PKP's public key, the auth sig for each node and optional auth methods.
 *
 * @param toSign the 32-byte digest, below the secp256k1 order
 * @param pkpPublicKey the PKP's public key (sent uncompressed, {@code 0x04…}, as nodes need)
 * @param auth the auth sig for each node
 * @param authMethods auth methods sent as {@code authMethods}; empty to omit the field
 */
public record PkpSignRequest(
    byte[] toSign, Secp256k1PublicKey pkpPublicKey, NodeAuth auth, List<AuthMethod> authMethods) {
  /**
   * @param toSign the 32-byte digest, below the secp256k1 order
   * @param pkpPublicKey the PKP's public key (sent uncompressed, {@code 0x04…}, as nodes need)
   * @param auth the auth sig for each node
   * @param authMethods auth methods sent as {@code authMethods}; empty to omit the field
   * @throws LitValidationException if {@code toSign} is not 32 bytes below the order, or a part is
   *     missing
   */
  public PkpSignRequest {
    if (toSign == null || toSign.length != 32) {
      throw new LitValidationException(
          "toSign must be a 32-byte digest (nodes do not hash it), got "
              + (toSign == null ? "none" : toSign.length + " bytes"));
    }
    if (new java.math.BigInteger(1, toSign).compareTo(Secp256k1.ORDER) >= 0) {
      throw new LitValidationException("toSign must be below the secp256k1 group order");
    }
    toSign = toSign.clone();
    if (pkpPublicKey == null) throw new LitValidationException("pkpPublicKey is missing");
    if (auth == null) throw new LitValidationException("pkpSign needs an auth sig per node (auth)");
    if (authMethods == null) throw new LitValidationException("authMethods is null; use List.of()");
    for (AuthMethod m : authMethods)
      if (m == null) throw new LitValidationException("authMethods holds a null");
    authMethods = List.copyOf(authMethods);
  }

  /** {@return a builder; digest, public key and auth are required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The 32-byte digest to sign (a fresh copy).
   *
   * @return the digest
   */
  @Override
  public byte[] toSign() {
    return toSign.clone();
  }

  /** {@return the auth methods, if any were given} */
  public Optional<List<AuthMethod>> authMethodsIfAny() {
    return authMethods.isEmpty() ? Optional.empty() : Optional.of(authMethods);
  }

  /** Builds a {@link PkpSignRequest}. */
  public static final class Builder {
    private byte[] toSign;
    private Secp256k1PublicKey pkpPublicKey;
    private NodeAuth auth;
    private List<AuthMethod> authMethods = List.of();

    private Builder() {}

    /**
     * The 32-byte digest to sign (required; nodes sign it as is).
     *
     * @param toSign the digest
     * @return this builder
     */
    public Builder toSign(byte[] toSign) {
      this.toSign = toSign;
      return this;
    }

    /**
     * The PKP's public key (required).
     *
     * @param pkpPublicKey the PKP's public key
     * @return this builder
     */
    public Builder pkpPublicKey(Secp256k1PublicKey pkpPublicKey) {
      this.pkpPublicKey = pkpPublicKey;
      return this;
    }

    /**
     * The auth sig for each node (required), e.g. {@code NodeAuth.sessionSigs(sessionSigs)}.
     *
     * @param auth the auth sig for each node
     * @return this builder
     */
    public Builder auth(NodeAuth auth) {
      this.auth = auth;
      return this;
    }

    /**
     * Each node's session sig from {@code sessionSigs}: short for {@code
     * auth(NodeAuth.sessionSigs(sessionSigs))}.
     *
     * @param sessionSigs the session sigs of the connected nodes
     * @return this builder
     * @throws LitValidationException if {@code sessionSigs} is null
     */
    public Builder auth(SessionSigs sessionSigs) {
      return auth(NodeAuth.sessionSigs(sessionSigs));
    }

    /**
     * Auth methods sent as {@code authMethods} (default none).
     *
     * @param authMethods the auth methods
     * @return this builder
     */
    public Builder authMethods(List<AuthMethod> authMethods) {
      this.authMethods = authMethods;
      return this;
    }

    /**
     * {@return the request}
     *
     * @throws LitValidationException if the digest is not 32 bytes below the order, or a part is
     *     missing
     */
    public PkpSignRequest build() {
      return new PkpSignRequest(toSign, pkpPublicKey, auth, authMethods);
    }
  }
}
