package io.lit4j.node.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitAccessControlConditionResource;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.errors.LitException;
import io.lit4j.crypto.bls.BlsJwt;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.EthSignatures;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.localnet.LocalLitNetwork;
import io.lit4j.localnet.junit.LocalLitNetworkTest;
import io.lit4j.localnet.node.NodeFault;
import io.lit4j.localnet.node.SimulatedNode;
import io.lit4j.node.AuthNeededCallback;
import io.lit4j.node.DecryptRequest;
import io.lit4j.node.EncryptRequest;
import io.lit4j.node.EncryptResponse;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.SessionSigsRequest;
import io.lit4j.node.SignedTokenRequest;
import io.lit4j.node.faults.Resources;
import io.lit4j.node.load.Latencies;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * Soak: one client makes mixed calls (session sigs, executeJs, pkpSign, decrypt, getSignedToken) at
 * a steady rate against 5 nodes while a chaos loop takes nodes down and up, makes one give wrong
 * shares, slows one, and changes the validator set through Staking (a node joins or leaves, the
 * epoch advances). Every call must succeed verified or fail with a {@link LitException} within its
 * deadline; session sigs made before the churn must work after it; client threads and connections
 * must stay bounded.
 *
 * <p>CI runs it for {@value #DEFAULT_SECONDS} s of load; {@code -Dlit4j.soak.seconds=600} runs it
 * longer. It writes its figures to {@code target/soak-report.md} and stdout (see
 * docs/benchmarks.md).
 */
@LocalLitNetworkTest(
    nodes = 5,
    seed = "lit4j-soak",
    rateLimiting = false,
    actionTimeoutMillis = 10_000)
class SoakTest {
  static final long DEFAULT_SECONDS = 38;
  private static final int WORKERS = 3;
  private static final Duration CALL_INTERVAL =
      Duration.ofMillis(600); // per worker: ~5 calls/s in all
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);
  private static final Duration CALL_DEADLINE =
      Duration.ofSeconds(30); // a call that takes longer hangs
  private static final Duration CHAOS_STEP = Duration.ofSeconds(3);

  enum Kind {
    SESSION_SIGS,
    EXECUTE_JS,
    PKP_SIGN,
    DECRYPT,
    SIGNED_TOKEN,
    PRE_CHURN_SESSION
  }

  private final Map<Kind, Latencies> latencies = new EnumMap<>(Kind.class);
  private final Map<Kind, AtomicInteger> ok = new EnumMap<>(Kind.class);
  private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
  private final List<Throwable> untyped = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<String> chaosLog = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicInteger maxNodes = new AtomicInteger();

  @Test
  void mixedCallsDuringChurnSucceedVerifiedOrFailTypedAndResourcesStayBounded(LocalLitNetwork net)
      throws Exception {
    long seconds = Long.getLong("lit4j.soak.seconds", DEFAULT_SECONDS);
    for (Kind k : Kind.values()) {
      latencies.put(k, new Latencies(k.name()));
      ok.put(k, new AtomicInteger());
    }
    Credentials wallet = net.devAccount(3);
    Web3jEthSigner signer = new Web3jEthSigner(wallet);
    Set<Integer> nodePorts = new HashSet<>();
    try (LitNodeClient client =
            LitNodeClient.create(
                LitNodeClientConfig.builder()
                    .localNetwork(net.rpcUrl(), net.contracts())
                    .refreshInterval(Duration.ofSeconds(2))
                    .requestTimeout(REQUEST_TIMEOUT)
                    .build());
        LitContracts contracts =
            LitContracts.builder()
                .rpcUrl(net.rpcUrl())
                .addresses(net.contracts())
                .signer(wallet)
                .build()) {
      client.connect();
      Instant now = Instant.now();
      AuthSig login =
          AuthSigs.generate(
              signer,
              SiweMessage.builder()
                  .domain("localhost")
                  .address(signer.address())
                  .statement("lit4j soak")
                  .uri("https://localhost/login")
                  .nonce(client.getLatestBlockhash())
                  .issuedAt(now)
                  .expirationTime(now.plus(Duration.ofHours(24)))
                  .chainId(1)
                  .build()
                  .prepareMessage());
      MintedPkp pkp =
          contracts
              .pkps()
              .mintWithAuth(AuthMethod.ethWallet(login), List.of(AuthMethodScope.SIGN_ANYTHING));
      Secp256k1PublicKey pkpKey = pkp.publicKey();
      AccessControlConditions acc =
          AccessControlConditions.fromJson(
              ConditionKind.ACCESS_CONTROL_CONDITIONS,
              "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"\",\"parameters\":"
                  + "[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\""
                  + signer.address()
                  + "\"}}]");
      EncryptResponse secret =
          client.encrypt(EncryptRequest.builder().conditions(acc).text("soak secret").build());
      SessionSigs preChurn = client.getSessionSigs(sessionRequest(signer, Duration.ofHours(24)));
      String networkKey = client.connectionState().orElseThrow().networkPubKey();

      Map<Kind, Supplier<Boolean>> calls = new EnumMap<>(Kind.class);
      AtomicInteger counter = new AtomicInteger();
      calls.put(
          Kind.SESSION_SIGS,
          () -> {
            SessionSigs s = client.getSessionSigs(sessionRequest(signer, Duration.ofMinutes(10)));
            return !s.nodeUrls().isEmpty()
                && s.nodeUrls().stream().allMatch(u -> SessionSigs.verifySignature(s.forNode(u)));
          });
      calls.put(
          Kind.EXECUTE_JS,
          () -> {
            int n = counter.incrementAndGet();
            return ("r" + n)
                .equals(
                    client
                        .executeJs(
                            ExecuteJsRequest.builder()
                                .code("Lit.Actions.setResponse({response: 'r' + n});")
                                .jsParam("n", n)
                                .auth(NodeAuth.authSig(login))
                                .build())
                        .response());
          });
      calls.put(
          Kind.PKP_SIGN,
          () -> {
            byte[] digest =
                EthHash.keccak256(
                    ("soak " + counter.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
            EcdsaSignature sig =
                client.pkpSign(
                    PkpSignRequest.builder()
                        .toSign(digest)
                        .pkpPublicKey(pkpKey)
                        .auth(NodeAuth.authSig(login))
                        .build());
            return pkpKey
                .ethAddress()
                .equals(EthSignatures.recoverAddress(digest, sig.signature()));
          });
      calls.put(
          Kind.DECRYPT,
          () ->
              "soak secret"
                  .equals(
                      client.decryptToString(
                          DecryptRequest.builder()
                              .conditions(acc)
                              .encrypted(secret)
                              .auth(NodeAuth.authSig(login))
                              .build())));
      calls.put(
          Kind.SIGNED_TOKEN,
          () -> {
            SignedToken t =
                client.getSignedToken(
                    SignedTokenRequest.builder()
                        .conditions(acc)
                        .chain("ethereum")
                        .auth(NodeAuth.authSig(login))
                        .build());
            BlsJwt.verify(t.jwt(), BlsPublicKey.fromHex(networkKey));
            return t.subject().equalsIgnoreCase(signer.address());
          });
      calls.put(
          Kind.PRE_CHURN_SESSION,
          () ->
              "soak secret"
                  .equals(
                      client.decryptToString(
                          DecryptRequest.builder()
                              .conditions(acc)
                              .encrypted(secret)
                              .auth(NodeAuth.sessionSigs(preChurn))
                              .build())));

      // warm-up, then the resource baseline
      for (Kind k : Kind.values()) call(k, calls.get(k));
      Thread.sleep(1000);
      net.nodes().forEach(n -> nodePorts.add(n.server().port()));
      Set<String> threadsBefore = Resources.clientThreads();
      int connectionsBefore = Resources.establishedTo(nodePorts);

      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> workers = new ArrayList<>();
      Kind[] rotation = Kind.values();
      for (int w = 0; w < WORKERS; w++) {
        int offset = w;
        Thread t =
            new Thread(
                () -> {
                  for (int i = offset; !stop.get(); i++) {
                    long start = System.nanoTime();
                    Kind k = rotation[i % rotation.length];
                    call(k, calls.get(k));
                    sleepRest(start, CALL_INTERVAL);
                  }
                },
                "soak-worker-" + w);
        workers.add(t);
        t.start();
      }
      long t0 = System.nanoTime();
      Thread chaos = new Thread(() -> chaos(net, stop, nodePorts), "soak-chaos");
      chaos.start();
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      stop.set(true);
      chaos.join(60_000);
      for (Thread t : workers) t.join(CALL_DEADLINE.toMillis() + 5_000);
      long wall = System.nanoTime() - t0;
      for (SimulatedNode n : net.nodes()) n.server().setFault(NodeFault.NONE);

      // after the churn: the network is healthy again; the client follows within its refresh
      Thread.sleep(3_000);
      Map<Kind, Boolean> after = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) after.put(k, call(k, calls.get(k)));
      Set<Integer> allPorts = new HashSet<>(nodePorts);
      net.nodes().forEach(n -> allPorts.add(n.server().port()));
      int connectionsAfter = Resources.establishedTo(allPorts);
      Set<String> threadsAfter = Resources.clientThreads();
      Set<String> newThreads = new HashSet<>(threadsAfter);
      newThreads.removeAll(threadsBefore);

      String report =
          report(
              seconds,
              wall,
              net,
              threadsBefore.size(),
              threadsAfter.size(),
              connectionsBefore,
              connectionsAfter,
              after);
      System.out.println(report);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "soak-report.md"), report);

      assertEquals(
          List.of(),
          untyped.stream().map(Throwable::toString).toList(),
          "calls that failed untyped or hung");
      // session sigs made before the churn included: they follow the validator set
      for (Kind k : Kind.values())
        assertTrue(after.get(k), k + " does not work after the churn: " + report);
      for (Kind k : Kind.values()) {
        assertTrue(ok.get(k).get() > 0, k + " never succeeded during the soak: " + report);
      }
      // bounded by what is in flight: each worker's call fans out to every node at most once
      int inFlight = WORKERS * maxNodes.get();
      // lit4j's own threads (OkHttp dispatcher, workers) and OkHttp's process-wide TaskRunner
      // (connection upkeep tasks) are separate pools, each bounded by the work in flight; idle
      // threads of both expire after 60 s. A Staking re-read during churn adds one more request.
      Predicate<String> okHttpTasks = n -> n.startsWith("OkHttp TaskRunner");
      long clientBefore = threadsBefore.stream().filter(okHttpTasks.negate()).count();
      long clientAfter = threadsAfter.stream().filter(okHttpTasks.negate()).count();
      long tasksBefore = threadsBefore.stream().filter(okHttpTasks).count();
      long tasksAfter = threadsAfter.stream().filter(okHttpTasks).count();
      assertTrue(
          clientAfter <= clientBefore + inFlight + WORKERS + 4,
          "client threads grew past the requests in flight (" + inFlight + "): " + newThreads);
      assertTrue(
          tasksAfter <= tasksBefore + inFlight,
          "OkHttp task threads grew past the requests in flight (" + inFlight + "): " + newThreads);
      assertTrue(
          connectionsAfter <= Math.max(connectionsBefore, inFlight),
          "connections to the nodes grew: " + connectionsBefore + " -> " + connectionsAfter);
    }
  }

  private static SessionSigsRequest sessionRequest(Web3jEthSigner signer, Duration ttl) {
    return SessionSigsRequest.builder()
        .authNeededCallback(AuthNeededCallback.ethWallet(signer))
        .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
        .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
        .resourceAbility(
            LitAccessControlConditionResource.ALL, LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)
        .resourceAbility(
            LitAccessControlConditionResource.ALL, LitAbility.ACCESS_CONTROL_CONDITION_SIGNING)
        .expiration(ttl)
        .build();
  }

  /** Runs one call with a hard deadline; records its latency and outcome. */
  private boolean call(Kind kind, Supplier<Boolean> body) {
    long start = System.nanoTime();
    CompletableFuture<Boolean> f =
        CompletableFuture.supplyAsync(
            body::get,
            r -> {
              Thread t = new Thread(r, "soak-call");
              t.setDaemon(true);
              t.start();
            });
    try {
      boolean verified = f.get(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      latencies.get(kind).add(System.nanoTime() - start);
      if (verified) {
        ok.get(kind).incrementAndGet();
        return true;
      }
      untyped.add(new AssertionError(kind + " returned an answer that does not verify"));
      return false;
    } catch (TimeoutException e) {
      untyped.add(new AssertionError(kind + " did not finish within " + CALL_DEADLINE));
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      latencies.get(kind).add(System.nanoTime() - start);
      Throwable c = e.getCause();
      if (c instanceof LitException le) {
        errors
            .computeIfAbsent(
                kind
                    + " "
                    + c.getClass().getSimpleName()
                    + le.errorCode().map(x -> "/" + x).orElse(""),
                x -> new AtomicInteger())
            .incrementAndGet();
      } else {
        untyped.add(c);
      }
      return false;
    }
  }

  /** One fault or validator-set change per step, undone at the next step. */
  private void chaos(LocalLitNetwork net, AtomicBoolean stop, Set<Integer> ports) {
    Runnable undo = () -> {};
    for (int step = 0; !stop.get(); step++) {
      undo.run();
      undo = () -> {};
      List<SimulatedNode> nodes = net.nodes();
      maxNodes.accumulateAndGet(nodes.size(), Math::max);
      SimulatedNode victim = nodes.get(step % nodes.size());
      try {
        switch (step % 5) {
          case 0 -> {
            victim.server().setFault(NodeFault.DOWN);
            undo = () -> victim.server().setFault(NodeFault.NONE);
            chaosLog.add("down " + victim.url());
          }
          case 1 -> {
            victim.server().setFault(NodeFault.WRONG_SHARE);
            undo = () -> victim.server().setFault(NodeFault.NONE);
            chaosLog.add("wrong shares " + victim.url());
          }
          case 2 -> {
            victim.server().setFault(NodeFault.SLOW, Duration.ofMillis(1500));
            undo = () -> victim.server().setFault(NodeFault.NONE);
            chaosLog.add("slow " + victim.url());
          }
          case 3 -> {
            if (nodes.size() <= 5) {
              String url = net.addNode();
              ports.add(URI.create(url).getPort());
              chaosLog.add("join " + url + " → epoch " + net.advanceEpoch());
              maxNodes.accumulateAndGet(net.nodes().size(), Math::max);
            } else {
              String url = nodes.get(0).url();
              net.removeNode(0);
              chaosLog.add("leave " + url + " → epoch " + net.advanceEpoch());
            }
          }
          default -> chaosLog.add("calm");
        }
      } catch (RuntimeException e) {
        chaosLog.add("chaos step failed: " + e);
      }
      sleepRest(System.nanoTime(), CHAOS_STEP);
    }
    undo.run();
  }

  private static void sleepRest(long startNanos, Duration period) {
    long left = period.toNanos() - (System.nanoTime() - startNanos);
    if (left > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String report(
      long seconds,
      long wallNanos,
      LocalLitNetwork net,
      int threadsBefore,
      int threadsAfter,
      int connBefore,
      int connAfter,
      Map<Kind, Boolean> after) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "### Soak: %d s of load, %d workers, epoch %d at the end (%d nodes, t = %d)%n%n",
            seconds,
            WORKERS,
            net.epoch(),
            net.nodes().size(),
            net.minNodeCount()));
    b.append(
        "| call | ok | failed (typed) | p50 ms | p95 ms | p99 ms | max ms | works after the churn |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (Kind k : Kind.values()) {
      Latencies l = latencies.get(k);
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.0f | %.0f | %.0f | %.0f | %s |%n",
              k.name().toLowerCase(Locale.ROOT),
              ok.get(k).get(),
              l.count() - ok.get(k).get(),
              l.quantile(0.5),
              l.quantile(0.95),
              l.quantile(0.99),
              l.quantile(1.0),
              after.get(k) ? "yes" : "no"));
    }
    b.append("\nError kinds (call, exception/errorCode → count):\n\n");
    new TreeMap<>(errors)
        .forEach((k, v) -> b.append("- `").append(k).append("`: ").append(v.get()).append('\n'));
    b.append(
        String.format(
            Locale.ROOT,
            "%nUntyped failures or hangs: %d. Client threads %d → %d; connections to the nodes %d → %d.%n",
            untyped.size(),
            threadsBefore,
            threadsAfter,
            connBefore,
            connAfter));
    long joins =
        chaosLog.stream().filter(s -> s.startsWith("join") || s.startsWith("leave")).count();
    b.append(
        String.format(
            Locale.ROOT,
            "Chaos: %d steps, %d validator-set changes: %s%n",
            chaosLog.size(),
            joins,
            chaosLog));
    return b.toString();
  }
}
