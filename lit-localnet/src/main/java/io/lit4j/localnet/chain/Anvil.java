package io.lit4j.localnet.chain;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitTimeoutException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.localnet.chain.internal.AnvilProcesses;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Credentials;
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
    this.devAccounts = AnvilProcesses.deriveDevAccounts(DEV_MNEMONIC, accounts);
    this.rpcService = new HttpService(rpcUrlFor(port));
    this.web3j = Web3j.build(rpcService);
    this.shutdownHook =
        new Thread(() -> AnvilProcesses.destroyProcessTree(process), "anvil-shutdown-" + port);
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
    AnvilProcesses.destroyProcessTree(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run
    }
    AnvilProcesses.deleteQuietly(logFile);
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
    return AnvilProcesses.locateBinary();
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
          return launch(bin, AnvilProcesses.freeLoopbackPort());
        } catch (AnvilProcesses.PortTakenException e) {
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
            new ProcessBuilder(AnvilProcesses.guarded(cmd))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
      } catch (IOException e) {
        AnvilProcesses.deleteQuietly(log);
        throw new LitException("could not start anvil (" + bin + ")", e);
      }
      // from here on, whatever fails (even an Error) stops anvil before it propagates
      Anvil anvil = null;
      boolean ready = false;
      try {
        anvil = new Anvil(process, log, port, chainId, accounts);
        Runtime.getRuntime().addShutdownHook(anvil.shutdownHook);
        AnvilProcesses.awaitReady(process, log, port, chainId, startupTimeout);
        ready = true;
        return anvil;
      } finally {
        if (!ready) {
          if (anvil != null) {
            anvil.close();
          } else {
            AnvilProcesses.destroyProcessTree(process);
            AnvilProcesses.deleteQuietly(log);
          }
        }
      }
    }
  }
}
