package io.lit4j.localnet.keys;

import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * The deterministic signing subset of node-behavior.md §5 (test-network material): every node
 * computes the same t signers from the message and the request id, without talking. Seed =
 * SHA-256 of the message and request id; the active nodes (sorted) are shuffled with a
 * SHA-256-counter stream from it; the first t are taken and sorted. Real nodes shuffle with
 * Rust's StdRng, so the chosen nodes differ from theirs; clients cannot tell.
 */
public final class SigningSubset {
  private static final byte[] DOMAIN = "lit4j-testnet-signing-subset-v1".getBytes(StandardCharsets.US_ASCII);

  private SigningSubset() {}

  /**
   * Chooses the signers.
   *
   * @param activeShareIndices share indices of the nodes taking part (distinct, ≥ 0, any order)
   * @param threshold how many sign; all sign when it equals the number of active nodes
   * @param message the bytes being signed (the digest)
   * @param requestId the request's {@code X-Request-Id}, the same at every node
   * @return the chosen share indices, ascending
   * @throws LitValidationException for missing input, duplicates, or fewer active nodes than the threshold
   */
  public static List<Integer> select(List<Integer> activeShareIndices, int threshold, byte[] message, String requestId) {
    if (activeShareIndices == null) throw new LitValidationException("activeShareIndices are missing");
    if (message == null) throw new LitValidationException("message is missing");
    if (requestId == null) throw new LitValidationException("requestId is missing");
    if (threshold < 1) throw new LitValidationException("threshold must be at least 1, got " + threshold);
    List<Integer> nodes = new ArrayList<>(activeShareIndices.size());
    for (Integer i : activeShareIndices) {
      if (i == null || i < 0) throw new LitValidationException("share indices must be non-negative integers");
      nodes.add(i);
    }
    if (new HashSet<>(nodes).size() != nodes.size()) throw new LitValidationException("activeShareIndices contain a duplicate");
    if (nodes.size() < threshold) {
      throw new LitValidationException("only " + nodes.size() + " active nodes for threshold " + threshold);
    }
    Collections.sort(nodes);
    MessageDigest sha = sha256();
    sha.update(DOMAIN);
    sha.update(intBytes(message.length));
    sha.update(message);
    sha.update(requestId.getBytes(StandardCharsets.UTF_8));
    byte[] seed = sha.digest();
    for (int i = nodes.size() - 1; i > 0; i--) {
      sha.update(seed);
      sha.update(intBytes(i));
      int j = new BigInteger(1, sha.digest()).mod(BigInteger.valueOf(i + 1L)).intValue();
      Collections.swap(nodes, i, j);
    }
    List<Integer> chosen = new ArrayList<>(nodes.subList(0, threshold));
    Collections.sort(chosen);
    return List.copyOf(chosen);
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
