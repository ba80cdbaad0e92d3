package io.lit4j.crypto.hd;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/** Curves whose keys {@link HdKeyDeriver} derives. Lit v4 uses only {@link #K256}. */
public enum HdCurve {
  /** secp256k1 (Lit's {@code K256}). */
  K256("secp256k1"),
  /** NIST P-256 (secp256r1); only the hd-keys-curves test vectors use it in v4. */
  P256("secp256r1");

  private final X9ECParameters params;

  HdCurve(String name) {
    this.params = CustomNamedCurves.getByName(name);
  }

  /** {@return the order of the curve's group: the modulus of the tweak and of secret keys} */
  public BigInteger order() {
    return params.getN();
  }

  X9ECParameters params() {
    return params;
  }
}
