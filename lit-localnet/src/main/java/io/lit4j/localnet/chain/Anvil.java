package io.lit4j.localnet.chain;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.core.errors.LitValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * A local anvil chain in a child process, for lit-localnet and tests.
 *
 * <p>Starts the anvil binary the build installed (npm {@code @foundry-rs/anvil}, see {@link
 * #locateBinary()}) on a free loopback port with a high block gas limit, waits until {@code
 * eth_chainId} answers, and stops it (with its process tree) on {@link #close()} or, at the latest,
 * when the JVM exits: by a shutdown hook, and on Unix also by a guard process that stops anvil when
 * the JVM is gone however it ended (SIGKILL included).
 *
 * <pre>{@code
 * try (Anvil anvil = Anvil.builder().chainId(31337).start()) {
 *   Credentials deployer = anvil.devAccount(0);
 *   LitDeployment d = new LitDeployer(anvil.web3j(), deployer, anvil.chainId()).deploy(spec);
 * }
 * }</pre>
 */
public final class Anvil implements AutoCloseable {

  /** anvil's (and Hardhat's) well-known test mnemonic; its accounts are funded at genesis. */
  public static final String DEV_MNEMONIC =
      "test test test test test test test test test test test junk";

  /** Default chain id: anvil's own 31337. */
  public static final long DEFAULT_CHAIN_ID = 31337L;

  /** Default block gas limit: high, because PKP key derivation runs in pure Solidity. */
  public static final BigInteger DEFAULT_BLOCK_GAS_LIMIT = BigInteger.valueOf(1_000_000_000L);

  private static final int HARDENED = 0x80000000;

  private final Process process;
  private final Path logFile;
  private final int port;
  private final long chainId;
  private final List<Credentials> devAccounts;
  private final Thread shutdownHook;
  private final HttpService rpcService;
  private final Web3j web3j;
  private volatile boolean closed;

  private Anvil(Process process, Path logFile, int port, long chainId, int accounts) {
    this.process = process;
    this.logFile = logFile;
    this.port = port;
    this.chainId = chainId;
    this.devAccounts = deriveDevAccounts(accounts);
    this.rpcService = new HttpService(rpcUrlFor(port));
    this.web3j = Web3j.build(rpcService);
    this.shutdownHook = new Thread(this::destroyProcessTree, "anvil-shutdown-" + port);
  }

  /**
   * Starts anvil with the defaults (chain id 31337, 10 dev accounts, 1e9 block gas limit).
   *
   * @return the running chain
   * @throws LitException if the binary is missing or anvil does not start
   */
  public static Anvil start() {
    return builder().start();
  }

  /**
   * @return a builder for a customised chain
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the JSON-RPC URL, {@code http://127.0.0.1:<port>}
   */
  public String rpcUrl() {
    return rpcUrlFor(port);
  }

  /**
   * @return the loopback TCP port anvil listens on
   */
  public int port() {
    return port;
  }

  /**
   * @return the chain id anvil reports (EIP-155)
   */
  public long chainId() {
    return chainId;
  }

  /**
   * @return a web3j client on this chain (shut down by {@link #close()})
   */
  public Web3j web3j() {
    return web3j;
  }

  /**
   * @return the funded dev accounts, derived from {@link #DEV_MNEMONIC} at {@code m/44'/60'/0'/0/i}
   *     (account 0 is {@code 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266})
   */
  public List<Credentials> devAccounts() {
    return devAccounts;
  }

  /**
   * @param index account index, 0-based
   * @return dev account {@code index}
   * @throws LitValidationException if there is no such account
   */
  public Credentials devAccount(int index) {
    if (index < 0 || index >= devAccounts.size()) {
      throw new LitValidationException(
          "index must be in [0, " + devAccounts.size() + "), got " + index);
    }
    return devAccounts.get(index);
  }

  /**
   * Sets the timestamp of the next mined block ({@code evm_setNextBlockTimestamp}).
   *
   * @param unixSeconds the timestamp, later than the latest block's
   * @throws LitException if anvil refuses it
   */
  public void setNextBlockTimestamp(long unixSeconds) {
    rpc("evm_setNextBlockTimestamp", List.of(unixSeconds));
  }

  /**
   * Sets an account's balance ({@code anvil_setBalance}), e.g. to fund a new validator's wallet.
   *
   * @param address the account, {@code 0x}-hex
   * @param wei the new balance in wei, not negative
   * @throws LitException if anvil refuses it
   */
  public void setBalance(String address, BigInteger wei) {
    if (address == null || !address.matches("(0x)?[0-9a-fA-F]{40}")) {
      throw new LitValidationException("address must be 20 bytes of hex, got " + address);
    }
    if (wei == null || wei.signum() < 0)
      throw new LitValidationException("wei must not be negative");
    rpc(
        "anvil_setBalance",
        List.of(address.startsWith("0x") ? address : "0x" + address, "0x" + wei.toString(16)));
  }

  /**
   * Mines one block now ({@code evm_mine}).
   *
   * @throws LitException if the call fails
   */
  public void mine() {
    rpc("evm_mine", List.of());
  }

  /**
   * @return the timestamp of the latest block, in unix seconds
   * @throws LitException if the chain cannot be reached
   */
  public long latestBlockTimestamp() {
    try {
      return web3j
          .ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
          .send()
          .getBlock()
          .getTimestamp()
          .longValueExact();
    } catch (IOException e) {
      throw new LitException("could not read the latest block from anvil at " + rpcUrl(), e);
    }
  }

  /**
   * @return whether the anvil process is still running
   */
  public boolean isRunning() {
    return !closed && process.isAlive();
  }

  /** Stops anvil and its children; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    web3j.shutdown();
    destroyProcessTree();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run
    }
    deleteQuietly(logFile);
  }

  @Override
  public String toString() {
    return "Anvil[" + rpcUrl() + ", chainId=" + chainId + (isRunning() ? "" : ", stopped") + "]";
  }

  /**
   * Finds the anvil binary: the system property {@code lit4j.anvil.binary} if set, else the native
   * binary of the npm package {@code @foundry-rs/anvil-<platform>} under the tools dir (system
   * property {@code lit4j.tools.dir}, default {@code ~/.cache/lit4j/tools}).
   *
   * @return the path of an executable anvil
   * @throws LitException if none is found, naming the build step that installs it
   */
  public static Path locateBinary() {
    String explicit = System.getProperty("lit4j.anvil.binary");
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      if (!Files.isExecutable(p)) {
        throw new LitException(
            "lit4j.anvil.binary points to " + p + ", which is not an executable file");
      }
      return p;
    }
    Path toolsDir = toolsDir();
    Path foundry = toolsDir.resolve("node_modules").resolve("@foundry-rs");
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    if (Files.isDirectory(foundry)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(foundry, "anvil-*")) {
        for (Path dir : dirs) {
          Path bin = dir.resolve("bin").resolve(windows ? "anvil.exe" : "anvil");
          if (Files.isExecutable(bin)) {
            return bin;
          }
        }
      } catch (IOException e) {
        throw new LitException("could not list " + foundry, e);
      }
    }
    throw new LitException(
        "anvil not found under "
            + toolsDir
            + ": build lit-localnet once (its generate-resources step runs npm install"
            + " @foundry-rs/anvil@1.7.1 into ${lit4j.tools.dir}), or set -Dlit4j.anvil.binary");
  }

  private static Path toolsDir() {
    String dir = System.getProperty("lit4j.tools.dir");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "lit4j", "tools");
  }

  private static String rpcUrlFor(int port) {
    return "http://127.0.0.1:" + port;
  }

  private void rpc(String method, List<?> params) {
    try {
      Response<?> r = new Request<>(method, params, rpcService, VoidResponse.class).send();
      if (r.hasError()) {
        throw new LitException(method + " failed on anvil: " + r.getError().getMessage());
      }
    } catch (IOException e) {
      throw new LitException(method + " could not reach anvil at " + rpcUrl(), e);
    }
  }

  /** A JSON-RPC response whose result is ignored. */
  public static final class VoidResponse extends Response<Object> {}

  private void destroyProcessTree() {
    destroyProcessTree(process);
  }

  private static void destroyProcessTree(Process process) {
    List<ProcessHandle> children = new ArrayList<>();
    process.descendants().forEach(children::add);
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static List<Credentials> deriveDevAccounts(int count) {
    byte[] seed = MnemonicUtils.generateSeed(DEV_MNEMONIC, "");
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
    List<Credentials> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, i};
      out.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * anvil runs under a small {@code /bin/sh} guard so that it cannot outlive this JVM, however the
   * JVM ends: a shutdown hook does not run on SIGKILL (e.g. a surefire fork timeout), so the guard
   * holds the read end of a pipe whose write end only this JVM holds (the guard's stdin). When the
   * JVM exits in any way, the kernel closes the write end, the guard reads end-of-file and stops
   * anvil. The guard also stops anvil on SIGTERM/SIGINT/SIGHUP and exits with anvil's exit code
   * when anvil exits by itself. The JVM closes the pipe itself once the guard has exited.
   */
  private static final String GUARD =
      "exec 3<&0\n"
          + "\"$@\" </dev/null 3<&- &\n"
          + "a=$!\n"
          + "trap 'kill $a 2>/dev/null' TERM INT HUP\n"
          + "{ while read -r _ <&3; do :; done; kill $a 2>/dev/null; } &\n"
          + "w=$!\n"
          + "exec 3<&-\n"
          + "wait $a; rc=$?\n"
          + "while kill -0 $a 2>/dev/null; do wait $a; rc=$?; done\n"
          + "kill $w 2>/dev/null\n"
          + "exit $rc\n";

  /** The command that runs {@code anvil} under {@link #GUARD} where there is a POSIX shell. */
  private static List<String> guarded(List<String> anvil) {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    Path sh = Path.of("/bin/sh");
    if (windows || !Files.isExecutable(sh)) {
      return anvil; // the shutdown hook still covers normal exits
    }
    List<String> cmd = new ArrayList<>(List.of(sh.toString(), "-c", GUARD, "lit4j-anvil-guard"));
    cmd.addAll(anvil);
    return cmd;
  }

  private static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new LitException("could not find a free loopback port for anvil", e);
    }
  }

  private static String tail(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(no output)";
    }
  }

  /** Options of a local chain; {@link #start()} launches it. */
  public static final class Builder {
    private long chainId = DEFAULT_CHAIN_ID;
    private BigInteger blockGasLimit = DEFAULT_BLOCK_GAS_LIMIT;
    private int accounts = 10;
    private Duration startupTimeout = Duration.ofSeconds(30);
    private Optional<Path> binary = Optional.empty();
    private Optional<String> hardfork = Optional.empty();

    private Builder() {}

    /**
     * @param chainId EIP-155 chain id, positive (e.g. 175177 to look like Chronicle)
     * @return this builder
     */
    public Builder chainId(long chainId) {
      if (chainId <= 0) {
        throw new LitValidationException("chainId must be positive, got " + chainId);
      }
      this.chainId = chainId;
      return this;
    }

    /**
     * @param blockGasLimit block gas limit, at least 30,000,000
     * @return this builder
     */
    public Builder blockGasLimit(BigInteger blockGasLimit) {
      if (blockGasLimit == null || blockGasLimit.compareTo(BigInteger.valueOf(30_000_000L)) < 0) {
        throw new LitValidationException(
            "blockGasLimit must be at least 30000000, got " + blockGasLimit);
      }
      this.blockGasLimit = blockGasLimit;
      return this;
    }

    /**
     * @param accounts number of funded dev accounts, 1 to 100
     * @return this builder
     */
    public Builder accounts(int accounts) {
      if (accounts < 1 || accounts > 100) {
        throw new LitValidationException("accounts must be in [1, 100], got " + accounts);
      }
      this.accounts = accounts;
      return this;
    }

    /**
     * @param startupTimeout how long to wait for {@code eth_chainId}, positive
     * @return this builder
     */
    public Builder startupTimeout(Duration startupTimeout) {
      if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
        throw new LitValidationException("startupTimeout must be positive, got " + startupTimeout);
      }
      this.startupTimeout = startupTimeout;
      return this;
    }

    /**
     * @param binary the anvil executable to run instead of {@link #locateBinary()}
     * @return this builder
     */
    public Builder binary(Path binary) {
      if (binary == null) {
        throw new LitValidationException("binary must not be null");
      }
      this.binary = Optional.of(binary);
      return this;
    }

    /**
     * @param hardfork an anvil {@code --hardfork} name (default: anvil's own default)
     * @return this builder
     */
    public Builder hardfork(String hardfork) {
      if (hardfork == null || !hardfork.matches("[A-Za-z0-9_-]+")) {
        throw new LitValidationException(
            "hardfork must be an anvil hardfork name, got " + hardfork);
      }
      this.hardfork = Optional.of(hardfork);
      return this;
    }

    /**
     * Starts anvil and waits until it answers.
     *
     * @return the running chain
     * @throws LitException if the binary is missing or anvil exits early
     * @throws LitTimeoutException if anvil does not answer within the startup timeout
     */
    public Anvil start() {
      Path bin = binary.orElseGet(Anvil::locateBinary);
      if (!Files.isExecutable(bin)) {
        throw new LitException("could not start anvil (" + bin + "): not an executable file");
      }
      LitException last = null;
      // a free port can be taken between probing and binding: retry a few times
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          return launch(bin, freeLoopbackPort());
        } catch (PortTakenException e) {
          last = e;
        }
      }
      throw last;
    }

    private Anvil launch(Path bin, int port) {
      List<String> cmd = new ArrayList<>();
      cmd.add(bin.toString());
      cmd.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
      cmd.addAll(List.of("--chain-id", Long.toString(chainId)));
      cmd.addAll(List.of("--gas-limit", blockGasLimit.toString()));
      cmd.addAll(List.of("--accounts", Integer.toString(accounts)));
      cmd.addAll(List.of("--mnemonic", DEV_MNEMONIC));
      hardfork.ifPresent(h -> cmd.addAll(List.of("--hardfork", h)));
      cmd.add("--silent");
      Path log;
      try {
        log = Files.createTempFile("lit4j-anvil-", ".log");
      } catch (IOException e) {
        throw new LitException("could not create anvil's log file", e);
      }
      Process process;
      try {
        process =
            new ProcessBuilder(guarded(cmd))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
      } catch (IOException e) {
        deleteQuietly(log);
        throw new LitException("could not start anvil (" + bin + ")", e);
      }
      // from here on, whatever fails (even an Error) stops anvil before it propagates
      Anvil anvil = null;
      boolean ready = false;
      try {
        anvil = new Anvil(process, log, port, chainId, accounts);
        Runtime.getRuntime().addShutdownHook(anvil.shutdownHook);
        anvil.awaitReady(startupTimeout);
        ready = true;
        return anvil;
      } finally {
        if (!ready) {
          if (anvil != null) {
            anvil.close();
          } else {
            destroyProcessTree(process);
            deleteQuietly(log);
          }
        }
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temp file; nothing else to do
    }
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(rpcUrl()))
            .timeout(Duration.ofSeconds(2))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
            .build();
    String expected = "0x" + Long.toHexString(chainId);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String out = tail(logFile);
        if (out.contains("Address already in use") || out.contains("address already in use")) {
          throw new PortTakenException(port, out);
        }
        throw new LitException(
            "anvil exited with code " + process.exitValue() + " before answering: " + out);
      }
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"" + expected + "\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LitException("interrupted while waiting for anvil", e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LitException("interrupted while waiting for anvil", e);
      }
    }
    throw new LitTimeoutException(
        "anvil did not answer eth_chainId with "
            + expected
            + " on "
            + rpcUrl()
            + " within "
            + timeout
            + ": "
            + tail(logFile));
  }

  private static final class PortTakenException extends LitException {
    private static final long serialVersionUID = 1L;

    PortTakenException(int port, String output) {
      super("anvil could not bind port " + port + ": " + output);
    }
  }
}
