package io.lit4j.contracts;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.methods.AuthMethodIds;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/**
 * An auth method as PKPPermissions stores it: {@code (uint256 authMethodType, bytes id, bytes
 * userPubkey)}.
 *
 * <p>The JS SDK computes 32-byte ids (e.g. EthWallet: {@code keccak256("<address>:lit")}); the
 * contract treats ids as opaque bytes (20 raw bytes for an address, a multihash for a Lit Action),
 * so any non-empty id is accepted. {@code userPubkey} matters only for WebAuthn and is empty
 * otherwise.
 *
 * @param authMethodType the numeric type (1 EthWallet, 2 Lit Action, 3 WebAuthn, 6 Google JWT, …)
 * @param id the auth method id bytes
 * @param userPubkey the user public key (WebAuthn), or empty
 */
public record PermittedAuthMethod(long authMethodType, byte[] id, byte[] userPubkey) {

  /**
   * Validates the components.
   *
   * @param authMethodType the numeric type (1 EthWallet, 2 Lit Action, 3 WebAuthn, 6 Google JWT, …)
   * @param id the auth method id bytes
   * @param userPubkey the user public key (WebAuthn), or empty
   */
  public PermittedAuthMethod {
    if (authMethodType <= 0) {
      throw new LitValidationException(
          "authMethodType must be a positive auth method type, got " + authMethodType);
    }
    if (id == null || id.length == 0) {
      throw new LitValidationException("id must be the non-empty auth method id bytes");
    }
    if (userPubkey == null) {
      throw new LitValidationException(
          "userPubkey must be given; use an empty array when the method has none");
    }
    id = id.clone();
    userPubkey = userPubkey.clone();
  }

  /**
   * {@return an auth method without a user public key}
   *
   * @param type the auth method type
   * @param id the auth method id bytes
   */
  public static PermittedAuthMethod of(AuthMethodType type, byte[] id) {
    return of(type, id, new byte[0]);
  }

  /**
   * {@return an auth method with a user public key (WebAuthn)}
   *
   * @param type the auth method type
   * @param id the auth method id bytes
   * @param userPubkey the WebAuthn user public key
   */
  public static PermittedAuthMethod of(AuthMethodType type, byte[] id, byte[] userPubkey) {
    if (type == null) throw new LitValidationException("authMethodType must be given");
    return new PermittedAuthMethod(type.value(), id, userPubkey);
  }

  /**
   * The entry the JS SDK's {@code mintWithAuth} writes for a node-facing auth method: its type and
   * {@link AuthMethodIds#authMethodId(AuthMethod)} (e.g. EthWallet {@code
   * keccak256("<address>:lit")}).
   *
   * @param authMethod the auth method as sent to nodes
   * @return the entry to write
   * @throws LitValidationException when the access token is empty or malformed
   * @throws io.lit4j.auth.methods.UnsupportedAuthMethodException for types without an id rule
   *     (Discord needs {@link AuthMethodIds#discordAuthMethodId} and the three-argument
   *     constructor)
   */
  public static PermittedAuthMethod from(AuthMethod authMethod) {
    return from(authMethod, new byte[0]);
  }

  /**
   * As {@link #from(AuthMethod)}, with the WebAuthn user public key.
   *
   * @param authMethod the auth method as sent to nodes
   * @param userPubkey the WebAuthn user public key
   * @return the entry to write
   */
  public static PermittedAuthMethod from(AuthMethod authMethod, byte[] userPubkey) {
    if (authMethod == null) throw new LitValidationException("authMethod must be given");
    // the SDK refuses a falsy accessToken before computing the id
    if (authMethod.accessToken().isEmpty())
      throw new LitValidationException("authMethod.accessToken is required");
    return new PermittedAuthMethod(
        authMethod.authMethodType(), AuthMethodIds.authMethodId(authMethod), userPubkey);
  }

  /**
   * The auth method id bytes (a fresh copy).
   *
   * @return the id
   */
  @Override
  public byte[] id() {
    return id.clone();
  }

  /**
   * The user public key (a fresh copy), empty when none.
   *
   * @return the user public key
   */
  @Override
  public byte[] userPubkey() {
    return userPubkey.clone();
  }

  /** {@return the id as lowercase {@code 0x} hex} */
  public String idHex() {
    return Hex.encode0x(id);
  }

  /**
   * The contract's storage key {@code uint256(keccak256(abi.encode(authMethodType, id)))}, also
   * returned by {@code PKPPermissions.getAuthMethodId}.
   *
   * @return the auth method's storage key
   */
  public BigInteger contractKey() {
    DynamicStruct tuple =
        new DynamicStruct(new Uint256(BigInteger.valueOf(authMethodType)), new DynamicBytes(id));
    // abi.encode of (uint256, bytes) is the tuple's head/tail encoding without an outer offset
    byte[] encoded = Hex.decode(TypeEncoder.encode(tuple), "encoded");
    return new BigInteger(1, Hash.sha3(encoded));
  }

  /**
   * {@return true when type and id match ({@code userPubkey} is not part of the contract's key)}
   *
   * @param other the entry to compare with
   */
  public boolean sameKeyAs(PermittedAuthMethod other) {
    return other != null && authMethodType == other.authMethodType && Arrays.equals(id, other.id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PermittedAuthMethod p
        && authMethodType == p.authMethodType
        && Arrays.equals(id, p.id)
        && Arrays.equals(userPubkey, p.userPubkey);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(authMethodType) + Arrays.hashCode(id))
        + Arrays.hashCode(userPubkey);
  }

  @Override
  public String toString() {
    return "PermittedAuthMethod[authMethodType="
        + authMethodType
        + ", id="
        + Hex.encode0x(id)
        + ", userPubkey="
        + Hex.encode0x(userPubkey)
        + "]";
  }
}
