package io.lit4j.node.internal.signing;

import io.lit4j.core.errors.LitCryptoException;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.core.util.Futures;
import io.lit4j.node.internal.request.NodeErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/** How a subset-signing operation reads node errors and says why it failed. */
final class SigningFailures {
  private SigningFailures() {}

  /**
   * What an operation's attempts saw, for its final error.
   *
   * @param spec the operation
   * @param nodeUrls the nodes asked last (the validator set may have been refreshed)
   * @param threshold how many sign, in that set
   * @param health the client's node health
   * @param requestIds the request ids tried, in order
   * @param failures the nodes that failed, with why
   * @param badCombines the attempts whose shares did not verify
   * @param impossible why no subset can give good shares, or null
   */
  record Run(
      SubsetSigning.Spec spec,
      List<String> nodeUrls,
      int threshold,
      NodeHealth health,
      List<String> requestIds,
      Map<String, LitException> failures,
      List<LitCryptoException> badCombines,
      String impossible) {}

  /**
   * The error that ends an operation whose attempts ran out: what failed, in words a user can act
   * on.
   *
   * @param run what the attempts saw
   * @param usable how many nodes had not failed
   */
  static LitException exhausted(Run run, int usable) {
    SubsetSigning.Spec spec = run.spec();
    NodeHealth health = run.health();
    List<String> requestIds = run.requestIds();
    List<LitCryptoException> badCombines = run.badCombines();
    Map<String, LitException> failures = run.failures();
    int attempts = requestIds.size();
    String impossible = run.impossible();
    String ids = String.join(", ", requestIds);
    String last = requestIds.isEmpty() ? null : requestIds.get(requestIds.size() - 1);
    int n = run.nodeUrls().size();
    if (failures.isEmpty() && !badCombines.isEmpty()) {
      LitCryptoException lastBad = badCombines.get(badCombines.size() - 1);
      String suspects =
          run.nodeUrls().stream()
              .filter(u -> health.penalty(u) > 0)
              .map(u -> u + " (" + health.describe(u) + ")")
              .collect(Collectors.joining(", "));
      LitCryptoException e =
          LitException.builder()
              .message(
                  spec.operation()
                      + ": no signing subset of "
                      + run.threshold()
                      + " of the "
                      + n
                      + " nodes gave a valid signature in "
                      + attempts
                      + " attempt(s) (request ids "
                      + ids
                      + ")"
                      + (impossible == null ? "" : ": " + impossible)
                      + "; suspected of bad shares: "
                      + (suspects.isEmpty() ? "none" : suspects)
                      + ". Last: "
                      + lastBad.getMessage())
              .requestId(last)
              .nodeUrls(run.nodeUrls())
              .errorCode(LitErrorCode.NO_VALID_SHARES)
              .errorKind("Unexpected")
              .cause(lastBad)
              .buildCrypto();
      return e;
    }
    StringBuilder msg = new StringBuilder(spec.operation()).append(" failed: ");
    if (usable < run.threshold()) {
      msg.append(usable)
          .append(" of ")
          .append(n)
          .append(" nodes are left to sign and the signing subset needs ")
          .append(run.threshold());
    } else {
      msg.append("no signing subset of ")
          .append(run.threshold())
          .append(" of ")
          .append(n)
          .append(" nodes finished");
    }
    msg.append(" (").append(attempts).append(" attempt(s), request ids ").append(ids).append(").");
    Map<String, String> reasons = new LinkedHashMap<>();
    failures.forEach(
        (u, e) -> {
          reasons.put(u, e.getMessage());
          msg.append("\n  ").append(u).append(": ").append(e.getMessage());
        });
    if (!badCombines.isEmpty())
      msg.append("\n  and ")
          .append(badCombines.size())
          .append(" subset(s) gave shares that do not verify");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("failures", Collections.unmodifiableMap(reasons));
    details.put("attempts", attempts);
    details.put("needed", run.threshold());
    details.put("nodeCount", n);
    LitException.Builder b =
        LitException.builder()
            .message(msg.toString())
            .requestId(last)
            .nodeUrls(new ArrayList<>(failures.keySet()))
            .details(details);
    NodeErrors.takeMostCommonCode(b, failures.values());
    boolean allTimeouts =
        !failures.isEmpty()
            && failures.values().stream().allMatch(x -> x instanceof LitTimeoutException);
    LitException e = allTimeouts ? b.buildTimeout() : b.buildNode();
    failures.values().forEach(e::addSuppressed);
    badCombines.forEach(e::addSuppressed);
    return e;
  }

  /**
   * The error for a node's refusal, which ends the operation at once.
   *
   * @param spec the operation
   * @param requestId the attempt's request id
   * @param url the refusing node
   * @param e its answer
   */
  static LitException refused(
      SubsetSigning.Spec spec, String requestId, String url, LitException e) {
    LitException.Builder b =
        LitException.builder()
            .message(
                spec.operation()
                    + " failed: Lit node "
                    + url
                    + " refused the request (request "
                    + requestId
                    + "): "
                    + e.getMessage())
            .requestId(requestId)
            .nodeUrl(url)
            .status(e.status())
            .details(Map.of("failures", Map.of(url, e.getMessage())));
    e.errorCode().ifPresent(b::errorCode);
    e.errorKind().ifPresent(b::errorKind);
    LitException out = b.buildNode();
    out.addSuppressed(e);
    return out;
  }

  /**
   * A node's 4xx refusal (not a timeout or rate limit) answers the request; repeating it cannot
   * help.
   */
  static boolean isRefusal(LitException e) {
    int s = e.status();
    return s >= 400 && s < 500 && s != 408 && s != 429;
  }

  /**
   * A failed node call as a {@link LitException}, or null when the client cancelled it.
   *
   * @param t what the call failed with
   * @param url the node
   * @param requestId the attempt's request id
   */
  static LitException asLit(Throwable t, String url, String requestId) {
    if (Futures.unwrap(t) instanceof CancellationException) return null;
    return NodeErrors.asLit(t, url, requestId);
  }
}
