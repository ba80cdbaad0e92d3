package io.lit4j.localnet;

import java.util.concurrent.CountDownLatch;

/**
 * Starts a {@link LocalLitNetwork} standalone, prints its connection details as one line of JSON
 * on stdout ({@link LocalLitNetwork#connectionInfoJson()}) and runs until the process is stopped
 * (Ctrl-C / SIGTERM close the network).
 *
 * <p>The network runs the habanero profile: capacity credits required, session sigs checked
 * strictly first, then by the lenient v4 fallback.
 *
 * <p>Options: {@code --nodes N} (3), {@code --seed TEXT} (random), {@code --chain-id ID} (31337),
 * {@code --root-keys N} (3), {@code --no-rate-limiting} (no capacity credits needed),
 * {@code --strict-auth} (no lenient fallback); {@code --rate-limiting} is accepted and is the default.
 */
public final class LocalLitNetworkMain {
  private LocalLitNetworkMain() {}

  /**
   * @param args the options above
   * @throws InterruptedException when interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    LocalLitNetwork.Builder b = LocalLitNetwork.builder().habaneroProfile();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> b.nodes(Integer.parseInt(value(args, ++i)));
        case "--seed" -> b.seed(value(args, ++i));
        case "--chain-id" -> b.chainId(Long.parseLong(value(args, ++i)));
        case "--root-keys" -> b.rootKeyCount(Integer.parseInt(value(args, ++i)));
        case "--rate-limiting" -> b.rateLimiting(true);
        case "--no-rate-limiting" -> b.rateLimiting(false);
        case "--strict-auth" -> b.strictAuthOnly(true);
        case "--help", "-h" -> {
          System.err.println("usage: LocalLitNetworkMain [--nodes N] [--seed TEXT] [--chain-id ID] [--root-keys N] [--no-rate-limiting] [--strict-auth]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
      }
    }
    LocalLitNetwork network = b.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      network.close();
      stopped.countDown();
    }, "lit-localnet-stop"));
    System.out.println(network.connectionInfoJson());
    System.out.flush();
    stopped.await();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
    return args[i];
  }
}
