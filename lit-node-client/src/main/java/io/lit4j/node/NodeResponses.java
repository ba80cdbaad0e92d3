package io.lit4j.node;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.node.internal.request.NodeErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the nodes of one logical request answered: successes and failures per node URL (in the order
 * the nodes were asked), and the nodes not heard from when the fan-out stopped early.
 *
 * <p>{@link #requireAll()} and {@link #requireAtLeast(int)} turn too few successes into one error
 * that says how many nodes answered and why each of the others failed.
 */
public final class NodeResponses {
  private final String operation;
  private final String requestId;
  private final List<String> nodeUrls;
  private final Map<String, NodeReply> successes;
  private final Map<String, LitException> failures;
  private final List<String> unanswered;
  private final String unansweredReason;

  /**
   * @param operation what was asked, e.g. {@code "handshake"}, used in error messages
   * @param requestId the {@code X-Request-Id} shared by all nodes
   * @param nodeUrls every node asked, in order
   * @param successes successful answers by node URL
   * @param failures failures by node URL
   * @throws LitValidationException if a node is both a success and a failure, or not among {@code
   *     nodeUrls}
   */
  public NodeResponses(
      String operation,
      String requestId,
      List<String> nodeUrls,
      Map<String, NodeReply> successes,
      Map<String, LitException> failures) {
    this(
        operation,
        requestId,
        nodeUrls,
        successes,
        failures,
        "no answer before the request was abandoned");
  }

  /**
   * As the other constructor, saying why nodes not in {@code successes} or {@code failures} went
   * unanswered (e.g. {@code "no answer within connectTimeout (20000 ms)"}).
   *
   * @param operation names the operation in messages
   * @param requestId the request id
   * @param nodeUrls the nodes asked, in order
   * @param successes successful answers by node URL
   * @param failures failures by node URL
   * @param unansweredReason why the other nodes went unanswered
   * @throws LitValidationException if a node is both a success and a failure, or not among {@code
   *     nodeUrls}
   */
  public NodeResponses(
      String operation,
      String requestId,
      List<String> nodeUrls,
      Map<String, NodeReply> successes,
      Map<String, LitException> failures,
      String unansweredReason) {
    if (unansweredReason == null) throw new LitValidationException("unansweredReason is missing");
    this.unansweredReason = unansweredReason;
    if (operation == null
        || requestId == null
        || nodeUrls == null
        || successes == null
        || failures == null) {
      throw new LitValidationException("NodeResponses parts must not be null");
    }
    this.operation = operation;
    this.requestId = requestId;
    this.nodeUrls = List.copyOf(nodeUrls);
    Map<String, NodeReply> s = new LinkedHashMap<>();
    Map<String, LitException> f = new LinkedHashMap<>();
    List<String> u = new ArrayList<>();
    for (String url : this.nodeUrls) {
      if (successes.containsKey(url) && failures.containsKey(url)) {
        throw new LitValidationException("node " + url + " is both a success and a failure");
      }
      if (successes.containsKey(url)) s.put(url, successes.get(url));
      else if (failures.containsKey(url)) f.put(url, failures.get(url));
      else u.add(url);
    }
    if (s.size() != successes.size() || f.size() != failures.size()) {
      throw new LitValidationException("NodeResponses names a node that was not asked");
    }
    this.successes = Collections.unmodifiableMap(s);
    this.failures = Collections.unmodifiableMap(f);
    this.unanswered = List.copyOf(u);
  }

  /** {@return what was asked, e.g. {@code "handshake"}} */
  public String operation() {
    return operation;
  }

  /** {@return the {@code X-Request-Id} all nodes received} */
  public String requestId() {
    return requestId;
  }

  /** {@return every node asked, in order} */
  public List<String> nodeUrls() {
    return nodeUrls;
  }

  /**
   * Successful answers by node URL, in the order the nodes were asked.
   *
   * @return the successes
   */
  public Map<String, NodeReply> successes() {
    return successes;
  }

  /**
   * Failures by node URL, in the order the nodes were asked.
   *
   * @return the failures
   */
  public Map<String, LitException> failures() {
    return failures;
  }

  /**
   * Nodes still unanswered when the fan-out stopped (enough successes, or its deadline passed);
   * their calls were cancelled.
   *
   * @return the unanswered node URLs
   */
  public List<String> unanswered() {
    return unanswered;
  }

  /** {@return number of successful answers} */
  public int successCount() {
    return successes.size();
  }

  /**
   * This, if every node asked answered successfully.
   *
   * @return this
   * @throws LitException describing every failure otherwise (a {@link LitTimeoutException} when all
   *     failures were timeouts)
   */
  public NodeResponses requireAll() {
    return requireAtLeast(nodeUrls.size());
  }

  /**
   * This, if at least {@code needed} nodes answered successfully.
   *
   * @param needed the number of successes required
   * @return this
   * @throws LitValidationException if {@code needed} is below 1
   * @throws LitException describing every failure otherwise (a {@link LitTimeoutException} when all
   *     failures were timeouts)
   */
  public NodeResponses requireAtLeast(int needed) {
    if (needed < 1) throw new LitValidationException("needed must be at least 1, got " + needed);
    if (successes.size() >= needed) return this;
    throw tooFewSuccesses(needed, Map.of());
  }

  /**
   * The error for too few successes: how many nodes answered, how many were needed, and why each
   * other node failed. The node error seen most often lends its {@code errorKind}, {@code
   * errorCode} and status, as in the JS SDK; every per-node error is attached as suppressed.
   *
   * @param needed successes that were needed
   * @param extraFailures further failures found after the answers arrived (e.g. answers that did
   *     not agree), by node URL
   * @return the error to throw
   */
  public LitException tooFewSuccesses(int needed, Map<String, LitException> extraFailures) {
    Map<String, LitException> all = new LinkedHashMap<>();
    for (String url : nodeUrls) {
      if (failures.containsKey(url)) all.put(url, failures.get(url));
      else if (extraFailures.containsKey(url)) all.put(url, extraFailures.get(url));
    }
    int good =
        successes.size()
            - (int) successes.keySet().stream().filter(extraFailures::containsKey).count();
    StringBuilder msg =
        new StringBuilder()
            .append(operation)
            .append(" failed: ")
            .append(good)
            .append(" of ")
            .append(nodeUrls.size())
            .append(" nodes answered successfully, ")
            .append(needed)
            .append(" needed (request ")
            .append(requestId)
            .append(").");
    Map<String, String> reasons = new LinkedHashMap<>();
    for (Map.Entry<String, LitException> e : all.entrySet()) {
      reasons.put(e.getKey(), e.getValue().getMessage());
      msg.append("\n  ").append(e.getKey()).append(": ").append(e.getValue().getMessage());
    }
    for (String url : unanswered) {
      reasons.put(url, unansweredReason);
      msg.append("\n  ").append(url).append(": ").append(unansweredReason);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("successCount", good);
    details.put("needed", needed);
    details.put("nodeCount", nodeUrls.size());
    details.put("failures", Collections.unmodifiableMap(reasons));

    LitException.Builder b =
        LitException.builder()
            .message(msg.toString())
            .requestId(requestId)
            .nodeUrls(new ArrayList<>(reasons.keySet()))
            .details(details);
    NodeErrors.takeMostCommonCode(b, all.values());
    // a node still unanswered when the fan-out gave up counts as timed out
    boolean allTimeouts =
        (!all.isEmpty() || !unanswered.isEmpty())
            && all.values().stream().allMatch(x -> x instanceof LitTimeoutException);
    LitException result = allTimeouts ? b.buildTimeout() : b.buildNode();
    all.values().forEach(result::addSuppressed);
    return result;
  }

  @Override
  public String toString() {
    Function<Map<String, ?>, String> keys = m -> String.join(", ", m.keySet());
    return "NodeResponses["
        + operation
        + " "
        + requestId
        + " ok={"
        + keys.apply(successes)
        + "} failed={"
        + keys.apply(failures)
        + "} unanswered="
        + unanswered
        + "]";
  }
}
