package io.lit4j.contracts;

import io.lit4j.contracts.internal.AddressResolver;
import io.lit4j.contracts.internal.ChainClient;
import io.lit4j.contracts.internal.ContractArgs;
import io.lit4j.contracts.internal.ContractsRuntime;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Futures;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.TransactionManager;

/**
 * The Lit contracts on one chain, as JS SDK v4 {@code LitContracts} drives them, grouped by what
 * they are for: {@link #pkps()} mints PKPs (with auth methods through PKPHelper, or bare through
 * PKPNFT), {@link #permissions()} manages what may use them, {@link #capacityCredits()} mints
 * capacity credits and {@link #staking()} reads the network's node URLs, epoch and threshold.
 *
 * <pre>{@code
 * try (LitContracts contracts = LitContracts.builder()
 *     .rpcUrl("http://127.0.0.1:8545")
 *     .signer(Credentials.create(privateKeyHex))
 *     .addresses(deployedAddresses)
 *     .build()) {
 *   MintedPkp pkp = contracts.pkps().mintWithAuth(authMethod, AuthMethodScope.SIGN_ANYTHING);
 *   contracts.permissions().addPermittedAction(pkp.tokenId(), ipfsCid, List.of(AuthMethodScope.SIGN_ANYTHING));
 * }
 * }</pre>
 *
 * <p>Every operation has an {@code ...Async} twin returning a {@link CompletableFuture} that runs
 * on the configured executor; the blocking method waits for it. Failures are {@link
 * io.lit4j.core.errors.LitContractException}s whose {@link LitException#errorCode()} is a {@link
 * ContractErrorCode} ({@link ContractRevertException} for reverts, with the decoded reason), a
 * {@link io.lit4j.core.errors.LitTimeoutException} when a receipt does not arrive in time, and
 * {@link LitValidationException} for bad arguments. Bad arguments are rejected at once, by the
 * async methods too; everything else makes the future complete exceptionally with the exceptions
 * above (the blocking methods rethrow them unwrapped).
 *
 * <p>Reads go to the same RPC as writes, so a mint's public key is readable right after its receipt
 * (no replica lag to poll for, unlike the SDK after May 2024).
 *
 * <p>Thread-safe. Transactions from one instance are sent one at a time (nonces come from the RPC's
 * pending count), receipts are awaited concurrently.
 */
public final class LitContracts implements AutoCloseable {
  private final ContractsRuntime runtime;
  private final Web3j web3j;
  private final boolean ownsWeb3j;

  /** The HTTP client of a {@link Web3j} built from a URL: web3j's HttpService never releases it. */
  private final okhttp3.OkHttpClient ownedHttp;

  private final ExecutorService ownedExecutor;
  private final PkpContract pkps;
  private final PermissionsContract permissions;
  private final CapacityCreditsContract capacityCredits;
  private final StakingContract staking;

  private LitContracts(
      Builder b,
      Web3j web3j,
      boolean ownsWeb3j,
      okhttp3.OkHttpClient ownedHttp,
      AddressResolver resolver) {
    this.web3j = web3j;
    this.ownsWeb3j = ownsWeb3j;
    this.ownedHttp = ownedHttp;
    ChainClient chain =
        new ChainClient(
            web3j,
            b.credentials,
            b.transactionManager,
            b.gasMarginPercent,
            b.receiptTimeout,
            b.pollInterval);
    Executor executor;
    if (b.executor != null) {
      executor = b.executor;
      this.ownedExecutor = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.ownedExecutor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "lit4j-contracts-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      executor = ownedExecutor;
    }
    this.runtime = new ContractsRuntime(chain, resolver, executor, b.clock);
    this.pkps = new PkpContract(runtime);
    this.permissions = new PermissionsContract(runtime);
    this.capacityCredits = new CapacityCreditsContract(runtime);
    this.staking = new StakingContract(runtime);
  }

  /**
   * Starts a builder; an RPC (URL or {@link Web3j}) and the contract addresses are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the contracts of a lit-localnet network from the JSON its launcher prints (or {@code
   * LocalLitNetwork.connectionInfoJson()}); see {@link LocalNetworkConnection}.
   *
   * @param connectionJson the network's connection JSON
   * @param signer the account that sends transactions, e.g. {@code
   *     LocalNetworkConnection.parse(json).devAccount(1)}
   * @return the contracts (close them)
   * @throws LitValidationException when the JSON is malformed or signer is null
   */
  public static LitContracts fromLocalNetwork(String connectionJson, Credentials signer) {
    return LocalNetworkConnection.parse(connectionJson).contracts(signer);
  }

