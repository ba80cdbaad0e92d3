package io.lit4j.node.internal.signing;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitException;
import io.lit4j.node.NodeReply;
import io.lit4j.node.NodeResponses;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Threshold ECDSA requests that survive faulty nodes. The nodes' signing subset is a deterministic
 * function of the signed bytes and the request id ({@link io.lit4j.crypto.ecdsa.SigningSubset}),
 * and the client chooses the request id: so each attempt picks an id whose subset avoids the nodes
 * known to fail (from {@link NodeHealth} and from this operation's earlier attempts), sends to
 * every node, and returns as soon as the subset's shares combine into a verified signature. A
 * subset that cannot finish (one of its nodes failed) or whose shares do not verify (a bad share:
 * its nodes become suspects) starts a new attempt with a new request id, within a bounded number of
 * attempts and a time budget. When the bytes are not known in advance (sign_session_key: the node
 * rewrites the SIWE), the first attempt is blind and later ones use the bytes an answer showed.
 *
 * <p>The pieces: {@link SubsetPredictor} chooses request ids, {@link SigningOperation} runs the
 * attempts, {@link SigningFailures} says why an operation failed.
 *
 * <p>A validator-set change between the client's refreshes makes the predictions wrong (the nodes
 * choose from the new set, with its threshold): the first attempt whose answers differ from its
 * prediction reads the set again ({@link Hooks#refreshValidators}) and the next attempts predict
 * from the new one. Shares that do not verify only make it read the set once the bad subsets prove
 * that no subset of the set in hand can sign: shares of a set with another threshold look like bad
 * shares, but faulty nodes give bad shares too.
 *
 * <p>A node's refusal (4xx other than 408/429: bad auth, PKP not permitted) is the answer, not a
 * fault: it ends the operation at once.
 */
public final class SubsetSigning {
  private SubsetSigning() {}

  /**
   * What the caller supplies for one operation.
   *
   * @param <T> the result
   */
  public interface Hooks<T> {
    /**
     * Sends the request to one node.
     *
     * @param nodeUrl the node
     * @param requestId the attempt's request id
     * @return the node's answer
     */
    CompletableFuture<NodeReply> post(String nodeUrl, String requestId);

    /**
     * Whether an answer carries a share (a signer's) or is empty (a node outside the subset).
     *
     * @param reply the answer
     * @return true for a share
     * @throws LitException when the answer cannot be read (counted as that node's failure)
     */
    boolean carriesShare(NodeReply reply);

    /**
     * The bytes the nodes sign, when an answer shows them.
     *
     * @param reply the answer
     * @return the signed bytes, if shown
     */
    Optional<byte[]> signedMessage(NodeReply reply);

    /**
     * Combines and verifies the shares in hand.
     *
     * @param responses the answers of one attempt
     * @return the result
     * @throws LitCryptoException when the shares do not give a valid signature
     */
    T read(NodeResponses responses);

    /**
     * Reads the validator set again, when an attempt's answers show that the set the subsets were
     * predicted from is stale (a predicted node answered without a share, or another node with
     * one), or when the subsets whose shares did not verify prove that no subset of the set in hand
     * can sign. Called at most once per operation; {@link #post} and {@link #read} use the new set
     * afterwards.
     *
     * @return the new set, or empty when it has not changed (or cannot be read: the operation goes
     *     on with the set it has)
     */
    default CompletableFuture<Optional<Validators>> refreshValidators() {
      return CompletableFuture.completedFuture(Optional.empty());
    }
  }

  /**
   * The validator set an operation signs with.
   *
   * @param nodeUrls the nodes to ask (the connected ones)
   * @param shareIndices the share index of every active validator (sorted by staker address),
   *     connected or not; must cover {@code nodeUrls}
   * @param threshold how many sign
   */
  public record Validators(
      List<String> nodeUrls, Map<String, Integer> shareIndices, int threshold) {
    /** Copies the collections. */
    public Validators {
      nodeUrls = List.copyOf(nodeUrls);
      shareIndices = Map.copyOf(shareIndices);
      if (!shareIndices.keySet().containsAll(nodeUrls))
        throw new IllegalArgumentException("a node has no share index");
    }
  }

  /**
   * One operation's parameters.
   *
   * @param operation name for logs and errors
   * @param nodeUrls the nodes to ask (the connected ones)
   * @param shareIndices the share index of every active validator (sorted by staker address),
   *     connected or not; must cover {@code nodeUrls}
   * @param threshold how many sign
   * @param message the signed bytes when known in advance, else null
   * @param maxAttempts the most request ids to try
   * @param budget no new attempt starts after this much time
   * @param newRequestId makes request ids
   */
  public record Spec(
      String operation,
      List<String> nodeUrls,
      Map<String, Integer> shareIndices,
      int threshold,
      byte[] message,
      int maxAttempts,
      Duration budget,
      Supplier<String> newRequestId) {
    /** Copies the collections. */
    public Spec {
      nodeUrls = List.copyOf(nodeUrls);
      shareIndices = Map.copyOf(shareIndices);
      if (!shareIndices.keySet().containsAll(nodeUrls))
        throw new IllegalArgumentException("a node has no share index");
    }
  }

  /**
   * Runs the operation.
   *
   * @param spec what to do
   * @param hooks how to talk to the nodes and read their answers
   * @param health the client's node health, read and updated
   * @param log where attempts are logged
   * @param <T> the result
   * @return a future of the result; it fails with a {@link LitException} saying what failed
   */
  public static <T> CompletableFuture<T> run(
      Spec spec, Hooks<T> hooks, NodeHealth health, Logger log) {
    SigningOperation<T> op = new SigningOperation<>(spec, hooks, health, log);
    op.nextAttempt();
    return op.result();
  }
}
