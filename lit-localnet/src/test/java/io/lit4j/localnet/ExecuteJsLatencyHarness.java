package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Latency harness (not part of the normal test run: surefire only picks up {@code *Test}): a no-op
 * {@code executeJs} sent to every node of a 3-node network in parallel, as the SDK does, timed end
 * to end. Prints p50/p99 of the slowest node per call. Run with {@code mvn -o -q -pl lit-localnet
 * -am test -Dtest=ExecuteJsLatencyHarness -Dsurefire.failIfNoSpecifiedTests=false
 * -DargLine=-Dsun.net.httpserver.nodelay=true}. {@code -Dlit4j.harness.calls=N} sets the number of
 * timed calls (default 200).
 */
class ExecuteJsLatencyHarness {
  @Test
  void noOpExecuteJsOnThreeNodes() throws Exception {
    int calls = Integer.getInteger("lit4j.harness.calls", 200);
    try (LocalLitNetwork net =
        LocalLitNetwork.builder().nodes(3).seed("lit4j-latency-harness").start()) {
      Credentials owner = net.devAccount(3);
      String nonce =
          net.anvil()
              .web3j()
              .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getHash();
      ObjectNode body = NodeCalls.object();
      body.set("authSig", NodeCalls.authSigJson(NodeCalls.walletAuthSig(owner, nonce)));
      body.put(
          "code",
          Base64.getEncoder()
              .encodeToString(
                  "Lit.Actions.setResponse({ response: 'ok' });".getBytes(StandardCharsets.UTF_8)));
      body.set("jsParams", NodeCalls.object());
      report("no-op executeJs, 3 nodes, back to back", net, body, calls, 0);
      report("no-op executeJs, 3 nodes, 100 ms between calls", net, body, calls / 2, 100);
      ObjectNode withEthers = body.deepCopy();
      withEthers.put(
          "code",
          Base64.getEncoder()
              .encodeToString(
                  "Lit.Actions.setResponse({ response: ethers.utils.keccak256('0x01') });"
                      .getBytes(StandardCharsets.UTF_8)));
      report(
          "executeJs using ethers, 3 nodes, 3 s between calls",
          net,
          withEthers,
          Math.max(10, calls / 20),
          3000);
    }
  }

  private static void report(
      String what, LocalLitNetwork net, ObjectNode body, int calls, long pauseMillis)
      throws InterruptedException {
    for (int i = 0; i < 10; i++) call(net, body);
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long[] ms = new long[calls];
    long cpu = 0;
    Map<Long, Long> threadsBefore = threadCpu();
    long sectionCpu0 = os.getProcessCpuTime();
    for (int i = 0; i < calls; i++) {
      if (pauseMillis > 0) Thread.sleep(pauseMillis);
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      call(net, body);
      ms[i] = System.nanoTime() - t0;
      cpu += os.getProcessCpuTime() - c0;
    }
    long sectionCpu = os.getProcessCpuTime() - sectionCpu0;
    Map<Long, Long> threadsAfter = threadCpu();
    Arrays.sort(ms);
    // CPU: what the whole JVM (client, 3 nodes, runtime threads) spent while a call was in flight;
    // it does not depend on how loaded the machine is, wall time does
    System.out.printf(
        "HARNESS %s: %d calls, p50 %.1f ms, p99 %.1f ms, max %.1f ms, JVM CPU %.1f ms per call, load %.1f%n",
        what,
        calls,
        ms[calls / 2] / 1e6,
        ms[Math.min(calls - 1, (int) Math.ceil(calls * 0.99) - 1)] / 1e6,
        ms[calls - 1] / 1e6,
        cpu / 1e6 / calls,
        os.getSystemLoadAverage());
    // where the CPU went, by thread (numbers folded: "lit-localnet-node-N-N" is every node's
    // handler); what no live Java thread accounts for is the JIT compiler, GC and threads that
    // ended
    Map<String, Long> byGroup = new TreeMap<>();
    long javaThreads = 0;
    for (var e : threadsAfter.entrySet()) {
      long spent = e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L);
      String name = THREAD_NAMES.getOrDefault(e.getKey(), "?").replaceAll("\\d+", "N");
      byGroup.merge(name, spent, Long::sum);
      javaThreads += spent;
    }
    // over the whole section, pauses included (the background threads work in the pauses)
    StringBuilder sb = new StringBuilder("HARNESS   CPU per call by thread, pauses included:");
    byGroup.forEach(
        (name, spent) -> {
          if (spent / 1e6 / calls >= 0.1)
            sb.append(String.format(" %s %.1f ms;", name, spent / 1e6 / calls));
        });
    sb.append(
        String.format(
            " JIT, GC and ended threads %.1f ms", (sectionCpu - javaThreads) / 1e6 / calls));
    System.out.println(sb);
  }

  private static final Map<Long, String> THREAD_NAMES = new ConcurrentHashMap<>();

  private static Map<Long, Long> threadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo t : threads.dumpAllThreads(false, false)) {
      long c = threads.getThreadCpuTime(t.getThreadId());
      if (c < 0) continue;
      THREAD_NAMES.put(t.getThreadId(), t.getThreadName());
      cpu.put(t.getThreadId(), c);
    }
    return cpu;
  }

  private static void call(LocalLitNetwork net, ObjectNode body) {
    List<NodeCalls.Answer> answers = NodeCalls.all(net, "/web/execute", body);
    for (NodeCalls.Answer a : answers) assertEquals(200, a.status(), a.body().toString());
  }
}
