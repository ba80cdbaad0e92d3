package io.lit4j.crypto.ecdsa;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.ecdsa.internal.RustStdRng;
import io.lit4j.crypto.ecdsa.internal.SipHash13;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * The deterministic signing subset of threshold ECDSA (node-behavior.md §5), exactly as a v4 Lit
 * node computes it ({@code peers/utils/derministic_subset.rs}): seed = Rust's {@code DefaultHasher}
 * (SipHash-1-3, zero key) of the {@code Vec<u8>} {@code message ‖ requestId}; the active (unkicked)
 * validators, in share-index order, are shuffled with {@code StdRng::seed_from_u64(seed)} (rand
 * 0.8, ChaCha12); the first t are taken and sorted by share index. When t equals the number of
 * active nodes, all of them sign.
 *
 * <p>Share indices are the validators' positions when the current epoch's validators (kicked ones
 * included) are sorted by staker address. Every node computes the same subset without talking, and
 * so can a client that chooses the request id: it can pick an id whose subset avoids nodes it knows
 * are failing.
 */
public final class SigningSubset {
  private SigningSubset() {}

  /**
   * Chooses the signers.
   *
   * @param activeShareIndices share indices of the active nodes (distinct, ≥ 0, any order)
   * @param threshold how many sign; all sign when it equals the number of active nodes
   * @param message the bytes being signed (the 32-byte digest for PKP signing)
   * @param requestId the request's {@code X-Request-Id}, the same at every node
   * @return the chosen share indices, ascending
   * @throws LitValidationException for missing input, duplicates, or fewer active nodes than the
   *     threshold
   */
  public static List<Integer> select(
      List<Integer> activeShareIndices, int threshold, byte[] message, String requestId) {
    if (requestId == null) throw new LitValidationException("requestId is missing");
    return select(
        activeShareIndices, threshold, message, requestId.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Chooses the signers for a request id given as bytes (the node hashes the header's bytes).
   *
   * @param activeShareIndices share indices of the active nodes (distinct, ≥ 0, any order)
   * @param threshold how many sign
   * @param message the bytes being signed
   * @param requestId the request id's bytes
   * @return the chosen share indices, ascending
   * @throws LitValidationException for missing input, duplicates, or fewer active nodes than the
   *     threshold
   */
  public static List<Integer> select(
      List<Integer> activeShareIndices, int threshold, byte[] message, byte[] requestId) {
    if (activeShareIndices == null)
      throw new LitValidationException("activeShareIndices are missing");
    if (message == null) throw new LitValidationException("message is missing");
    if (requestId == null) throw new LitValidationException("requestId is missing");
    if (threshold < 1)
      throw new LitValidationException("threshold must be at least 1, got " + threshold);
    List<Integer> nodes = new ArrayList<>(activeShareIndices.size());
    for (Integer i : activeShareIndices) {
      if (i == null || i < 0)
        throw new LitValidationException("share indices must be non-negative integers");
      nodes.add(i);
    }
    if (new HashSet<>(nodes).size() != nodes.size())
      throw new LitValidationException("activeShareIndices contain a duplicate");
    if (nodes.size() < threshold) {
      throw new LitValidationException(
          "only " + nodes.size() + " active nodes for threshold " + threshold);
    }
    Collections.sort(nodes);
    if (threshold == nodes.size()) return List.copyOf(nodes);
    byte[] toHash = new byte[message.length + requestId.length];
    System.arraycopy(message, 0, toHash, 0, message.length);
    System.arraycopy(requestId, 0, toHash, message.length, requestId.length);
    RustStdRng rng = RustStdRng.seedFromU64(SipHash13.hashByteVec(toHash));
    rng.shuffle(nodes);
    List<Integer> chosen = new ArrayList<>(nodes.subList(0, threshold));
    Collections.sort(chosen);
    return List.copyOf(chosen);
  }
}
