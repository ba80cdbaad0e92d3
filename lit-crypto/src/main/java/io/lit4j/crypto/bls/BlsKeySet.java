package io.lit4j.crypto.bls;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * <b>Test-network material.</b> A dealt t-of-n BLS network key: the group public key (what the
 * handshake returns as {@code subnetPubKey} / {@code networkPubKey}) and one secret share per
 * simulated node, identifiers 1..n. The master secret is not kept.
 *
 * @param threshold how many shares make a valid signature (t)
 * @param publicKey the group public key {@code sk · G1}
 * @param shares the secret shares, identifier i at position i − 1
 */
public record BlsKeySet(int threshold, BlsPublicKey publicKey, List<BlsSecretKeyShare> shares) {
  /**
   * Checks the set and copies the list.
   *
   * @param threshold how many shares make a valid signature (t)
   * @param publicKey the group public key {@code sk · G1}
   * @param shares the secret shares, identifier i at position i − 1
   * @throws LitValidationException when a part is missing, 2 ≤ t ≤ n does not hold, or identifiers
   *     are not 1..n in order
   */
  public BlsKeySet {
    if (publicKey == null) throw new LitValidationException("BLS key set public key is missing");
    if (shares == null) throw new LitValidationException("BLS key set shares are missing");
    shares = Args.listCopy(shares, "shares");
    if (threshold < 2 || threshold > shares.size()) {
      throw new LitValidationException(
          "BLS key set threshold must be in [2, n = " + shares.size() + "], got " + threshold);
    }
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < shares.size(); i++) {
      if (shares.get(i).identifier() != i + 1 || !seen.add(i + 1)) {
        throw new LitValidationException(
            "BLS key set share at position "
                + i
                + " must have identifier "
                + (i + 1)
                + ", got "
                + shares.get(i).identifier());
      }
    }
  }

  /** {@return number of shares (n)} */
  public int size() {
    return shares.size();
  }

  /**
   * {@return the share of the node with 0-based index {@code shareIndex} (identifier = index + 1),
   * if any}
   *
   * @param shareIndex 0-based node index
   */
  public Optional<BlsSecretKeyShare> shareForIndex(int shareIndex) {
    return shareIndex >= 0 && shareIndex < shares.size()
        ? Optional.of(shares.get(shareIndex))
        : Optional.empty();
  }
}
