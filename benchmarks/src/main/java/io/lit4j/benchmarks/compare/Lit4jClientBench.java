package io.lit4j.benchmarks.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lit4j.auth.authsig.AuthSig;
import io.lit4j.auth.authsig.AuthSigs;
import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.auth.resources.LitAccessControlConditionResource;
import io.lit4j.auth.resources.LitActionResource;
import io.lit4j.auth.resources.LitPKPResource;
import io.lit4j.auth.session.SessionKeyPair;
import io.lit4j.auth.session.SessionSigs;
import io.lit4j.auth.signer.Web3jEthSigner;
import io.lit4j.auth.siwe.SiweMessage;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.LocalNetworkConnection;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.acc.ConditionKind;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.constants.LitAbility;
import io.lit4j.core.json.LitJson;
import io.lit4j.crypto.bls.SignedToken;
import io.lit4j.crypto.ecdsa.EcdsaSignature;
import io.lit4j.crypto.eth.EthHash;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.node.AuthNeededCallback;
import io.lit4j.node.DecryptRequest;
import io.lit4j.node.EncryptRequest;
import io.lit4j.node.EncryptResponse;
import io.lit4j.node.ExecuteJsRequest;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.NodeAuth;
import io.lit4j.node.PkpSessionRequest;
import io.lit4j.node.PkpSignRequest;
import io.lit4j.node.SessionSigsRequest;
import io.lit4j.node.SignedTokenRequest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.crypto.Credentials;

/**
 * The lit4j side of the comparison with the JS SDK 4.2.0 ({@code
 * benchmarks/compare/compare-with-js-sdk.sh}): against a running lit-localnet (its connection
 * JSON), one call at a time, every result checked.
 *
 * <pre>
 * Lit4jClientBench run  &lt;connection.json&gt; &lt;calls&gt; &lt;warm-up calls&gt;   one JSON line per operation
 * Lit4jClientBench cold &lt;connection.json&gt; &lt;pkp public key hex&gt;         connect, PKP session sigs, one verified pkpSign
 * </pre>
 *
 * Client CPU is this process's CPU time (every thread: the caller, HTTP, JIT and GC) over the
 * measured calls, reported with its parts (application threads, JIT compiler threads, GC threads);
 * the nodes run in another process.
 */
public final class Lit4jClientBench {
  /** The JS side uses dev account 3; this one keeps the two clients' transactions apart. */
  private static final int DEV_ACCOUNT = 4;

  private final LocalNetworkConnection info;
  private final Credentials wallet;
  private final Web3jEthSigner signer;
  private final LitNodeClientConfig config;
  private final LitContractAddresses addresses;

  private Lit4jClientBench(Path connection) throws Exception {
    info = LocalNetworkConnection.read(connection);
    wallet = info.devAccount(DEV_ACCOUNT);
    signer = new Web3jEthSigner(wallet);
    addresses = info.contracts();
    config =
        LitNodeClientConfig.builder()
            .localNetwork(info.rpcUrl(), addresses)
            .refreshInterval(Duration.ZERO)
            .build();
  }

