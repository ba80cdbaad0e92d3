package io.lit4j.benchmarks;

import io.lit4j.crypto.bls.Bls;
import io.lit4j.crypto.bls.BlsKeySet;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.localnet.keys.BlsDealer;
import java.nio.charset.StandardCharsets;
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
 * Client-side BLS work per decrypt and per signed token: combining t decryption shares, and the
 * whole decrypt (combine, verify against the network key, TimeCrypt open), for t = 2, 7, 20.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlsBenchmarks {
  @Param({"2", "7", "20"})
  public int threshold;

  private BlsKeySet keys;
  private List<BlsSignatureShare> shares;
  private byte[] identity;
  private byte[] ciphertext;

  @Setup
  public void setUp() {
    keys =
        BlsDealer.deal(
            threshold, threshold + 1, "lit4j-benchmarks-bls-seed".getBytes(StandardCharsets.UTF_8));
    byte[] plaintext = "a secret that only the conditions release".getBytes(StandardCharsets.UTF_8);
    identity =
        TimeCrypt.accessControlIdentity("0".repeat(64), TimeCrypt.dataToEncryptHash(plaintext));
    ciphertext = TimeCrypt.encrypt(keys.publicKey(), plaintext, identity);
    shares = keys.shares().subList(0, threshold).stream().map(s -> s.sign(identity)).toList();
  }

  @Benchmark
  public BlsSignature combineShares() {
    return Bls.combineSignatureShares(shares);
  }

  @Benchmark
  public byte[] decrypt() {
    return TimeCrypt.verifyAndDecrypt(keys.publicKey(), identity, ciphertext, shares);
  }
}
