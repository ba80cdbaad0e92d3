package io.lit4j.contracts;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.contracts.internal.AbiStructs.AuthMethodStruct;
import io.lit4j.contracts.internal.AbiStructs.ValidatorStruct;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Base58;
import io.lit4j.contracts.internal.ChainClient;
import io.lit4j.contracts.internal.ContractFunctions.ContractResolver;
import io.lit4j.contracts.internal.ContractFunctions.PkpHelper;
import io.lit4j.contracts.internal.ContractFunctions.PkpNft;
import io.lit4j.contracts.internal.ContractFunctions.PkpPermissions;
import io.lit4j.contracts.internal.ContractFunctions.PubkeyRouter;
import io.lit4j.contracts.internal.ContractFunctions.RateLimitNft;
import io.lit4j.contracts.internal.ContractFunctions.Staking;
import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Bytes;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthAddress;
import io.lit4j.crypto.eth.EthHash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.TransactionManager;

/**
 * The Lit contracts on one chain, as JS SDK v4 {@code LitContracts} drives them: mint PKPs (with
 * auth methods through PKPHelper, or bare through PKPNFT), manage their permissions, mint capacity
 * credits and read the Staking contract (node URLs, epoch, threshold).
 *
 * <pre>{@code
 * try (LitContracts contracts = LitContracts.builder()
 *     .rpcUrl("http://127.0.0.1:8545")
 *     .signer(Credentials.create(privateKeyHex))
 *     .addresses(deployedAddresses)
 *     .build()) {
 *   MintedPkp pkp = contracts.mintWithAuth(
 *       PermittedAuthMethod.of(AuthMethodType.ETH_WALLET, authMethodId), List.of(AuthMethodScope.SIGN_ANYTHING));
 * }
 * }</pre>
 *
 * <p>Every method has an {@code ...Async} twin returning a {@link CompletableFuture} that runs on
 * the configured executor; the blocking method waits for it. Failures are {@link
 * io.lit4j.core.errors.LitContractException}s whose {@link LitException#errorCode()} is a {@link
 * ContractErrorCode} ({@link ContractRevertException} for reverts, with the decoded reason), a
 * {@link io.lit4j.core.errors.LitTimeoutException} when a receipt does not arrive in time, and
 * {@link LitValidationException} for bad arguments. Bad arguments are rejected at once, by the
 * async methods too; everything else makes the future complete exceptionally with the exceptions
 * above (the blocking methods rethrow them unwrapped).
 *
 * <p>Reads go to the same RPC as writes, so a mint's public key is readable right after its
 * receipt (no replica lag to poll for, unlike the SDK after May 2024).
 *
 * <p>Thread-safe. Transactions from one instance are sent one at a time (nonces come from the
 * RPC's pending count), receipts are awaited concurrently.
 */