  /**
   * Runs the comparison's lit4j side.
   *
   * @param args {@code run <connection.json> <calls> <warm-up>} or {@code cold <connection.json>
   *     <pkp key hex>}
   * @throws Exception when a step fails (the harness reports it)
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: Lit4jClientBench run <connection.json> <calls> <warm-up> | cold <connection.json> <pkp key hex>");
      System.exit(2);
    }
    Lit4jClientBench bench = new Lit4jClientBench(Path.of(args[1]));
    if (args[0].equals("cold")) {
      bench.cold(Secp256k1PublicKey.fromHex(args[2]));
    } else {
      bench.run(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }
    System.exit(0);
  }

  private AuthMethod login(LitNodeClient client) {
    Instant now = Instant.now();
    AuthSig authSig =
        AuthSigs.generate(
            signer,
            SiweMessage.builder()
                .domain("localhost")
                .address(signer.address())
                .statement("lit4j benchmark")
                .uri("https://localhost/login")
                .nonce(client.getLatestBlockhash())
                .issuedAt(now)
                .expirationTime(now.plus(Duration.ofHours(2)))
                .chainId(1)
                .build()
                .prepareMessage());
    return AuthMethod.ethWallet(authSig);
  }

  private SessionSigsRequest eoaRequest() {
    return SessionSigsRequest.builder()
        .authNeededCallback(AuthNeededCallback.ethWallet(signer))
        .sessionKey(SessionKeyPair.generate())
        .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
        .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
        .resourceAbility(
            LitAccessControlConditionResource.ALL, LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION)
        .resourceAbility(
            LitAccessControlConditionResource.ALL, LitAbility.ACCESS_CONTROL_CONDITION_SIGNING)
        .expiration(Duration.ofHours(1))
        .build();
  }

  private static PkpSessionRequest pkpRequest(Secp256k1PublicKey pkp, AuthMethod authMethod) {
    return PkpSessionRequest.builder()
        .pkpPublicKey(pkp)
        .authMethod(authMethod)
        .sessionKey(SessionKeyPair.generate())
        .resourceAbility(LitPKPResource.ALL, LitAbility.PKP_SIGNING)
        .resourceAbility(LitActionResource.ALL, LitAbility.LIT_ACTION_EXECUTION)
        .expiration(Duration.ofHours(1))
        .build();
  }

  private static EcdsaSignature checkedPkpSign(
      LitNodeClient client, Secp256k1PublicKey pkp, SessionSigs sessions, String text) {
    byte[] digest = EthHash.keccak256(text.getBytes(StandardCharsets.UTF_8));
    EcdsaSignature sig =
        client.pkpSign(
            PkpSignRequest.builder()
                .toSign(digest)
                .pkpPublicKey(pkp)
                .auth(NodeAuth.sessionSigs(sessions))
                .build());
    if (!sig.recoverAddress().equals(pkp.ethAddress())
        || !Arrays.equals(digest, sig.dataSigned())) {
      throw new IllegalStateException("pkpSign signature does not recover to the PKP");
    }
    return sig;
  }

  /**
   * Fresh JVM to a verified pkpSign: the same steps as the JS cold start (connect, PKP session
   * sigs, sign).
   */
  private void cold(Secp256k1PublicKey pkp) {
    try (LitNodeClient client = LitNodeClient.create(config)) {
      client.connect();
      SessionSigs sessions = client.getPkpSessionSigs(pkpRequest(pkp, login(client)));
      checkedPkpSign(client, pkp, sessions, "lit4j cold start");
    }
    long sinceStart = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println("{\"sdk\":\"lit4j\",\"cold\":true,\"msSinceJvmStart\":" + sinceStart + "}");
  }

