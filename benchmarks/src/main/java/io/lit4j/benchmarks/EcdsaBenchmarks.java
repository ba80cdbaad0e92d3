package io.lit4j.benchmarks;

import io.lit4j.crypto.ecdsa.EcdsaShareCombiner;
import io.lit4j.crypto.ecdsa.EcdsaShareJson;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.ecdsa.SigningSubset;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.crypto.hd.HdKeys;
import io.lit4j.localnet.keys.K256KeyDealer;
import io.lit4j.localnet.keys.K256RootKeyShares;
import io.lit4j.localnet.keys.SimulatedEcdsaSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Client-side work per ECDSA signature: parsing the nodes' execute-shaped share JSON, summing,
 * low-s normalisation, recovery id and verification against the PKP key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EcdsaBenchmarks {
  @Param({"2", "7", "20"})
  public int threshold;

  private List<EcdsaSignatureShare> shares;
  private List<com.fasterxml.jackson.databind.JsonNode> shareJson;

  @Setup
  public void setUp() {
    int nodes = threshold + 1;
    K256RootKeyShares keys =
        K256KeyDealer.seeded("lit4j-benchmarks-ecdsa-seed".getBytes(StandardCharsets.UTF_8))
            .deal(3, threshold, nodes);
    HdKeyId keyId = HdKeys.computeHDKeyId("benchmark-user", "lit");
    byte[] digest = EthHash.keccak256("benchmark message".getBytes(StandardCharsets.UTF_8));
    String requestId = "lit_benchmark";
    List<Integer> all = IntStream.range(0, nodes).boxed().toList();
    List<Integer> subset = SigningSubset.select(all, threshold, digest, requestId);
    SimulatedEcdsaSigner signer =
        new SimulatedEcdsaSigner(
            "lit4j-benchmarks-network-secret".getBytes(StandardCharsets.UTF_8));
    shares = new ArrayList<>();
    shareJson = new ArrayList<>();
    for (int i : all) {
      signer
          .signShare(keys.nodeShare(i), keyId, digest, requestId, subset, "sig")
          .ifPresent(
              s -> {
                shares.add(s);
                shareJson.add(EcdsaShareJson.writeExecute(s));
              });
    }
  }

  @Benchmark
  public EcdsaSignature combine() {
    return EcdsaShareCombiner.combine(shares, threshold);
  }

  @Benchmark
  public EcdsaSignature parseAndCombine() {
    List<EcdsaSignatureShare> parsed = new ArrayList<>(shareJson.size());
    for (var json : shareJson) EcdsaShareJson.parseExecute(json).ifPresent(parsed::add);
    return EcdsaShareCombiner.combine(parsed, threshold);
  }
}
