package io.lit4j.benchmarks;

import io.lit4j.crypto.bls.Bls;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsShareCombiner;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.localnet.keys.BlsDealer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The client's work for a decrypt on 10 nodes (threshold 6) once every node answered: clean, and
 * with one wrong decryption share placed first (the worst place: it is in the first t tried).
 * {@code tolerantDecrypt} is what lit4j does ({@link BlsShareCombiner}); {@code exhaustiveDecrypt}
 * is the earlier approach (all shares, then every t-subset in order, a pairing check each), kept
 * here for the before figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlsBadShareBenchmarks {
  static final int NODES = 10;
  static final int THRESHOLD = 6;

  @Param({"clean", "oneBadShare"})
  public String shares;

  private BlsKeySet keys;
  private List<BlsSignatureShare> answers;
  private byte[] identity;
  private byte[] ciphertext;

  @Setup
  public void setUp() {
    keys =
        BlsDealer.deal(
            THRESHOLD, NODES, "lit4j-benchmarks-bad-share-seed".getBytes(StandardCharsets.UTF_8));
    byte[] plaintext = "a secret that only the conditions release".getBytes(StandardCharsets.UTF_8);
    identity =
        TimeCrypt.accessControlIdentity("0".repeat(64), TimeCrypt.dataToEncryptHash(plaintext));
    ciphertext = TimeCrypt.encrypt(keys.publicKey(), plaintext, identity);
    answers = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      boolean bad = i == 0 && shares.equals("oneBadShare");
      answers.add(
          keys.shares()
              .get(i)
              .sign(bad ? "not the identity".getBytes(StandardCharsets.UTF_8) : identity));
    }
  }

  @Benchmark
  public byte[] tolerantDecrypt() {
    BlsShareCombiner.Combined c =
        BlsShareCombiner.combineTolerant(
            keys.publicKey(),
            identity,
            answers,
            THRESHOLD,
            BlsShareCombiner.DEFAULT_MAX_PAIRING_CHECKS);
    return TimeCrypt.decrypt(ciphertext, c.signature());
  }

  @Benchmark
  public byte[] exhaustiveDecrypt() {
    BlsSignature all = Bls.combineSignatureShares(answers);
    if (Bls.verify(keys.publicKey(), identity, all)) return TimeCrypt.decrypt(ciphertext, all);
    int[] idx = new int[THRESHOLD];
    for (int i = 0; i < THRESHOLD; i++) idx[i] = i;
    while (true) {
      List<BlsSignatureShare> subset = new ArrayList<>(THRESHOLD);
      for (int i : idx) subset.add(answers.get(i));
      BlsSignature s = Bls.combineSignatureShares(subset);
      if (Bls.verify(keys.publicKey(), identity, s)) return TimeCrypt.decrypt(ciphertext, s);
      int k = THRESHOLD - 1;
      while (k >= 0 && idx[k] == NODES - THRESHOLD + k) k--;
      if (k < 0) throw new IllegalStateException("no subset verifies");
      idx[k]++;
      for (int j = k + 1; j < THRESHOLD; j++) idx[j] = idx[j - 1] + 1;
    }
  }
}
