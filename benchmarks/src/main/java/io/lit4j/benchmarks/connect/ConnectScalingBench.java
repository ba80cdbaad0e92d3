package io.lit4j.benchmarks.connect;

import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.contracts.LocalNetworkConnection;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import io.lit4j.node.ValidatorSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 10 goal 5's last part: does connecting to every node of a network cost more than the
 * slowest single handshake? Against a running lit-localnet (its connection line, as {@code
 * benchmarks/compare/connect-scaling.sh} starts one), each round handshakes every node alone (a
 * client with that one node), then connects to all nodes at once, first with the node list given
 * (handshakes only), then through Staking (reads plus handshakes, a normal connect). All clients
 * share one OkHttpClient and are reused, so every figure is a kept-alive connect.
 *
 * <pre>
 * ConnectScalingBench &lt;connection.json&gt; &lt;rounds&gt; &lt;warm-up rounds&gt;
 * </pre>
 *
 * Prints one JSON line: per node the median single handshake, then the medians over the rounds of
 * the slowest single handshake of the round, of the all-node connect and of the Staking connect,
 * the median of each round's ratio all-node connect / slowest single handshake, and both connects
 * against the slowest node's median single handshake (a stricter reference: a round's slowest of
 * ten handshakes picks up scheduling noise).
 */
public final class ConnectScalingBench {
  private ConnectScalingBench() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code <connection.json> <rounds> <warm-up rounds>}
   * @throws Exception when a connect fails (the script reports it)
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ConnectScalingBench <connection.json> <rounds> <warm-up rounds>");
      System.exit(2);
    }
    LocalNetworkConnection info = LocalNetworkConnection.read(Path.of(args[0]));
    int rounds = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    List<String> urls = info.nodeUrls();
    int threshold = info.minNodeCount();
    LitContractAddresses addresses = info.contracts();
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequestsPerHost(64);
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().dispatcher(dispatcher).build();
    LitNodeClientConfig staking =
        LitNodeClientConfig.builder()
            .localNetwork(info.rpcUrl(), addresses)
            .refreshInterval(Duration.ZERO)
            .httpClient(http)
            .build();
    List<LitNodeClient> single = new ArrayList<>();
    for (String u : urls) {
      single.add(
          LitNodeClient.create(
              staking.toBuilder().validatorSource(ValidatorSource.of(List.of(u), 1)).build()));
    }
    LitNodeClient all =
        LitNodeClient.create(
            staking.toBuilder().validatorSource(ValidatorSource.of(urls, threshold)).build());
    LitNodeClient viaStaking = LitNodeClient.create(staking);
    try {
      long[][] perNode = new long[urls.size()][rounds];
      long[] slowest = new long[rounds];
      long[] allNodes = new long[rounds];
      long[] withStaking = new long[rounds];
      double[] ratio = new double[rounds];
      for (int r = -warmup; r < rounds; r++) {
        long max = 0;
        for (int i = 0; i < urls.size(); i++) {
          long t = time(single.get(i), 1);
          max = Math.max(max, t);
          if (r >= 0) perNode[i][r] = t;
        }
        long a = time(all, urls.size());
        long s = time(viaStaking, urls.size());
        if (r >= 0) {
          slowest[r] = max;
          allNodes[r] = a;
          withStaking[r] = s;
          ratio[r] = (double) a / max;
        }
      }
      StringBuilder nodes = new StringBuilder();
      double slowestNode = 0; // the slowest node's median single handshake
      for (int i = 0; i < urls.size(); i++) {
        if (i > 0) nodes.append(',');
        nodes.append(String.format(Locale.ROOT, "%.2f", median(perNode[i]) / 1e6));
        slowestNode = Math.max(slowestNode, median(perNode[i]));
      }
      Arrays.sort(ratio);
      System.out.printf(
          Locale.ROOT,
          "{\"nodes\":%d,\"threshold\":%d,\"rounds\":%d,\"singleHandshakeMedianMsPerNode\":[%s],"
              + "\"slowestSingleHandshakeMs\":%.2f,\"allNodesConnectMs\":%.2f,"
              + "\"stakingConnectMs\":%.2f,\"allNodesOverSlowestSingle\":%.2f,"
              + "\"stakingConnectOverSlowestSingle\":%.2f,\"slowestNodeMedianMs\":%.2f,"
              + "\"allNodesOverSlowestNodeMedian\":%.2f,\"stakingConnectOverSlowestNodeMedian\":%.2f}%n",
          urls.size(),
          threshold,
          rounds,
          nodes,
          median(slowest) / 1e6,
          median(allNodes) / 1e6,
          median(withStaking) / 1e6,
          ratio[rounds / 2],
          median(withStaking) / median(slowest),
          slowestNode / 1e6,
          median(allNodes) / slowestNode,
          median(withStaking) / slowestNode);
    } finally {
      single.forEach(LitNodeClient::close);
      all.close();
      viaStaking.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    System.exit(0);
  }

  private static long time(LitNodeClient client, int expectedNodes) {
    long t = System.nanoTime();
    int connected = client.connect().connectedNodes().size();
    long elapsed = System.nanoTime() - t;
    if (connected != expectedNodes)
      throw new IllegalStateException(
          "connected to " + connected + " nodes, expected " + expectedNodes);
    return elapsed;
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
