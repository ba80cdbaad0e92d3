package io.lit4j.crypto.hd;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * HD (derived) PKP keys as SDK 4.2.0 computes them: {@code computeHDKeyId} and {@code
 * computeHDPubKey}, plus the secret-side derivation the nodes use.
 *
 * <pre>{@code
 * HdKeyId id = HdKeys.computeHDKeyId("0xabc", "lit");
 * Secp256k1PublicKey pkp = HdKeys.derivePublicKey(id, handshakeRootKeys);
 * }</pre>
 */
public final class HdKeys {
  private HdKeys() {}

  /**
   * {@return {@code keccak256(utf8(userId + ":" + appId))}}
   *
   * @param userId the user part
   * @param appId the app part
   * @throws LitValidationException when either part is null
   */
  public static HdKeyId computeHDKeyId(String userId, String appId) {
    return computeHDKeyId(userId, appId, false);
  }

  /**
   * {@code keccak256(utf8(userId + ":" + appId))}, or {@code appId + ":" + userId} for the Lit
   * Action context (the SDK's {@code isForActionContext}).
   *
   * @param userId the user part
   * @param appId the app part
   * @param forActionContext whether the id is for a Lit Action context
   * @return the 32-byte key id
   * @throws LitValidationException when either part is null
   */
  public static HdKeyId computeHDKeyId(String userId, String appId, boolean forActionContext) {
    if (userId == null) throw new LitValidationException("userId is missing");
    if (appId == null) throw new LitValidationException("appId is missing");
    String preimage = forActionContext ? appId + ":" + userId : userId + ":" + appId;
    return new HdKeyId(EthHash.keccak256Utf8(preimage));
  }

  /**
   * {@return the v4 tweak τ of a key id}
   *
   * @param keyId the key id
   */
  public static BigInteger tweak(HdKeyId keyId) {
    if (keyId == null) throw new LitValidationException("keyId is missing");
    return HdKeyDeriver.litV4().tweak(keyId.bytes());
  }

  /**
   * Derives a PKP public key {@code Σᵢ τⁱ · rootᵢ} from the ordered root keys (the handshake's
   * {@code hdRootPubkeys}).
   *
   * @param keyId the PKP's key id
   * @param rootPublicKeys the root public keys, in order
   * @return the PKP public key
   * @throws LitValidationException when fewer than 2 roots are given
   * @throws LitCryptoException when the result is the identity
   */
  public static Secp256k1PublicKey derivePublicKey(
      HdKeyId keyId, List<Secp256k1PublicKey> rootPublicKeys) {
    if (keyId == null) throw new LitValidationException("keyId is missing");
    if (rootPublicKeys == null) throw new LitValidationException("rootPublicKeys are missing");
    List<byte[]> roots = new ArrayList<>(rootPublicKeys.size());
    for (int i = 0; i < rootPublicKeys.size(); i++) {
      Secp256k1PublicKey k = rootPublicKeys.get(i);
      if (k == null) throw new LitValidationException("rootPublicKeys[" + i + "] is missing");
      roots.add(k.uncompressed());
    }
    return new Secp256k1PublicKey(
        HdKeyDeriver.litV4().derivePublicKey(keyId.bytes(), roots, false));
  }

  /**
   * SDK {@code computeHDPubKey}: the key id as hex ({@code 0x} optional; hex-decoded, not hashed as
   * text) and root keys as hex (compressed or uncompressed, {@code 0x} optional).
   *
   * @param keyIdHex the key id, hex
   * @param rootPublicKeysHex the root public keys, hex, in order
   * @return the PKP public key
   * @throws LitValidationException for malformed hex or fewer than 2 roots
   * @throws LitCryptoException when a root is not on secp256k1
   */
  public static Secp256k1PublicKey derivePublicKey(
      String keyIdHex, List<String> rootPublicKeysHex) {
    if (rootPublicKeysHex == null) throw new LitValidationException("rootPublicKeys are missing");
    List<Secp256k1PublicKey> roots = new ArrayList<>(rootPublicKeysHex.size());
    for (int i = 0; i < rootPublicKeysHex.size(); i++) {
      roots.add(Secp256k1PublicKey.fromHex(rootPublicKeysHex.get(i), "rootPublicKeys[" + i + "]"));
    }
    if (keyIdHex == null) throw new LitValidationException("keyId is missing");
    byte[] id = Hex.decode(keyIdHex, "keyId");
    List<byte[]> raw = roots.stream().map(Secp256k1PublicKey::uncompressed).toList();
    return new Secp256k1PublicKey(HdKeyDeriver.litV4().derivePublicKey(id, raw, false));
  }

  /**
   * The derived secret {@code Σᵢ τⁱ · rootSecretᵢ mod n}; given a node's Shamir shares of the root
   * secrets it returns that node's share of the derived secret.
   *
   * @param keyId the PKP's key id
   * @param rootSecretsOrShares the root secrets, or one node's shares of them, in order
   * @return the derived secret, or the node's share of it
   * @throws LitValidationException when fewer than 2 values are given or one is not below n
   */
  public static BigInteger deriveSecret(HdKeyId keyId, List<BigInteger> rootSecretsOrShares) {
    if (keyId == null) throw new LitValidationException("keyId is missing");
    return HdKeyDeriver.litV4().deriveSecret(keyId.bytes(), rootSecretsOrShares);
  }
}