public final class LitContracts implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LitContracts.class);
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  /** Key type 2 = ECDSA secp256k1, the only one the SDK mints. */
  private static final long KEY_TYPE_ECDSA = 2;
  private static final String[] RESOLVER_NAMES = {
    "STAKING", "PKP_NFT", "PUB_KEY_ROUTER", "PKP_PERMISSIONS", "PKP_HELPER", "RATE_LIMIT_NFT"
  };

  private final ChainClient chain;
  private final Web3j web3j;
  private final boolean ownsWeb3j;
  /** The HTTP client of a {@link Web3j} built from a URL: web3j's HttpService never releases it. */
  private final okhttp3.OkHttpClient ownedHttp;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final Clock clock;
  private final LitContractAddresses fixedAddresses;
  private final String resolverAddress;
  private final ResolverEnvironment resolverEnvironment;
  private volatile LitContractAddresses resolvedAddresses;

  private LitContracts(Builder b, Web3j web3j, boolean ownsWeb3j, okhttp3.OkHttpClient ownedHttp) {
    this.web3j = web3j;
    this.ownsWeb3j = ownsWeb3j;
    this.ownedHttp = ownedHttp;
    this.chain = new ChainClient(web3j, b.credentials, b.transactionManager, b.gasMarginPercent, b.receiptTimeout, b.pollInterval);
    if (b.executor != null) {
      this.executor = b.executor;
      this.ownedExecutor = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.ownedExecutor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lit4j-contracts-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      this.executor = ownedExecutor;
    }
    this.clock = b.clock;
    this.fixedAddresses = b.addresses;
    this.resolverAddress = b.resolverAddress;
    this.resolverEnvironment = b.resolverEnvironment;
  }

  /**
   * Starts a builder; an RPC (URL or {@link Web3j}) and the contract addresses are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- addresses, signer

  /**
   * The contract addresses in use. With a resolver they are read once from the ContractResolver
   * ({@code getContract(keccak256(name), env)}) and then cached.
   *
   * @return the contract addresses in use
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNRESOLVED_ADDRESS}
   *     when the resolver has no address for a contract, or an RPC error
   */
  public LitContractAddresses addresses() {
    return await(addressesAsync());
  }

  /**
   * Async twin of {@link #addresses()}.
   *
   * @return a future of {@link #addresses()}
   */
  public CompletableFuture<LitContractAddresses> addressesAsync() {
    return async(this::resolveAddresses);
  }

  /** {@return the address transactions are sent from, when a signer was given} */
  public java.util.Optional<String> signerAddress() {
    return chain.signerAddress();
  }

  private LitContractAddresses resolveAddresses() {
    if (fixedAddresses != null) return fixedAddresses;
    LitContractAddresses a = resolvedAddresses;
    if (a != null) return a;
    synchronized (this) {
      if (resolvedAddresses != null) return resolvedAddresses;
      String[] out = new String[RESOLVER_NAMES.length];
      for (int i = 0; i < RESOLVER_NAMES.length; i++) {
        // the resolver's X_CONTRACT() getters return keccak256("X"); computing it saves a call per name
        byte[] typ = Hash.sha3(RESOLVER_NAMES[i].getBytes(StandardCharsets.US_ASCII));
        List<Type> r = chain.call(resolverAddress, "ContractResolver.getContract(" + RESOLVER_NAMES[i] + ")",
            ContractResolver.getContract(typ, resolverEnvironment.value()));
        String addr = ((Address) r.get(0)).getValue();
        if (new BigInteger(Hex.strip0x(addr), 16).signum() == 0) {
          throw LitException.builder()
              .message("ContractResolver " + resolverAddress + " has no " + RESOLVER_NAMES[i] + " contract for environment "
                  + resolverEnvironment + "; check the resolver address and environment")
              .errorCode(ContractErrorCode.UNRESOLVED_ADDRESS.name())
              .details(Map.of("contract", RESOLVER_NAMES[i], "resolver", resolverAddress))
              .buildContract();
        }
        out[i] = Keys.toChecksumAddress(addr);
      }
      resolvedAddresses = new LitContractAddresses(out[0], out[1], out[2], out[3], out[4], out[5]);
      return resolvedAddresses;
    }
  }

  // ---------------------------------------------------------------- PKP minting

  /**
   * Mints a PKP with one permitted auth method, as JS {@code mintWithAuth}: pays {@code
   * PKPNFT.mintCost()} to {@code PKPHelper.mintNextAndAddAuthMethods(2, [type], [id], [userPubkey],
   * [scopes], true, true)}, so the PKP's own address is permitted too and the NFT is sent to the
   * PKP itself (the minting wallet cannot change permissions afterwards). The token id is read
   * as the SDK reads it, {@code logs[0].topics[1]} of the receipt, then checked against
   * {@code keccak256(publicKey)}.
   *
   * @param authMethod the auth method (type, id such as {@code keccak256("<address>:lit")}, optional WebAuthn key)
   * @param scopes at least one scope (0 no permissions, 1 sign anything, 2 personal sign)
   * @return the minted PKP
   * @throws LitValidationException for a missing auth method or empty scopes
   * @throws ContractRevertException when the mint reverts (e.g. wrong mint cost)
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#MISSING_MINT_LOG} or
   *     {@link ContractErrorCode#TOKEN_ID_MISMATCH} when the receipt does not identify the PKP
   */
  public MintedPkp mintWithAuth(PermittedAuthMethod authMethod, List<AuthMethodScope> scopes) {
    return await(mintWithAuthAsync(authMethod, scopes));
  }

  /**
   * Async twin of {@link #mintWithAuth(PermittedAuthMethod, List)}.
   *
   * @param authMethod the auth method to permit
   * @param scopes the scopes to grant it
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintWithAuthAsync(PermittedAuthMethod authMethod, List<AuthMethodScope> scopes) {
    requireNonNull(authMethod, "authMethod");
    List<BigInteger> scopeIds = scopeIds(scopes);
    if (scopeIds.isEmpty()) {
      throw new LitValidationException(
          "scopes must name at least one permission scope: 0 no permissions, 1 sign anything, 2 personal sign");
    }
    chain.requireSigner();
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      BigInteger cost = mintCostOf(a);
      TransactionReceipt receipt = chain.send(a.pkpHelper(), "PKPHelper.mintNextAndAddAuthMethods",
          PkpHelper.mintNextAndAddAuthMethods(
              KEY_TYPE_ECDSA,
              List.of(BigInteger.valueOf(authMethod.authMethodType())),
              List.of(authMethod.id()),
              List.of(authMethod.userPubkey()),
              List.of(scopeIds),
              true,
              true),
          cost);
      return mintedPkp(a, receipt, "PKPHelper.mintNextAndAddAuthMethods");
    });
  }

  /**
   * {@link #mintWithAuth(PermittedAuthMethod, List)} for an auth method as sent to nodes, its id
   * computed as the SDK's {@code getAuthIdByAuthMethod} does ({@link PermittedAuthMethod#from(AuthMethod)}).
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it
   * @return the minted PKP
   * @throws LitValidationException for an empty access token or empty scopes
   * @throws io.lit4j.auth.methods.UnsupportedAuthMethodException for a type without an id rule
   */
  public MintedPkp mintWithAuth(AuthMethod authMethod, List<AuthMethodScope> scopes) {
    return await(mintWithAuthAsync(authMethod, scopes));
  }

  /**
   * Async twin of {@link #mintWithAuth(AuthMethod, List)}.
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintWithAuthAsync(AuthMethod authMethod, List<AuthMethodScope> scopes) {
    return mintWithAuthAsync(PermittedAuthMethod.from(authMethod), scopes);
  }

  /**
   * As {@link #mintWithAuth(AuthMethod, List)} with the WebAuthn user public key (JS {@code pubkey}).
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it
   * @param webAuthnPubkey the WebAuthn user public key
   * @return the minted PKP
   */
  public MintedPkp mintWithAuth(AuthMethod authMethod, List<AuthMethodScope> scopes, byte[] webAuthnPubkey) {
    return await(mintWithAuthAsync(authMethod, scopes, webAuthnPubkey));
  }

  /**
   * Async twin of {@link #mintWithAuth(AuthMethod, List, byte[])}.
   *
   * @param authMethod the auth method as sent to nodes
   * @param scopes the scopes to grant it
   * @param webAuthnPubkey the WebAuthn user public key
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintWithAuthAsync(AuthMethod authMethod, List<AuthMethodScope> scopes, byte[] webAuthnPubkey) {
    return mintWithAuthAsync(PermittedAuthMethod.from(authMethod, webAuthnPubkey), scopes);
  }

  /**
   * Mints a bare PKP owned by the signer, as JS {@code pkpNftContractUtils.write.mint()}: pays
   * {@code mintCost()} to {@code PKPNFT.mintNext(2)}; token id from {@code logs[0].topics[1]}.
   *
   * @return the minted PKP
   * @throws ContractRevertException when the mint reverts
   */
  public MintedPkp mintNext() {
    return await(mintNextAsync());
  }

  /**
   * Async twin of {@link #mintNext()}.
   *
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintNextAsync() {
    chain.requireSigner();
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      return mintNextPaying(a, mintCostOf(a));
    });
  }

  /**
   * Like {@link #mintNext()} but pays exactly {@code valueWei} instead of reading {@code
   * mintCost()} first (JS: {@code pkpNftContract.write.mintNext(2, {value})}). The contract
   * requires {@code msg.value == mintCost()}, so any other value reverts.
   *
   * @param valueWei the value to pay, in wei
   * @return the minted PKP
   * @throws ContractRevertException when the value is not the mint cost
   */
  public MintedPkp mintNextWithValue(BigInteger valueWei) {
    return await(mintNextWithValueAsync(valueWei));
  }

  /**
   * Async twin of {@link #mintNextWithValue(BigInteger)}.
   *
   * @param valueWei the value to pay, in wei
   * @return a future of the minted PKP
   */
  public CompletableFuture<MintedPkp> mintNextWithValueAsync(BigInteger valueWei) {
    if (valueWei == null || valueWei.signum() < 0) throw new LitValidationException("valueWei must be >= 0");
    chain.requireSigner();
    return async(() -> mintNextPaying(resolveAddresses(), valueWei));
  }

  private MintedPkp mintNextPaying(LitContractAddresses a, BigInteger value) {
    TransactionReceipt receipt = chain.send(a.pkpNft(), "PKPNFT.mintNext", PkpNft.mintNext(KEY_TYPE_ECDSA), value);
    return mintedPkp(a, receipt, "PKPNFT.mintNext");
  }

  /** {@return the price of one PKP in wei ({@code PKPNFT.mintCost()})} */
  public BigInteger mintCost() {
    return await(mintCostAsync());
  }

  /**
   * Async twin of {@link #mintCost()}.
   *
   * @return a future of the mint cost in wei
   */
  public CompletableFuture<BigInteger> mintCostAsync() {
    return async(() -> mintCostOf(resolveAddresses()));
  }

  private BigInteger mintCostOf(LitContractAddresses a) {
    return uint(chain.call(a.pkpNft(), "PKPNFT.mintCost", PkpNft.mintCost()).get(0));
  }

  private MintedPkp mintedPkp(LitContractAddresses a, TransactionReceipt receipt, String label) {
    String txHash = receipt.getTransactionHash();
    List<Log> logs = receipt.getLogs();
    if (logs == null || logs.isEmpty() || logs.get(0).getTopics() == null || logs.get(0).getTopics().size() < 2) {
      throw LitException.builder()
          .message(label + " transaction " + txHash + " succeeded but its first log has no token id topic (topics[1])")
          .errorCode(ContractErrorCode.MISSING_MINT_LOG.name())
          .details(Map.of("transactionHash", txHash))
          .buildContract();
    }
    BigInteger tokenId = new BigInteger(Hex.strip0x(logs.get(0).getTopics().get(1)), 16);
    byte[] pubkey = bytes(chain.call(a.pkpNft(), "PKPNFT.getPubkey", PkpNft.getPubkey(tokenId)).get(0));
    if (pubkey.length != 65 || !new BigInteger(1, Hash.sha3(pubkey)).equals(tokenId)) {
      throw LitException.builder()
          .message(label + " transaction " + txHash + ": logs[0].topics[1] = 0x" + tokenId.toString(16)
              + " is not the token id of the minted key (PKPNFT.getPubkey returned " + pubkey.length
              + " bytes); the contracts emit their logs in an order the SDK does not expect")
          .errorCode(ContractErrorCode.TOKEN_ID_MISMATCH.name())
          .details(Map.of("transactionHash", txHash))
          .buildContract();
    }
    return new MintedPkp(tokenId, pubkey, ethAddressOf(pubkey), transaction(receipt));
  }

  /**
   * {@return the 65-byte public key of a PKP ({@code PKPNFT.getPubkey})}
   *
   * @param tokenId the PKP token id
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} when no such PKP exists
   */
  public byte[] getPubkey(BigInteger tokenId) {
    return await(getPubkeyAsync(tokenId));
  }

  /**
   * Async twin of {@link #getPubkey(BigInteger)}.
   *
   * @param tokenId the PKP token id
   * @return a future of the 65-byte public key
   */
  public CompletableFuture<byte[]> getPubkeyAsync(BigInteger tokenId) {
    checkTokenId(tokenId);
    return async(() -> requireKnownToken(resolveAddresses(), tokenId));
  }

  /**
   * Token ids of the PKPs {@code owner} holds: {@code balanceOf}, then {@code
   * tokenOfOwnerByIndex(owner, 0 … n-1)} (the SDK loops until a revert; same result).
   *
   * @param owner the owner's address
   * @return the token ids, in index order
   */
  public List<BigInteger> getTokensByAddress(String owner) {
    return await(getTokensByAddressAsync(owner));
  }

  /**
   * Async twin of {@link #getTokensByAddress(String)}.
   *
   * @param owner the owner's address
   * @return a future of the token ids
   */
  public CompletableFuture<List<BigInteger>> getTokensByAddressAsync(String owner) {
    checkAddress("owner", owner);
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      BigInteger count = uint(chain.call(a.pkpNft(), "PKPNFT.balanceOf", PkpNft.balanceOf(owner)).get(0));
      List<BigInteger> out = new ArrayList<>();
      for (long i = 0; i < toLong(count, "PKPNFT.balanceOf"); i++) {
        out.add(uint(chain.call(a.pkpNft(), "PKPNFT.tokenOfOwnerByIndex", PkpNft.tokenOfOwnerByIndex(owner, i)).get(0)));
      }
      return List.copyOf(out);
    });
  }

  // ---------------------------------------------------------------- permissions

  /**
   * Permits an auth method for a PKP ({@code PKPPermissions.addPermittedAuthMethod}); the signer
   * must own the PKP NFT.
   *
   * @param scopes scopes to grant (may be empty)
   * @param tokenId the PKP token id
   * @param authMethod the auth method to permit
   * @return the mined transaction
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for an unknown PKP
   * @throws ContractRevertException when the contract refuses (e.g. the signer is not the owner)
   */
  public ChainTransaction addPermittedAuthMethod(BigInteger tokenId, PermittedAuthMethod authMethod, List<AuthMethodScope> scopes) {
    return await(addPermittedAuthMethodAsync(tokenId, authMethod, scopes));
  }

  /**
   * Async twin of {@link #addPermittedAuthMethod(BigInteger, PermittedAuthMethod, List)}.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method to permit
   * @param scopes the scopes to grant (may be empty)
   * @return a future of the mined transaction
   */
  public CompletableFuture<ChainTransaction> addPermittedAuthMethodAsync(
      BigInteger tokenId, PermittedAuthMethod authMethod, List<AuthMethodScope> scopes) {
    checkTokenId(tokenId);
    requireNonNull(authMethod, "authMethod");
    List<BigInteger> scopeIds = scopeIds(scopes);
    chain.requireSigner();
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      requireKnownToken(a, tokenId);
      return transaction(chain.send(a.pkpPermissions(), "PKPPermissions.addPermittedAuthMethod",
          PkpPermissions.addPermittedAuthMethod(tokenId, authMethod.authMethodType(), authMethod.id(), authMethod.userPubkey(), scopeIds),
          BigInteger.ZERO));
    });
  }

  /**
   * Removes an auth method from a PKP ({@code PKPPermissions.removePermittedAuthMethod}); only
   * type and id matter. The signer must own the PKP NFT.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method to remove
   * @return the mined transaction
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for an unknown PKP
   * @throws ContractRevertException when the contract refuses
   */
  public ChainTransaction removePermittedAuthMethod(BigInteger tokenId, PermittedAuthMethod authMethod) {
    return await(removePermittedAuthMethodAsync(tokenId, authMethod));
  }

  /**
   * Async twin of {@link #removePermittedAuthMethod(BigInteger, PermittedAuthMethod)}.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method to remove
   * @return a future of the mined transaction
   */
  public CompletableFuture<ChainTransaction> removePermittedAuthMethodAsync(BigInteger tokenId, PermittedAuthMethod authMethod) {
    checkTokenId(tokenId);
    requireNonNull(authMethod, "authMethod");
    chain.requireSigner();
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      requireKnownToken(a, tokenId);
      return transaction(chain.send(a.pkpPermissions(), "PKPPermissions.removePermittedAuthMethod",
          PkpPermissions.removePermittedAuthMethod(tokenId, authMethod.authMethodType(), authMethod.id()), BigInteger.ZERO));
    });
  }

  /**
   * Permits a Lit Action by its IPFS CID, as JS {@code pkpPermissionsContractUtils.write.addPermittedAction}:
   * the token id is re-derived as {@code keccak256(PubkeyRouter.getPubkey(tokenId))}, the CIDv0
   * ({@code Qm…}) is base58-decoded to its multihash bytes, and {@code addPermittedAction} is called
   * (the SDK always grants {@code [SIGN_ANYTHING]}; here the caller chooses).
   *
   * @param tokenId the PKP token id
   * @param ipfsCid the action's CIDv0, {@code Qm...}
   * @param scopes the scopes to grant (may be empty)
   * @return the mined transaction
   * @throws LitValidationException when the CID is not a base58 CIDv0 (sha2-256 multihash)
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for an unknown PKP
   * @throws ContractRevertException when the contract refuses
   */
  public ChainTransaction addPermittedAction(BigInteger tokenId, String ipfsCid, List<AuthMethodScope> scopes) {
    return await(addPermittedActionAsync(tokenId, ipfsCid, scopes));
  }

  /**
   * Async twin of {@link #addPermittedAction(BigInteger, String, List)}.
   *
   * @param tokenId the PKP token id
   * @param ipfsCid the action's CIDv0, {@code Qm...}
   * @param scopes the scopes to grant (may be empty)
   * @return a future of the mined transaction
   */
  public CompletableFuture<ChainTransaction> addPermittedActionAsync(BigInteger tokenId, String ipfsCid, List<AuthMethodScope> scopes) {
    checkTokenId(tokenId);
    byte[] multihash = ipfsCidToBytes(ipfsCid);
    List<BigInteger> scopeIds = scopeIds(scopes);
    chain.requireSigner();
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      byte[] pubkey = requireKnownToken(a, tokenId);
      BigInteger derived = new BigInteger(1, Hash.sha3(pubkey));
      return transaction(chain.send(a.pkpPermissions(), "PKPPermissions.addPermittedAction",
          PkpPermissions.addPermittedAction(derived, multihash, scopeIds), BigInteger.ZERO));
    });
  }

  /**
   * Permits an Ethereum address for a PKP ({@code PKPPermissions.addPermittedAddress}; the SDK
   * always grants {@code [SIGN_ANYTHING]}). The signer must own the PKP NFT.
   *
   * @param tokenId the PKP token id
   * @param address the address to permit
   * @param scopes the scopes to grant
   * @return the mined transaction
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for an unknown PKP
   * @throws ContractRevertException when the contract refuses
   */
  public ChainTransaction addPermittedAddress(BigInteger tokenId, String address, List<AuthMethodScope> scopes) {
    return await(addPermittedAddressAsync(tokenId, address, scopes));
  }

  /**
   * Async twin of {@link #addPermittedAddress(BigInteger, String, List)}.
   *
   * @param tokenId the PKP token id
   * @param address the address to permit
   * @param scopes the scopes to grant
   * @return a future of the mined transaction
   */
  public CompletableFuture<ChainTransaction> addPermittedAddressAsync(BigInteger tokenId, String address, List<AuthMethodScope> scopes) {
    checkTokenId(tokenId);
    checkAddress("address", address);
    List<BigInteger> scopeIds = scopeIds(scopes);
    chain.requireSigner();
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      requireKnownToken(a, tokenId);
      return transaction(chain.send(a.pkpPermissions(), "PKPPermissions.addPermittedAddress",
          PkpPermissions.addPermittedAddress(tokenId, address, scopeIds), BigInteger.ZERO));
    });
  }

  /**
   * All auth methods permitted for a PKP, in the contract's set order (including the PKP's own
   * address entry that {@link #mintWithAuth} adds, type 1 with the 20 address bytes as id).
   *
   * @param tokenId the PKP token id
   * @return the permitted auth methods
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for an unknown PKP
   */
  public List<PermittedAuthMethod> getPermittedAuthMethods(BigInteger tokenId) {
    return await(getPermittedAuthMethodsAsync(tokenId));
  }

  /**
   * Async twin of {@link #getPermittedAuthMethods(BigInteger)}.
   *
   * @param tokenId the PKP token id
   * @return a future of the permitted auth methods
   */
  public CompletableFuture<List<PermittedAuthMethod>> getPermittedAuthMethodsAsync(BigInteger tokenId) {
    checkTokenId(tokenId);
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      requireKnownToken(a, tokenId);
      List<Type> r = chain.call(a.pkpPermissions(), "PKPPermissions.getPermittedAuthMethods", PkpPermissions.getPermittedAuthMethods(tokenId));
      return decodeAuthMethods(r.get(0));
    });
  }

  /**
   * Which scopes {@code 0 … maxScopeId-1} an auth method has on a PKP (SDK callers pass 3 and
   * read {@code [1]} and {@code [2]}).
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method (type and id)
   * @param maxScopeId how many scope ids to read, from 0
   * @return one flag per scope id, from 0
   * @throws LitValidationException when {@code maxScopeId} is not in 1..256
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for an unknown PKP
   */
  public List<Boolean> getPermittedAuthMethodScopes(BigInteger tokenId, PermittedAuthMethod authMethod, int maxScopeId) {
    return await(getPermittedAuthMethodScopesAsync(tokenId, authMethod, maxScopeId));
  }

  /**
   * Async twin of {@link #getPermittedAuthMethodScopes(BigInteger, PermittedAuthMethod, int)}.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method (type and id)
   * @param maxScopeId how many scope ids to read, from 0
   * @return a future of one flag per scope id
   */
  public CompletableFuture<List<Boolean>> getPermittedAuthMethodScopesAsync(BigInteger tokenId, PermittedAuthMethod authMethod, int maxScopeId) {
    checkTokenId(tokenId);
    requireNonNull(authMethod, "authMethod");
    if (maxScopeId < 1 || maxScopeId > 256) throw new LitValidationException("maxScopeId must be in 1..256, got " + maxScopeId);
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      requireKnownToken(a, tokenId);
      List<Type> r = chain.call(a.pkpPermissions(), "PKPPermissions.getPermittedAuthMethodScopes",
          PkpPermissions.getPermittedAuthMethodScopes(tokenId, authMethod.authMethodType(), authMethod.id(), maxScopeId));
      List<Boolean> out = new ArrayList<>();
      for (Object b : ((DynamicArray<?>) r.get(0)).getValue()) out.add(((Bool) b).getValue());
      return List.copyOf(out);
    });
  }

  /**
   * {@return whether an auth method (type and id) is permitted for a PKP}
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method (type and id)
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for an unknown PKP
   */
  public boolean isPermittedAuthMethod(BigInteger tokenId, PermittedAuthMethod authMethod) {
    return await(isPermittedAuthMethodAsync(tokenId, authMethod));
  }

  /**
   * Async twin of {@link #isPermittedAuthMethod(BigInteger, PermittedAuthMethod)}.
   *
   * @param tokenId the PKP token id
   * @param authMethod the auth method (type and id)
   * @return a future of whether it is permitted
   */
  public CompletableFuture<Boolean> isPermittedAuthMethodAsync(BigInteger tokenId, PermittedAuthMethod authMethod) {
    checkTokenId(tokenId);
    requireNonNull(authMethod, "authMethod");
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      requireKnownToken(a, tokenId);
      return bool(chain.call(a.pkpPermissions(), "PKPPermissions.isPermittedAuthMethod",
          PkpPermissions.isPermittedAuthMethod(tokenId, authMethod.authMethodType(), authMethod.id())));
    });
  }

  /**
   * {@return whether a Lit Action (CIDv0) is permitted for a PKP}
   *
   * @param tokenId the PKP token id
   * @param ipfsCid the action's CIDv0, {@code Qm...}
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for an unknown PKP
   */
  public boolean isPermittedAction(BigInteger tokenId, String ipfsCid) {
    return await(isPermittedActionAsync(tokenId, ipfsCid));
  }

  /**
   * Async twin of {@link #isPermittedAction(BigInteger, String)}.
   *
   * @param tokenId the PKP token id
   * @param ipfsCid the action's CIDv0, {@code Qm...}
   * @return a future of whether it is permitted
   */
  public CompletableFuture<Boolean> isPermittedActionAsync(BigInteger tokenId, String ipfsCid) {
    checkTokenId(tokenId);
    byte[] multihash = ipfsCidToBytes(ipfsCid);
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      requireKnownToken(a, tokenId);
      return bool(chain.call(a.pkpPermissions(), "PKPPermissions.isPermittedAction", PkpPermissions.isPermittedAction(tokenId, multihash)));
    });
  }

  /**
   * {@return whether an address is permitted for a PKP (a type-1 entry, or the NFT owner)}
   *
   * @param tokenId the PKP token id
   * @param address the address to check
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} for an unknown PKP
   */
  public boolean isPermittedAddress(BigInteger tokenId, String address) {
    return await(isPermittedAddressAsync(tokenId, address));
  }

  /**
   * Async twin of {@link #isPermittedAddress(BigInteger, String)}.
   *
   * @param tokenId the PKP token id
   * @param address the address to check
   * @return a future of whether it is permitted
   */
  public CompletableFuture<Boolean> isPermittedAddressAsync(BigInteger tokenId, String address) {
    checkTokenId(tokenId);
    checkAddress("address", address);
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      requireKnownToken(a, tokenId);
      return bool(chain.call(a.pkpPermissions(), "PKPPermissions.isPermittedAddress", PkpPermissions.isPermittedAddress(tokenId, address)));
    });
  }

  // ---------------------------------------------------------------- capacity credits

  /**
   * Mints a capacity credits NFT, as JS {@code mintCapacityCreditsNFT}: computes the expiry (UTC
   * midnight, from this instance's clock), prices it with {@code RateLimitNFT.calculateCost(rpks,
   * expiresAt)}, pays that to {@code mint(expiresAt)} and reads the token id from {@code
   * logs[0].topics[3]} (the ERC-721 {@code Transfer} token id).
   *
   * @param request the rate and expiry to buy
   * @return the minted capacity credits
   * @throws ContractRevertException when pricing or minting reverts (e.g. expiry not at a UTC
   *     midnight or beyond the maximum, capacity sold out)
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#MISSING_MINT_LOG} when the receipt has no Transfer log
   */
  public MintedCapacityCredits mintCapacityCreditsNFT(CapacityCreditsRequest request) {
    return await(mintCapacityCreditsNFTAsync(request));
  }

  /**
   * Async twin of {@link #mintCapacityCreditsNFT(CapacityCreditsRequest)}.
   *
   * @param request the rate and expiry to buy
   * @return a future of the minted capacity credits
   */
  public CompletableFuture<MintedCapacityCredits> mintCapacityCreditsNFTAsync(CapacityCreditsRequest request) {
    requireNonNull(request, "request");
    chain.requireSigner();
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      Instant expiresAt = request.expiresAt(clock.instant());
      long rpks = request.requestsPerKilosecond();
      BigInteger cost = uint(chain.call(a.rateLimitNft(), "RateLimitNFT.calculateCost",
          RateLimitNft.calculateCost(rpks, expiresAt.getEpochSecond())).get(0));
      TransactionReceipt receipt = chain.send(a.rateLimitNft(), "RateLimitNFT.mint", RateLimitNft.mint(expiresAt.getEpochSecond()), cost);
      List<Log> logs = receipt.getLogs();
      if (logs == null || logs.isEmpty() || logs.get(0).getTopics() == null || logs.get(0).getTopics().size() < 4) {
        throw LitException.builder()
            .message("RateLimitNFT.mint transaction " + receipt.getTransactionHash()
                + " succeeded but its first log is not an ERC-721 Transfer with the token id in topics[3]")
            .errorCode(ContractErrorCode.MISSING_MINT_LOG.name())
            .details(Map.of("transactionHash", receipt.getTransactionHash()))
            .buildContract();
      }
      BigInteger tokenId = new BigInteger(Hex.strip0x(logs.get(0).getTopics().get(3)), 16);
      return new MintedCapacityCredits(tokenId.toString(), rpks, expiresAt, cost, transaction(receipt));
    });
  }

  // ---------------------------------------------------------------- staking

  /**
   * Node URLs of the current epoch, as v4 {@code getValidators}: the current set minus the kicked
   * validators, each {@code (port == 443 ? "https://" : "http://") + ip + ":" + port}. When fewer
   * than the consensus count remain, this only logs a warning, as the SDK does.
   *
   * @return the node URLs
   */
  public List<String> getValidators() {
    return await(getValidatorsAsync());
  }

  /**
   * Async twin of {@link #getValidators()}.
   *
   * @return a future of the node URLs
   */
  public CompletableFuture<List<String>> getValidatorsAsync() {
    return async(() -> activeValidators().stream().map(StakingValidator::url).toList());
  }

  /** {@return the Validator structs behind {@link #getValidators()}, in the same order} */
  public List<StakingValidator> getActiveValidators() {
    return await(getActiveValidatorsAsync());
  }

  /**
   * Async twin of {@link #getActiveValidators()}.
   *
   * @return a future of the active validators
   */
  public CompletableFuture<List<StakingValidator>> getActiveValidatorsAsync() {
    return async(this::activeValidators);
  }

  private List<StakingValidator> activeValidators() {
    LitContractAddresses a = resolveAddresses();
    List<String> current = addresses(chain.call(a.staking(), "Staking.getValidatorsInCurrentEpoch", Staking.getValidatorsInCurrentEpoch()).get(0));
    BigInteger threshold = uint(chain.call(a.staking(), "Staking.currentValidatorCountForConsensus", Staking.currentValidatorCountForConsensus()).get(0));
    List<String> kicked = addresses(chain.call(a.staking(), "Staking.getKickedValidators", Staking.getKickedValidators()).get(0));
    List<String> remaining = current.stream().filter(v -> kicked.stream().noneMatch(k -> k.equalsIgnoreCase(v))).toList();
    if (BigInteger.valueOf(current.size() - kicked.size()).compareTo(threshold) < 0) {
      log.warn("active validator set ({} current, {} kicked) does not meet the threshold {}", current.size(), kicked.size(), threshold);
    }
    if (remaining.isEmpty()) return List.of();
    List<Type> r = chain.call(a.staking(), "Staking.getValidatorsStructs", Staking.getValidatorsStructs(remaining));
    return decodeValidators(r.get(0));
  }

  /**
   * The share index of each active validator, as the nodes number themselves: the current
   * epoch's validators (kicked ones included) sorted by staker address, index = position. The
   * signing subset of threshold ECDSA is chosen among these indices
   * ({@link io.lit4j.crypto.ecdsa.SigningSubset}).
   *
   * @return share index by node URL, for the unkicked validators (empty if Staking's answers do
   *     not fit together)
   */
  public java.util.Map<String, Integer> getShareIndices() {
    return await(getShareIndicesAsync());
  }

  /**
   * Async twin of {@link #getShareIndices()}.
   *
   * @return a future of the share indices by node URL
   */
  public CompletableFuture<java.util.Map<String, Integer>> getShareIndicesAsync() {
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      List<String> current = addresses(chain.call(a.staking(), "Staking.getValidatorsInCurrentEpoch", Staking.getValidatorsInCurrentEpoch()).get(0));
      List<String> kicked = addresses(chain.call(a.staking(), "Staking.getKickedValidators", Staking.getKickedValidators()).get(0));
      List<String> remaining = current.stream().filter(v -> kicked.stream().noneMatch(k -> k.equalsIgnoreCase(v))).toList();
      if (remaining.isEmpty()) return java.util.Map.of();
      List<StakingValidator> structs = decodeValidators(chain.call(a.staking(), "Staking.getValidatorsStructs",
          Staking.getValidatorsStructs(remaining)).get(0));
      if (structs.size() != remaining.size()) return java.util.Map.of();
      List<String> sorted = current.stream().map(x -> x.toLowerCase(java.util.Locale.ROOT)).sorted().toList();
      java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
      for (int i = 0; i < remaining.size(); i++) {
        out.put(structs.get(i).url(), sorted.indexOf(remaining.get(i).toLowerCase(java.util.Locale.ROOT)));
      }
      return java.util.Collections.unmodifiableMap(out);
    });
  }

  /** {@return the current epoch number ({@code Staking.epoch().number})} */
  public long getCurrentEpochNumber() {
    return await(getCurrentEpochNumberAsync());
  }

  /**
   * Async twin of {@link #getCurrentEpochNumber()}.
   *
   * @return a future of the epoch number
   */
  public CompletableFuture<Long> getCurrentEpochNumberAsync() {
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      return toLong(uint(chain.call(a.staking(), "Staking.epoch", Staking.epoch()).get(1)), "Staking.epoch().number");
    });
  }

  /**
   * {@return the threshold the SDK calls {@code minNodeCount}: {@code
   * Staking.currentValidatorCountForConsensus()}}
   *
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#INVALID_MIN_NODE_COUNT}
   *     when it is 0 (lit-core refuses to connect then: "minNodeCount is 0, which is invalid")
   */
  public int getMinNodeCount() {
    return await(getMinNodeCountAsync());
  }

  /**
   * Async twin of {@link #getMinNodeCount()}.
   *
   * @return a future of the threshold
   */
  public CompletableFuture<Integer> getMinNodeCountAsync() {
    return async(() -> {
      LitContractAddresses a = resolveAddresses();
      BigInteger n = uint(chain.call(a.staking(), "Staking.currentValidatorCountForConsensus", Staking.currentValidatorCountForConsensus()).get(0));
      if (n.signum() <= 0) {
        throw LitException.builder()
            .message("minNodeCount is " + n + ", which is invalid: Staking " + a.staking()
                + " needs at least 2 validators in the current epoch for a threshold")
            .errorCode(ContractErrorCode.INVALID_MIN_NODE_COUNT.name())
            .details(Map.of("staking", a.staking()))
            .buildContract();
      }
      return (int) Math.min(toLong(n, "Staking.currentValidatorCountForConsensus"), Integer.MAX_VALUE);
    });
  }

  // ---------------------------------------------------------------- lifecycle

  /** Shuts down what this instance created (its executor and, when built from a URL, its {@link Web3j}). */
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

  // ---------------------------------------------------------------- helpers

  /** Decodes a CIDv0 string ({@code Qm…}) to its 34 multihash bytes, as the SDK's bs58 decode does. */
  static byte[] ipfsCidToBytes(String ipfsCid) {
    byte[] bytes = Base58.decode(ipfsCid, "ipfsCid");
    if (bytes.length != 34 || bytes[0] != 0x12 || bytes[1] != 0x20) {
      throw new LitValidationException(
          "ipfsCid must be a CIDv0 (base58 sha2-256 multihash, 46 characters starting with Qm), got " + ipfsCid);
    }
    return bytes;
  }

  private byte[] requireKnownToken(LitContractAddresses a, BigInteger tokenId) {
    byte[] pubkey = bytes(chain.call(a.pubkeyRouter(), "PubkeyRouter.getPubkey", PubkeyRouter.getPubkey(tokenId)).get(0));
    if (pubkey.length == 0) {
      throw LitException.builder()
          .message("no PKP with token id 0x" + tokenId.toString(16) + " exists (PubkeyRouter.getPubkey is empty); check the token id and the network")
          .errorCode(ContractErrorCode.UNKNOWN_TOKEN.name())
          .details(Map.of("tokenId", tokenId.toString()))
          .buildContract();
    }
    return pubkey;
  }

  static String ethAddressOf(byte[] uncompressedPubkey) {
    byte[] hash = EthHash.keccak256(Arrays.copyOfRange(uncompressedPubkey, 1, uncompressedPubkey.length));
    return new EthAddress(Arrays.copyOfRange(hash, 12, 32)).checksummed();
  }

  static List<StakingValidator> decodeValidators(Type array) {
    List<StakingValidator> out = new ArrayList<>();
    for (Object o : ((DynamicArray<?>) array).getValue()) {
      ValidatorStruct v = (ValidatorStruct) o;
      out.add(new StakingValidator(
          v.ip.getValue().longValueExact(),
          v.ipv6.getValue(),
          v.port.getValue().longValueExact(),
          Keys.toChecksumAddress(v.nodeAddress.getValue()),
          v.reward.getValue(),
          v.senderPubKey.getValue(),
          v.receiverPubKey.getValue()));
    }
    return List.copyOf(out);
  }

  static List<PermittedAuthMethod> decodeAuthMethods(Type array) {
    List<PermittedAuthMethod> out = new ArrayList<>();
    for (Object o : ((DynamicArray<?>) array).getValue()) {
      AuthMethodStruct m = (AuthMethodStruct) o;
      out.add(new PermittedAuthMethod(toLong(m.authMethodType.getValue(), "PKPPermissions.getPermittedAuthMethods authMethodType"),
          m.id.getValue(), m.userPubkey.getValue()));
    }
    return List.copyOf(out);
  }

  private static List<String> addresses(Type array) {
    List<String> out = new ArrayList<>();
    for (Object o : ((DynamicArray<?>) array).getValue()) out.add(((Address) o).getValue());
    return out;
  }

  private static long toLong(BigInteger value, String label) {
    if (value.bitLength() > 63) {
      throw LitException.builder()
          .message(label + " returned " + value + ", beyond what lit4j can use; is this the right contract?")
          .errorCode(ContractErrorCode.RPC_ERROR.name())
          .buildContract();
    }
    return value.longValue();
  }

  private static BigInteger uint(Type t) {
    return ((Uint256) t).getValue();
  }

  private static byte[] bytes(Type t) {
    return ((DynamicBytes) t).getValue();
  }

  private static boolean bool(List<Type> r) {
    return ((Bool) r.get(0)).getValue();
  }

  private static ChainTransaction transaction(TransactionReceipt r) {
    return new ChainTransaction(r.getTransactionHash(), r.getBlockNumber(), r.getGasUsed());
  }

  private static List<BigInteger> scopeIds(List<AuthMethodScope> scopes) {
    if (scopes == null) throw new LitValidationException("scopes must be given (use an empty list for none)");
    List<BigInteger> out = new ArrayList<>();
    for (AuthMethodScope s : scopes) {
      if (s == null) throw new LitValidationException("scopes must not contain null");
      out.add(BigInteger.valueOf(s.value()));
    }
    return out;
  }

  private static void checkTokenId(BigInteger tokenId) {
    if (tokenId == null || tokenId.signum() < 0 || tokenId.compareTo(UINT256_MAX) > 0) {
      throw new LitValidationException("tokenId must be a uint256, got " + tokenId);
    }
  }

  private static void checkAddress(String field, String address) {
    if (address == null || !ADDRESS.matcher(address).matches()) {
      throw new LitValidationException(field + " must be a 0x-prefixed 20-byte hex address, got " + address);
    }
  }

  private static void requireNonNull(Object value, String field) {
    if (value == null) throw new LitValidationException(field + " must be given");
  }

  private <T> CompletableFuture<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor);
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error err) throw err;
      throw new LitException("contract operation failed: " + cause, cause);
    }
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
     * Signs transactions with these credentials (a {@link org.web3j.tx.RawTransactionManager} for the RPC's chain id).
     *
     * @param credentials the signer's credentials, used through a {@link org.web3j.tx.RawTransactionManager} for the RPC's chain id
     * @return this builder
     */
    public Builder signer(Credentials credentials) {
      this.credentials = Args.required(credentials, "credentials");
      this.transactionManager = null;
      return this;
    }

    /**
     * Sends transactions through this manager instead (e.g. a custom signer); its from-address is the signer.
     *
     * @param transactionManager the manager that sends transactions (e.g. a custom signer); its from-address is the signer
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
     * Reads the addresses from a ContractResolver ({@code getContract(keccak256(name), env)}) on first use.
     *
     * @param resolverAddress the ContractResolver's address
     * @param environment the resolver environment the addresses are registered under
     * @return this builder
     */
    public Builder resolver(String resolverAddress, ResolverEnvironment environment) {
      checkAddress("resolverAddress", resolverAddress);
      this.resolverAddress = resolverAddress;
      this.resolverEnvironment = Args.required(environment, "environment");
      this.addresses = null;
      return this;
    }

    /**
     * Gas limit = estimate × (100 + percent) / 100; default 10 (JS SDK PR #567).
     *
     * @param percent margin added to the gas estimate: limit = estimate × (100 + percent) / 100; default 10 (JS SDK PR #567)
     * @return this builder
     */
    public Builder gasMarginPercent(int percent) {
      if (percent < 0 || percent > 1000) throw new LitValidationException("gasMarginPercent must be in 0..1000, got " + percent);
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
      if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new LitValidationException("receiptTimeout must be positive");
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
      if (interval == null || interval.isNegative() || interval.isZero()) throw new LitValidationException("pollInterval must be positive");
      this.pollInterval = interval;
      return this;
    }

    /**
     * Runs the async methods here; default an owned cached pool of daemon threads (calls block on I/O).
     *
     * @param executor where the async methods run; default an owned cached pool of daemon threads (calls block on I/O)
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Args.required(executor, "executor");
      return this;
    }

    /**
     * The clock capacity-credit expiries are computed from; default {@link Clock#systemUTC()}.
     *
     * @param clock the clock capacity-credit expiries are computed from; default {@link Clock#systemUTC()}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Args.required(clock, "clock");
      return this;
    }

    /**
     * Builds the client; makes no network call (the chain id and resolver addresses are read on first use).
     *
     * @return the client
     * @throws LitValidationException when no RPC or no addresses were given
     */
    public LitContracts build() {
      if (rpcUrl == null && web3j == null) {
        throw new LitValidationException("an RPC is required: call rpcUrl(...) or web3j(...)");
      }
      if (addresses == null && resolverAddress == null) {
        throw new LitValidationException("contract addresses are required: call network(...), addresses(...) or resolver(...)");
      }
      boolean owns = web3j == null;
      okhttp3.OkHttpClient http = owns ? HttpService.getOkHttpClientBuilder().build() : null;
      Web3j w = owns ? Web3j.build(new HttpService(rpcUrl, http)) : web3j;
      return new LitContracts(this, w, owns, http);
    }
  }
}
