package io.lit4j.crypto.eth;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.internal.K256;
import java.math.BigInteger;

/**
 * The secp256k1 facts other modules need, without BouncyCastle types: the group order (the one
 * place lit4j spells it) and scalar multiplication of the generator.
 */
public final class Secp256k1 {
  /** The group order n. */
  public static final BigInteger ORDER = K256.N;

  /** {@code floor(n / 2)}: the largest low-s value (EIP-2). */
  public static final BigInteger HALF_ORDER = K256.HALF_N;

  private Secp256k1() {}

  /**
   * {@return whether {@code value} is a non-zero scalar, {@code 1 ≤ value < n}}
   *
   * @param value the value to check; null is not a scalar
   */
  public static boolean isNonZeroScalar(BigInteger value) {
    return value != null && K256.isNonZeroScalar(value);
  }

  /**
   * {@return {@code scalar · G}, e.g. the public key of a secret key}
   *
   * @param scalar a scalar {@code 1 ≤ scalar < n}
   * @throws LitValidationException when the scalar is out of range
   */
  public static Secp256k1PublicKey multiplyGenerator(BigInteger scalar) {
    if (!isNonZeroScalar(scalar))
      throw new LitValidationException("scalar must be in [1, n) of secp256k1");
    return new Secp256k1PublicKey(K256.G.multiply(scalar).normalize().getEncoded(false));
  }
}