  private void run(int calls, int warmup) throws Exception {
    List<String> lines = new ArrayList<>();
    try (LitNodeClient client = LitNodeClient.create(config);
        LitContracts contracts =
            LitContracts.builder()
                .rpcUrl(info.rpcUrl())
                .addresses(addresses)
                .signer(wallet)
                .build()) {
      client.connect();
      AuthMethod authMethod = login(client);
      MintedPkp minted =
          contracts
              .pkps()
              .mintWithAuth(
                  authMethod,
                  List.of(AuthMethodScope.SIGN_ANYTHING, AuthMethodScope.PERSONAL_SIGN));
      Secp256k1PublicKey pkp = minted.publicKey();
      SessionSigs eoaSessions = client.getSessionSigs(eoaRequest());
      SessionSigs pkpSessions = client.getPkpSessionSigs(pkpRequest(pkp, authMethod));
      AccessControlConditions isTheWallet =
          AccessControlConditions.fromJson(
              ConditionKind.ACCESS_CONTROL_CONDITIONS,
              "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"\","
                  + "\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\""
                  + signer.address()
                  + "\"}}]");
      String secret = "x".repeat(1000);

      // connect: a new client per call, as on the JS side; its clients share Node's global HTTP
      // agent and one ethers provider, so these share one OkHttpClient (connectOwnHttp: each
      // client makes its own HTTP stack and threads, lit4j's default)
      okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
      dispatcher.setMaxRequestsPerHost(64);
      okhttp3.OkHttpClient sharedHttp =
          new okhttp3.OkHttpClient.Builder().dispatcher(dispatcher).build();
      LitNodeClientConfig sharingHttp = config.toBuilder().httpClient(sharedHttp).build();
      for (var connectOp :
          List.of(Map.entry("connect", sharingHttp), Map.entry("connectOwnHttp", config))) {
        lines.add(
            measure(
                connectOp.getKey(),
                calls,
                warmup,
                i -> {
                  try (LitNodeClient c = LitNodeClient.create(connectOp.getValue())) {
                    if (c.connect().connectedNodes().size() != info.nodeUrls().size())
                      throw new IllegalStateException("not every node connected");
                  }
                }));
      }
      sharedHttp.dispatcher().executorService().shutdown();
      sharedHttp.connectionPool().evictAll();
      lines.add(
          measure(
              "eoaSessionSigs",
              calls,
              warmup,
              i -> {
                SessionSigs s = client.getSessionSigs(eoaRequest());
                if (s.nodeUrls().size() != info.nodeUrls().size())
                  throw new IllegalStateException("one session sig per node");
              }));
      lines.add(
          measure(
              "pkpSessionSigs",
              calls,
              warmup,
              i -> {
                SessionSigs s = client.getPkpSessionSigs(pkpRequest(pkp, authMethod));
                if (s.nodeUrls().size() != info.nodeUrls().size())
                  throw new IllegalStateException("one session sig per node");
              }));
      lines.add(
          measure(
              "executeJs",
              calls,
              warmup,
              i -> {
                byte[] toSign =
                    EthHash.keccak256(("lit4j executeJs " + i).getBytes(StandardCharsets.UTF_8));
                var res =
                    client.executeJs(
                        ExecuteJsRequest.builder()
                            .code(
                                "(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig1' });"
                                    + " Lit.Actions.setResponse({ response: JSON.stringify({ hello: 'localnet' }) }); })();")
                            .jsParam("toSign", toSign)
                            .jsParam("publicKey", pkp.hex())
                            .auth(NodeAuth.sessionSigs(pkpSessions))
                            .build());
                if (!res.signature("sig1").recoverAddress().equals(pkp.ethAddress()))
                  throw new IllegalStateException("executeJs signature");
              }));
      lines.add(
          measure(
              "pkpSign",
              calls,
              warmup,
              i -> checkedPkpSign(client, pkp, pkpSessions, "lit4j pkpSign " + i)));
      List<EncryptResponse> encrypted = new ArrayList<>();
      lines.add(
          measure(
              "encrypt",
              calls,
              warmup,
              i ->
                  encrypted.add(
                      client.encrypt(
                          EncryptRequest.builder().conditions(isTheWallet).text(secret).build()))));
      lines.add(
          measure(
              "decrypt",
              calls,
              warmup,
              i -> {
                EncryptResponse e = encrypted.get(Math.floorMod(i, encrypted.size()));
                if (!client
                    .decryptToString(
                        DecryptRequest.builder()
                            .conditions(isTheWallet)
                            .encrypted(e)
                            .auth(NodeAuth.sessionSigs(eoaSessions))
                            .build())
                    .equals(secret)) {
                  throw new IllegalStateException("decrypt returned another plaintext");
                }
              }));
      lines.add(
          measure(
              "getSignedToken",
              calls,
              warmup,
              i -> {
                SignedToken t =
                    client.getSignedToken(
                        SignedTokenRequest.builder()
                            .conditions(isTheWallet)
                            .chain("ethereum")
                            .auth(NodeAuth.sessionSigs(eoaSessions))
                            .build());
                if (!t.subject().equalsIgnoreCase(signer.address()))
                  throw new IllegalStateException("JWT subject " + t.subject());
              }));
      ObjectNode pkpLine =
          LitJson.mapper().createObjectNode().put("sdk", "lit4j").put("pkpPublicKey", pkp.hex());
      lines.add(LitJson.write(pkpLine));
    }
    lines.forEach(System.out::println);
  }

  private interface Call {
    void run(int i) throws Exception;
  }

