package io.lit4j.benchmarks;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.resources.ResourceAbilityRequest;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.session.SessionSiwe;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.core.constants.LitAbility;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing session sigs for a 10-node network: one byte-exact {@code signedMessage} JSON and one
 * ed25519 signature per node, as {@code getSessionSigs} does after the wallet has signed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionSigBenchmarks {
  private SessionKeyPair sessionKey;
  private List<ResourceAbilityRequest> requests;
  private List<AuthSig> capabilities;
  private List<String> nodeUrls;
  private final Clock clock = Clock.systemUTC();

  @Setup
  public void setUp() {
    sessionKey = SessionKeyPair.generate();
    requests =
        List.of(
            ResourceAbilityRequest.of(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION),
            ResourceAbilityRequest.of(LitPKPResource.ALL, LitAbility.PKP_SIGNING));
    // a throw-away well-known test key (anvil's first dev account), never a real secret
    Web3jEthSigner wallet =
        Web3jEthSigner.fromPrivateKey(
            "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    String siwe =
        SessionSiwe.builder()
            .address(wallet.address())
            .sessionKey(sessionKey)
            .resourceAbilityRequests(requests)
            .nonce("0x" + "ab".repeat(32))
            .build()
            .prepareMessage();
    capabilities = SessionSigs.capabilities(Optional.empty(), AuthSigs.generate(wallet, siwe));
    nodeUrls = IntStream.range(0, 10).mapToObj(i -> "http://127.0.0.1:" + (7470 + i)).toList();
  }

  @Benchmark
  public SessionSigs tenSessionSigs() {
    return SessionSigs.sign(sessionKey, requests, capabilities, nodeUrls, clock);
  }
}
