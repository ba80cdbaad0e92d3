package io.lit4j.node.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.localnet.keys.SigningSubset;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.node.transport.NodeHttpRequest;
import io.lit4j.node.transport.NodeHttpResponse;
import io.lit4j.node.transport.NodeTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * A transport for the fault suite: forwards every request unchanged, except that for an ECDSA
 * route ({@code /web/pkp/sign}, {@code /web/execute} with a {@code toSign} param,
 * {@code /web/sign_session_key}) it may replace the request id by one whose deterministic signing
 * subset avoids the nodes the test made faulty.
 *
 * <p>Why: the simulated nodes pick their t signers from the digest and request id without talking
 * (node-behavior.md §5), so a faulty node inside that subset makes a valid signature impossible
 * whatever the client does. Real v4 nodes pick the signing peers among the live ones; steering the
 * id models that, so the suite can check that the client copes with every fault outside the
 * subset. The case where the subset itself is hit is checked separately (the client must fail fast
 * and typed).
 */
final class SubsetSteeringTransport implements NodeTransport {
  private final NodeTransport delegate;
  private final Web3j rpc;
  private final List<Integer> allIndices;
  private final int threshold;
  private volatile Set<Integer> avoid = Set.of();
  private final Map<String, String> rewritten = new ConcurrentHashMap<>();
  final AtomicInteger steered = new AtomicInteger();

  SubsetSteeringTransport(NodeTransport delegate, Web3j rpc, List<Integer> allIndices, int threshold) {
    this.delegate = delegate;
    this.rpc = rpc;
    this.allIndices = List.copyOf(allIndices);
    this.threshold = threshold;
  }

  /** Share indices the signing subset should avoid from now on (empty: forward request ids unchanged). */
  void avoid(Set<Integer> shareIndices) {
    avoid = Set.copyOf(shareIndices);
    rewritten.clear();
  }

  @Override
  public CompletableFuture<NodeHttpResponse> post(NodeHttpRequest request) {
    Set<Integer> bad = avoid;
    if (bad.isEmpty() || allIndices.size() - bad.size() < threshold) return delegate.post(request);
    String headerName = request.headers().keySet().stream().filter(k -> k.equalsIgnoreCase("x-request-id")).findFirst().orElse(null);
    if (headerName == null) return delegate.post(request);
    Optional<byte[]> digest;
    try {
      digest = digestOf(request);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(new IOException("test transport could not read the digest: " + e, e));
    }
    if (digest.isEmpty()) return delegate.post(request);
    String original = request.headers().get(headerName);
    String id = rewritten.computeIfAbsent(original, o -> {
      for (int n = 0; n < 10_000; n++) {
        String candidate = o + Integer.toHexString(n);
        List<Integer> subset = SigningSubset.select(allIndices, threshold, digest.get(), candidate);
        if (subset.stream().noneMatch(bad::contains)) {
          steered.incrementAndGet();
          return candidate;
        }
      }
      throw new IllegalStateException("no request id avoids " + bad);
    });
    Map<String, String> headers = new LinkedHashMap<>(request.headers());
    headers.put(headerName, id);
    return delegate.post(new NodeHttpRequest(request.url(), headers, request.body(), request.timeout()));
  }

  private Optional<byte[]> digestOf(NodeHttpRequest request) throws IOException {
    String url = request.url();
    JsonNode body = LitJson.parse(request.body(), "body");
    if (url.endsWith("/web/pkp/sign")) return Optional.of(bytes(body.get("toSign")));
    if (url.endsWith("/web/execute")) {
      JsonNode toSign = body.path("jsParams").get("toSign");
      return toSign == null ? Optional.empty() : Optional.of(bytes(toSign));
    }
    if (url.endsWith("/web/sign_session_key")) {
      // the node signs the SIWE rebuilt with the PKP address and the nonce block's time (SimulatedNode.signSessionKey)
      SiweMessage siwe = SiweMessage.parseLenient(body.get("siweMessage").asText());
      byte[] pubkey = Hex.decode(body.get("pkpPublicKey").asText(), "pkpPublicKey");
      EthBlock.Block block = rpc.ethGetBlockByHash(siwe.nonce(), false).send().getBlock();
      String text = siwe.toBuilder()
          .address(Secp256k1PublicKey.fromBytes(pubkey).ethAddress().checksummed())
          .nonce(block.getHash().toLowerCase(Locale.ROOT))
          .issuedAt(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(block.getTimestamp().longValueExact())))
          .build().prepareMessage();
      return Optional.of(EthHash.personalMessageHash(text.getBytes(StandardCharsets.UTF_8)));
    }
    return Optional.empty();
  }

  private static byte[] bytes(JsonNode array) {
    if (array.isTextual()) return Hex.decode(array.asText(), "toSign");
    byte[] b = new byte[array.size()];
    for (int i = 0; i < b.length; i++) b[i] = (byte) array.get(i).asInt();
    return b;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