  /**
   * Median wall time and, over the {@code calls} measured calls after {@code warmup} unmeasured
   * ones, per call: the process's CPU time (every thread), the application threads' CPU (the Java
   * threads: caller, HTTP, pools), the JIT compiler threads' and the GC threads' CPU (from the
   * kernel's per-thread accounting, Linux only; -1 elsewhere) and the bytes the application threads
   * allocated. The warm-up is {@code warmup} calls, cut short once it has run for {@code
   * WARMUP_SECONDS} (environment, default 4), as on the JS side.
   */
  private static String measure(String op, int calls, int warmup, Call call) throws Exception {
    String only = System.getProperty("lit4j.bench.ops"); // e.g. -Dlit4j.bench.ops=pkpSign,decrypt
    if (only != null && !Arrays.asList(only.split(",")).contains(op))
      return "{\"sdk\":\"lit4j\",\"skipped\":\"" + op + "\"}";
    // warm-up: the given number of calls, cut short after WARMUP_SECONDS (the JS side does the
    // same)
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds() * 1e9);
    int warmed = 0;
    while (warmed < warmup && (warmed == 0 || System.nanoTime() < warmupEnd))
      call.run(-1 - warmed++);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long[] wall = new long[calls];
    Map<Long, long[]> threads0 = threadCpuAndAllocation();
    Map<String, Long> jvm0 = JvmThreadCpu.byKind();
    long cpu0 = os.getProcessCpuTime();
    for (int i = 0; i < calls; i++) {
      long t = System.nanoTime();
      call.run(i);
      wall[i] = System.nanoTime() - t;
    }
    double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / calls;
    Map<String, Long> jvm1 = JvmThreadCpu.byKind();
    long appNanos = 0;
    long allocated = 0;
    for (var e : threadCpuAndAllocation().entrySet()) {
      long[] before = threads0.getOrDefault(e.getKey(), new long[2]);
      appNanos += e.getValue()[0] - before[0];
      allocated += e.getValue()[1] - before[1];
    }
    Arrays.sort(wall);
    double median = wall[calls / 2] / 1e6;
    return String.format(
        Locale.ROOT,
        "{\"sdk\":\"lit4j\",\"op\":\"%s\",\"calls\":%d,\"warmup\":%d,\"medianMs\":%.2f,"
            + "\"cpuMsPerCall\":%.2f,\"appThreadCpuMsPerCall\":%.2f,\"jitCpuMsPerCall\":%.2f,"
            + "\"gcCpuMsPerCall\":%.2f,\"allocKbPerCall\":%.0f}",
        op,
        calls,
        warmed,
        median,
        cpuMs,
        appNanos / 1e6 / calls,
        JvmThreadCpu.perCallMs(jvm0, jvm1, "jit", calls),
        JvmThreadCpu.perCallMs(jvm0, jvm1, "gc", calls),
        allocated / 1024.0 / calls);
  }

  /** {@return the warm-up's time limit per operation, from {@code WARMUP_SECONDS} (default 4)} */
  private static double warmupSeconds() {
    String v = System.getenv("WARMUP_SECONDS");
    return v == null || v.isBlank() ? 4 : Double.parseDouble(v);
  }

  /**
   * CPU time and allocated bytes of every live Java thread (threads that end during a measurement
   * are not counted).
   */
  private static Map<Long, long[]> threadCpuAndAllocation() {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<Long, long[]> out = new HashMap<>();
    for (long id : mx.getAllThreadIds()) {
      long t = mx.getThreadCpuTime(id);
      if (t >= 0) out.put(id, new long[] {t, Math.max(0, mx.getThreadAllocatedBytes(id))});
    }
    return out;
  }

  /**
   * The CPU time of the JVM's own threads, which {@link java.lang.management.ThreadMXBean} does not
   * list, by kind: {@code jit} (the C1 and C2 compiler threads) and {@code gc} (the GC worker,
   * marking, refinement and service threads, and the VM thread that runs their safepoint
   * operations), read from Linux's {@code /proc/self/task/<tid>} ({@code comm} names the thread,
   * the first field of {@code schedstat} is its CPU time in ns).
   */
  static final class JvmThreadCpu {
    private JvmThreadCpu() {}

    static Map<String, Long> byKind() {
      Map<String, Long> out = new HashMap<>();
      Path tasks = Path.of("/proc/self/task");
      if (!Files.isDirectory(tasks)) return out;
      try (var dirs = Files.list(tasks)) {
        for (Path task : (Iterable<Path>) dirs::iterator) {
          try {
            String name = Files.readString(task.resolve("comm")).trim();
            String kind = kind(name);
            if (kind == null) continue;
            long ns = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
            out.merge(kind + "\u0000" + task.getFileName(), ns, Long::sum);
          } catch (java.io.IOException | RuntimeException e) {
            // the thread ended while being read
          }
        }
      } catch (java.io.IOException e) {
        return out;
      }
      return out;
    }

    private static String kind(String threadName) {
      if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre"))
        return "jit";
      if (threadName.startsWith("GC Thread")
          || threadName.startsWith("G1 ")
          || threadName.startsWith("VM Thread")) return "gc";
      return null;
    }

    /** Per-call ms of one kind between two readings (threads present in both), -1 without /proc. */
    static double perCallMs(
        Map<String, Long> before, Map<String, Long> after, String kind, int calls) {
      if (after.isEmpty()) return -1;
      long ns = 0;
      for (var e : after.entrySet()) {
        if (!e.getKey().startsWith(kind + "\u0000")) continue;
        ns += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
      return ns / 1e6 / calls;
    }
  }
}