  /**
   * Opens the contracts of a lit-localnet network from the file its launcher wrote ({@code --out}).
   *
   * @param connectionFile the network's connection JSON file
   * @param signer the account that sends transactions
   * @return the contracts (close them)
   * @throws LitValidationException when the file is unreadable or malformed, or signer is null
   */
  public static LitContracts fromLocalNetwork(
      java.nio.file.Path connectionFile, Credentials signer) {
    return LocalNetworkConnection.read(connectionFile).contracts(signer);
  }

  /** {@return PKP minting, public keys and holdings (PKPNFT, PKPHelper)} */
  public PkpContract pkps() {
    return pkps;
  }

  /** {@return what may use a PKP: auth methods, Lit Actions, addresses (PKPPermissions)} */
  public PermissionsContract permissions() {
    return permissions;
  }

  /** {@return capacity credits minting (RateLimitNFT)} */
  public CapacityCreditsContract capacityCredits() {
    return capacityCredits;
  }

  /** {@return the network's validators, epoch and threshold (Staking)} */
  public StakingContract staking() {
    return staking;
  }

  /**
   * The contract addresses in use. With a resolver they are read once from the ContractResolver
   * ({@code getContract(keccak256(name), env)}) and then cached.
   *
   * @return the contract addresses in use
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNRESOLVED_ADDRESS}
   *     when the resolver has no address for a contract, or an RPC error
   */
  public LitContractAddresses addresses() {
    return Futures.join(addressesAsync());
  }

  /**
   * Async twin of {@link #addresses()}.
   *
   * @return a future of {@link #addresses()}
   */
  public CompletableFuture<LitContractAddresses> addressesAsync() {
    return runtime.async(runtime::resolveAddresses);
  }

  /** {@return the address transactions are sent from, when a signer was given} */
  public Optional<String> signerAddress() {
    return runtime.chain().signerAddress();
  }

  /**
   * Shuts down what this instance created (its executor and, when built from a URL, its {@link
   * Web3j}).
   */
  @Override
  public void close() {
    if (ownedExecutor != null) ownedExecutor.shutdown();
    if (ownsWeb3j) web3j.shutdown();
    if (ownedHttp != null) {
      // HttpService.close() does nothing: without this every closed instance keeps its pooled
      // connections to the RPC open (5 minutes) and its dispatcher threads (1 minute)
      ownedHttp.dispatcher().executorService().shutdown();
      ownedHttp.connectionPool().evictAll();
    }
  }

  /**
   * {@return a {@link Web3j} over {@code service} whose scheduler makes no thread until used and
   * stops with {@link Web3j#shutdown()}} {@code Web3j.build(service)} instead starts a pool of one
   * thread per core and registers a JVM shutdown hook for it that is never removed, so every
   * instance made and closed would leave its hook (and pool) behind.
   *
   * @param service the RPC service
   */
  public static Web3j buildWeb3j(org.web3j.protocol.Web3jService service) {
    java.util.concurrent.ScheduledThreadPoolExecutor scheduler =
        new java.util.concurrent.ScheduledThreadPoolExecutor(
            0,
            r -> {
              Thread t = new Thread(r, "lit4j-web3j");
              t.setDaemon(true);
              return t;
            });
    return Web3j.build(service, 15_000, scheduler);
  }

  /** Builds a {@link LitContracts}; see the setters for what is required. */
  public static final class Builder {
    private Credentials credentials;
    private TransactionManager transactionManager;
    private String rpcUrl;
    private Web3j web3j;
    private LitContractAddresses addresses;
    private String resolverAddress;
    private ResolverEnvironment resolverEnvironment;
    private int gasMarginPercent = 10;
    private Duration receiptTimeout = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofMillis(200);
    private Executor executor;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Signs transactions with these credentials (a {@link org.web3j.tx.RawTransactionManager} for
     * the RPC's chain id).
     *
     * @param credentials the signer's credentials, used through a {@link
     *     org.web3j.tx.RawTransactionManager} for the RPC's chain id
     * @return this builder
     */
    public Builder signer(Credentials credentials) {
      this.credentials = Args.required(credentials, "credentials");
      this.transactionManager = null;
      return this;
    }

    /**
     * Sends transactions through this manager instead (e.g. a custom signer); its from-address is
     * the signer.
     *
     * @param transactionManager the manager that sends transactions (e.g. a custom signer); its
     *     from-address is the signer
     * @return this builder
     */
    public Builder transactionManager(TransactionManager transactionManager) {
      this.transactionManager = Args.required(transactionManager, "transactionManager");
      this.credentials = null;
      return this;
    }

