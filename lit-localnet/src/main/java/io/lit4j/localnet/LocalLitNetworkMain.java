package io.lit4j.localnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a {@link LocalLitNetwork} standalone, prints its connection details as one line of JSON on
 * stdout ({@link LocalLitNetwork#connectionInfoJson()}) and runs until the process is stopped:
 * SIGINT (Ctrl-C) or SIGTERM close the nodes and anvil, then the process exits.
 *
 * <pre>
 * java -jar lit-localnet-&lt;version&gt;-standalone.jar --nodes 3 --out conn.json
 * </pre>
 *
 * <p>Bad options are reported on stderr with exit code 2 before anything starts; a network that
 * fails to start exits with 1 after stopping whatever it had started.
 *
 * <p>The network runs the habanero profile: capacity credits required, session sigs checked
 * strictly first, then by the lenient v4 fallback ({@code --no-rate-limiting} turns credits off).
 */
public final class LocalLitNetworkMain {
  /** Exit code for bad options. */
  static final int EXIT_USAGE = 2;

  /** Exit code when the network fails to start. */
  static final int EXIT_START_FAILED = 1;

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar lit-localnet-<version>-standalone.jar [options]",
          "  --nodes N              number of nodes, 2..20 (default 3)",
          "  --seed TEXT            same seed, same keys and node wallets (default: random)",
          "  --chain-id ID          anvil chain id (default 31337)",
          "  --root-keys N          K256 HD root keys, 2..10 (default 3)",
          "  --node-port P          node i listens on P+i (default: free ports)",
          "  --max-capacity N       RateLimitNFT cap, requests/ks sold and unexpired (default "
              + LocalLitNetwork.DEFAULT_MAX_REQUESTS_PER_KILOSECOND
              + ")",
          "  --no-rate-limiting     no capacity credits needed (default: required, habanero profile)",
          "  --rate-limiting        require capacity credits (the default; accepted for old scripts)",
          "  --strict-auth          refuse session sigs the lenient v4 check would accept",
          "  --out FILE             also write the connection JSON to FILE",
          "  --help                 this text",
          "Prints one line of connection JSON on stdout and runs until Ctrl-C / SIGTERM.");

  private LocalLitNetworkMain() {}

  /**
   * Runs the launcher; exits with 2 on bad options, 1 when the network cannot start.
   *
   * @param args the options of {@link #USAGE}
   * @throws InterruptedException when interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = parse(args);
    } catch (UsageException e) {
      System.err.println("lit-localnet: " + e.getMessage());
      System.err.println("(try --help)");
      System.exit(EXIT_USAGE);
      return;
    }
    if (options.help()) {
      System.out.println(USAGE);
      return;
    }
    LocalLitNetwork network;
    try {
      network = options.builder().start();
    } catch (RuntimeException e) { // start() has stopped whatever it started
      System.err.println("lit-localnet: the network failed to start: " + describe(e));
      System.exit(EXIT_START_FAILED);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    network.close();
                    System.err.println("lit-localnet: stopped");
                  } catch (RuntimeException e) {
                    System.err.println("lit-localnet: stopping failed: " + describe(e));
                  } finally {
                    System.err.flush();
                    stopped.countDown();
                  }
                },
                "lit-localnet-stop"));
    String json = network.connectionInfoJson();
    if (options.out().isPresent()) {
      try {
        writeAtomically(options.out().get(), json);
      } catch (IOException e) {
        System.err.println(
            "lit-localnet: cannot write " + options.out().get() + ": " + e.getMessage());
        System.exit(EXIT_START_FAILED); // the shutdown hook stops the network
        return;
      }
    }
    System.out.println(json);
    System.out.flush();
    stopped.await();
  }

  /** Parsed options. */
  record Options(LocalLitNetworkBuilder builder, Optional<Path> out, boolean help) {}

  /** A bad command line, with a message that names the option. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses the command line into a builder, validating every value.
   *
   * @param args the command line
   * @return the options
   * @throws UsageException naming the bad option
   */
  static Options parse(String[] args) throws UsageException {
    LocalLitNetworkBuilder b = LocalLitNetwork.builder().habaneroProfile();
    Optional<Path> out = Optional.empty();
    try {
      for (int i = 0; i < args.length; i++) {
        String opt = args[i];
        switch (opt) {
          case "--nodes" -> b.nodes(intValue(args, ++i, opt));
          case "--seed" -> b.seed(value(args, ++i, opt));
          case "--chain-id" -> b.chainId(longValue(args, ++i, opt));
          case "--root-keys" -> b.rootKeyCount(intValue(args, ++i, opt));
          case "--node-port" -> {
            int port = intValue(args, ++i, opt);
            if (port < 1 || port > 65535)
              throw new UsageException("--node-port must be a port in [1, 65535], got " + port);
            b.nodeBasePort(port);
          }
          case "--max-capacity" -> b.maxRequestsPerKilosecond(longValue(args, ++i, opt));
          case "--rate-limiting" -> b.rateLimiting(true);
          case "--no-rate-limiting" -> b.rateLimiting(false);
          case "--strict-auth" -> b.strictAuthOnly(true);
          case "--out" -> {
            Path file = Path.of(value(args, ++i, opt)).toAbsolutePath();
            if (!Files.isDirectory(file.getParent()))
              throw new UsageException("--out: directory " + file.getParent() + " does not exist");
            out = Optional.of(file);
          }
          case "--help", "-h" -> {
            return new Options(b, out, true);
          }
          default -> throw new UsageException("unknown option '" + opt + "'");
        }
      }
      // the node-port range is checked against the node count here, before anything starts
      b.checkPorts();
    } catch (io.lit4j.core.errors.LitValidationException e) {
      throw new UsageException(e.getMessage());
    }
    return new Options(b, out, false);
  }

  private static String value(String[] args, int i, String opt) throws UsageException {
    if (i >= args.length || args[i].startsWith("--"))
      throw new UsageException(opt + " needs a value");
    return args[i];
  }

  private static int intValue(String[] args, int i, String opt) throws UsageException {
    long v = longValue(args, i, opt);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
      throw new UsageException(opt + " is out of range, got " + v);
    return (int) v;
  }

  private static long longValue(String[] args, int i, String opt) throws UsageException {
    String v = value(args, i, opt);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException(opt + " needs an integer, got '" + v + "'");
    }
  }

  private static void writeAtomically(Path file, String json) throws IOException {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
    Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null) sb.append(": ").append(c.getMessage());
    }
    return sb.toString();
  }
}
