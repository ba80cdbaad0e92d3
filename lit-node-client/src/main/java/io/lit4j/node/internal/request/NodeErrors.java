package io.lit4j.node.internal.request;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Futures;
import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.node.NodeResponses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How a failed node call becomes a {@link LitException}, and how many of them become one. */
public final class NodeErrors {
  private NodeErrors() {}

  /**
   * {@return a failed node call as a {@link LitException}: the one it failed with, or one naming
   * the node and request around any other failure}
   *
   * @param t what the call failed with (wrappers are peeled)
   * @param url the node
   * @param requestId the request id
   */
  public static LitException asLit(Throwable t, String url, String requestId) {
    t = Futures.unwrap(t);
    if (t instanceof LitException e) return e;
    return LitException.builder()
        .message("request to Lit node " + url + " failed: " + t)
        .nodeUrl(url)
        .requestId(requestId)
        .cause(t)
        .buildNode();
  }

  /**
   * Gives {@code b} the error code, kind and status of the most common coded node error (the first
   * of them in order on a tie), so one error summing up many nodes' answers keeps what they said.
   *
   * @param b the builder of the summing-up error
   * @param errors the nodes' errors
   */
  public static void takeMostCommonCode(LitException.Builder b, Collection<LitException> errors) {
    Map<String, List<LitException>> byCode =
        errors.stream()
            .filter(e -> e.errorCode().isPresent())
            .collect(
                Collectors.groupingBy(
                    e -> e.errorCode().get(), LinkedHashMap::new, Collectors.toList()));
    byCode.values().stream()
        .max(Comparator.comparingInt(List::size))
        .map(l -> l.get(0))
        .ifPresent(
            t -> {
              t.errorCode().ifPresent(b::errorCode);
              t.errorKind().ifPresent(b::errorKind);
              b.status(t.status());
            });
  }

  /**
   * Combines the nodes' ECDSA signature shares, or fails with a crypto error that names the
   * operation, the share and node counts, the request and the nodes, keeping the combiner's error
   * code and kind ({@code NoValidShares} / {@code Unexpected} when it has none).
   *
   * @param what the start of the message, e.g. {@code "pkpSign: cannot combine the signature"}
   * @param shares the shares to combine
   * @param minNodeCount the threshold
   * @param responses the nodes' answers the shares came from
   * @return the combined, verified signature
   */
  public static EcdsaSignature combineEcdsa(
      String what, List<EcdsaSignatureShare> shares, int minNodeCount, NodeResponses responses) {
    try {
      return EcdsaShareCombiner.combine(shares, minNodeCount);
    } catch (LitException e) {
      throw LitException.builder()
          .message(
              what
                  + " from "
                  + shares.size()
                  + " shares of "
                  + responses.successCount()
                  + " nodes (request "
                  + responses.requestId()
                  + "): "
                  + e.getMessage())
          .requestId(responses.requestId())
          .nodeUrls(new ArrayList<>(responses.successes().keySet()))
          .errorCode(e.errorCode().orElse(LitErrorCode.NO_VALID_SHARES.code()))
          .errorKind(e.errorKind().orElse("Unexpected"))
          .cause(e)
          .buildCrypto();
    }
  }
}
