package io.lit4j.localnet.auth;

/** What the WebAuthn check reads from the chain: recent block hashes and stored credential keys. */
public interface WebAuthnChain {
  /**
   * {@return whether {@code blockhash} is one of the last 10 blocks (a v4 node's challenge window)}
   *
   * @param blockhash {@code 0x} + 64 lowercase hex
   */
  boolean isRecentBlockhash(String blockhash);

  /**
   * {@return the CBOR COSE key PKPPermissions stores for a WebAuthn auth method, empty when none}
   *
   * @param authMethodId {@code keccak256("<rawId>:lit")}
   */
  byte[] credentialPublicKey(byte[] authMethodId);
}
