package io.lit4j.crypto.bls;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Bytes;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.internal.BlsPoints;
import java.math.BigInteger;
import supranational.blst.P2;

/**
 * <b>Test-network material.</b> One node's Shamir share of the network BLS secret, as the simulated
 * nodes of lit-localnet hold it; a client never has one. Produced by lit-localnet's {@code
 * BlsDealer}.
 *
 * <p>The value is secret: {@link #toString()} does not show it.
 *
 * @param identifier the share identifier, the x-coordinate of the share (1..255); node index + 1
 * @param value the share value {@code f(identifier) mod r}, in {@code [1, r)}
 */
public record BlsSecretKeyShare(int identifier, BigInteger value) {
  /**
   * Checks the share.
   *
   * @param identifier the share identifier, the x-coordinate of the share (1..255); node index + 1
   * @param value the share value {@code f(identifier) mod r}, in {@code [1, r)}
   * @throws LitValidationException when the identifier is outside 1..255 or the value outside [1,
   *     r)
   */
  public BlsSecretKeyShare {
    if (identifier < 1 || identifier > 255) {
      throw new LitValidationException(
          "BLS secret key share identifier must be 1..255, got " + identifier);
    }
    if (value == null || value.signum() <= 0 || value.compareTo(BlsPoints.R) >= 0) {
      throw new LitValidationException(
          "BLS secret key share " + identifier + " value must be in [1, r)");
    }
  }

  /**
   * Builds a share from a 32-byte big-endian value in hex.
   *
   * @param identifier the share's identifier (node index + 1)
   * @param valueHexBigEndian the share's value, 32 bytes big-endian, hex
   * @return the share
   * @throws LitValidationException on bad hex, a length other than 32 bytes or a value outside [1,
   *     r)
   */
  public static BlsSecretKeyShare fromHex(int identifier, String valueHexBigEndian) {
    byte[] be = Hex.decode(valueHexBigEndian, 32, "BLS secret key share " + identifier + " value");
    return new BlsSecretKeyShare(identifier, new BigInteger(1, be));
  }

  /** {@return the value as 32 big-endian bytes (secret)} */
  public byte[] valueBytes() {
    return Bytes.toFixed(value, 32);
  }

  /**
   * Signs a message as a node does (POP scheme): {@code σᵢ = valueᵢ · H(message)}, tagged with this
   * share's identifier. Not constant-time: for test networks only.
   *
   * @param message the message to sign
   * @return the signature share
   * @throws LitValidationException when the message is missing
   */
  public BlsSignatureShare sign(byte[] message) {
    if (message == null) throw new LitValidationException("message to sign is missing");
    P2 h = BlsPoints.hashToG2(message);
    return new BlsSignatureShare(identifier, h.mult(value).compress());
  }

  /** {@return this share's public key share {@code valueᵢ · G1}} */
  public BlsPublicKey publicKeyShare() {
    return new BlsPublicKey(BlsPoints.g1Times(value));
  }

  @Override
  public String toString() {
    return "BlsSecretKeyShare[identifier=" + identifier + ", value=<secret>]";
  }
}