    /**
     * JSON-RPC endpoint; LitContracts creates (and closes) its own {@link Web3j}.
     *
     * @param rpcUrl JSON-RPC endpoint; LitContracts creates (and closes) its own {@link Web3j}
     * @return this builder
     */
    public Builder rpcUrl(String rpcUrl) {
      this.rpcUrl = Args.required(rpcUrl, "rpcUrl");
      this.web3j = null;
      return this;
    }

    /**
     * Uses this {@link Web3j} for reads and writes (not closed by {@link #close()}).
     *
     * @param web3j the {@link Web3j} used for reads and writes (not closed by {@link #close()})
     * @return this builder
     */
    public Builder web3j(Web3j web3j) {
      this.web3j = Args.required(web3j, "web3j");
      this.rpcUrl = null;
      return this;
    }

    /**
     * Uses the deployed addresses of habanero or manzano (you still give the RPC).
     *
     * @param network habanero or manzano, whose deployed addresses are used
     * @return this builder
     */
    public Builder network(LitContractsNetwork network) {
      return addresses(Args.required(network, "network").addresses());
    }

    /**
     * Uses these addresses (a local deployment).
     *
     * @param addresses the contract addresses, e.g. of a local deployment
     * @return this builder
     */
    public Builder addresses(LitContractAddresses addresses) {
      this.addresses = Args.required(addresses, "addresses");
      this.resolverAddress = null;
      this.resolverEnvironment = null;
      return this;
    }

    /**
     * Reads the addresses from a ContractResolver ({@code getContract(keccak256(name), env)}) on
     * first use.
     *
     * @param resolverAddress the ContractResolver's address
     * @param environment the resolver environment the addresses are registered under
     * @return this builder
     */
    public Builder resolver(String resolverAddress, ResolverEnvironment environment) {
      ContractArgs.checkAddress("resolverAddress", resolverAddress);
      this.resolverAddress = resolverAddress;
      this.resolverEnvironment = Args.required(environment, "environment");
      this.addresses = null;
      return this;
    }

    /**
     * Gas limit = estimate × (100 + percent) / 100; default 10 (JS SDK PR #567).
     *
     * @param percent margin added to the gas estimate: limit = estimate × (100 + percent) / 100;
     *     default 10 (JS SDK PR #567)
     * @return this builder
     */
    public Builder gasMarginPercent(int percent) {
      if (percent < 0 || percent > 1000)
        throw new LitValidationException("gasMarginPercent must be in 0..1000, got " + percent);
      this.gasMarginPercent = percent;
      return this;
    }

    /**
     * How long to wait for a receipt; default 60 s.
     *
     * @param timeout how long to wait for a receipt; default 60 s
     * @return this builder
     */
    public Builder receiptTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero())
        throw new LitValidationException("receiptTimeout must be positive");
      this.receiptTimeout = timeout;
      return this;
    }

    /**
     * How often to poll for a receipt; default 200 ms.
     *
     * @param interval how often to poll for a receipt; default 200 ms
     * @return this builder
     */
    public Builder pollInterval(Duration interval) {
      if (interval == null || interval.isNegative() || interval.isZero())
        throw new LitValidationException("pollInterval must be positive");
      this.pollInterval = interval;
      return this;
    }

    /**
     * Runs the async methods here; default an owned cached pool of daemon threads (calls block on
     * I/O).
     *
     * @param executor where the async methods run; default an owned cached pool of daemon threads
     *     (calls block on I/O)
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Args.required(executor, "executor");
      return this;
    }

    /**
     * The clock capacity-credit expiries are computed from; default {@link Clock#systemUTC()}.
     *
     * @param clock the clock capacity-credit expiries are computed from; default {@link
     *     Clock#systemUTC()}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Args.required(clock, "clock");
      return this;
    }

    /**
     * Builds the client; makes no network call (the chain id and resolver addresses are read on
     * first use).
     *
     * @return the client
     * @throws LitValidationException when no RPC or no addresses were given
     */
    public LitContracts build() {
      if (rpcUrl == null && web3j == null) {
        throw new LitValidationException("an RPC is required: call rpcUrl(...) or web3j(...)");
      }
      if (addresses == null && resolverAddress == null) {
        throw new LitValidationException(
            "contract addresses are required: call network(...), addresses(...) or resolver(...)");
      }
      boolean owns = web3j == null;
      okhttp3.OkHttpClient http = owns ? HttpService.getOkHttpClientBuilder().build() : null;
      Web3j w = owns ? buildWeb3j(new HttpService(rpcUrl, http)) : web3j;
      AddressResolver resolver =
          addresses != null
              ? AddressResolver.fixed(addresses)
              : AddressResolver.fromResolver(resolverAddress, resolverEnvironment);
      return new LitContracts(this, w, owns, http, resolver);
    }
  }
}
