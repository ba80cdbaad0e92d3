package io.lit4j.contracts;

import static io.lit4j.contracts.internal.AbiDecoding.addressList;
import static io.lit4j.contracts.internal.AbiDecoding.toLong;
import static io.lit4j.contracts.internal.AbiDecoding.uint;
import static io.lit4j.contracts.internal.AbiDecoding.validators;

import io.lit4j.contracts.internal.ChainClient;
import io.lit4j.contracts.internal.ContractFunctions.Staking;
import io.lit4j.contracts.internal.ContractsRuntime;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Futures;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Type;

/**
 * The Staking contract's view of the network, as 4.2.0's {@code LitContracts} reads it: node URLs
 * of the current epoch, the validators behind them, the epoch number and the threshold. Get it from
 * {@link LitContracts#staking()}.
 *
 * <p>Every method has an {@code ...Async} twin running on the {@link LitContracts}' executor; the
 * blocking method waits for it and rethrows failures unwrapped (see {@link LitContracts} for the
 * exceptions).
 */
public final class StakingContract {
  private static final Logger log = LoggerFactory.getLogger(StakingContract.class);

  private final ContractsRuntime rt;
  private final ChainClient chain;

  StakingContract(ContractsRuntime rt) {
    this.rt = rt;
    this.chain = rt.chain();
  }

  /**
   * Node URLs of the current epoch, as v4 {@code getValidators}: the current set minus the kicked
   * validators, each {@code (port == 443 ? "https://" : "http://") + ip + ":" + port}. When fewer
   * than the consensus count remain, this only logs a warning, as the SDK does.
   *
   * @return the node URLs
   */
  public List<String> getValidators() {
    return Futures.join(getValidatorsAsync());
  }

  /**
   * Async twin of {@link #getValidators()}.
   *
   * @return a future of the node URLs
   */
  public CompletableFuture<List<String>> getValidatorsAsync() {
    return rt.async(() -> activeValidators().stream().map(StakingValidator::url).toList());
  }

  /** {@return the Validator structs behind {@link #getValidators()}, in the same order} */
  public List<StakingValidator> getActiveValidators() {
    return Futures.join(getActiveValidatorsAsync());
  }

  /**
   * Async twin of {@link #getActiveValidators()}.
   *
   * @return a future of the active validators
   */
  public CompletableFuture<List<StakingValidator>> getActiveValidatorsAsync() {
    return rt.async(this::activeValidators);
  }

  private List<StakingValidator> activeValidators() {
    LitContractAddresses a = rt.resolveAddresses();
    List<String> current = addressList(read(currentValidators(a.staking())).get(0));
    BigInteger threshold = uint(read(consensusCount(a.staking())).get(0));
    List<String> kicked = addressList(read(kickedValidators(a.staking())).get(0));
    List<String> remaining = unkicked(current, kicked, threshold);
    if (remaining.isEmpty()) return List.of();
    return structs(a, remaining);
  }

  /**
   * The share index of each active validator, as the nodes number themselves: the current epoch's
   * validators (kicked ones included) sorted by staker address, index = position. The signing
   * subset of threshold ECDSA is chosen among these indices ({@link
   * io.lit4j.crypto.ecdsa.SigningSubset}).
   *
   * @return share index by node URL, for the unkicked validators (empty if Staking's answers do not
   *     fit together)
   */
  public Map<String, Integer> getShareIndices() {
    return Futures.join(getShareIndicesAsync());
  }

  /**
   * Async twin of {@link #getShareIndices()}.
   *
   * @return a future of the share indices by node URL
   */
  public CompletableFuture<Map<String, Integer>> getShareIndicesAsync() {
    return rt.async(
        () -> {
          LitContractAddresses a = rt.resolveAddresses();
          List<String> current = addressList(read(currentValidators(a.staking())).get(0));
          List<String> kicked = addressList(read(kickedValidators(a.staking())).get(0));
          List<String> remaining = unkicked(current, kicked, null);
          if (remaining.isEmpty()) return Map.of();
          return shareIndices(current, remaining, structs(a, remaining));
        });
  }

  /** {@return the current epoch number ({@code Staking.epoch().number})} */
  public long getCurrentEpochNumber() {
    return Futures.join(getCurrentEpochNumberAsync());
  }

  /**
   * Async twin of {@link #getCurrentEpochNumber()}.
   *
   * @return a future of the epoch number
   */
  public CompletableFuture<Long> getCurrentEpochNumberAsync() {
    return rt.async(
        () -> {
          LitContractAddresses a = rt.resolveAddresses();
          return toLong(uint(read(epoch(a.staking())).get(1)), "Staking.epoch().number");
        });
  }

  /**
   * {@return the threshold the SDK calls {@code minNodeCount}: {@code
   * Staking.currentValidatorCountForConsensus()}}
   *
   * @throws io.lit4j.core.errors.LitContractException {@link
   *     ContractErrorCode#INVALID_MIN_NODE_COUNT} when it is 0 (lit-core refuses to connect then:
   *     "minNodeCount is 0, which is invalid")
   */
  public int getMinNodeCount() {
    return Futures.join(getMinNodeCountAsync());
  }

  /**
   * Async twin of {@link #getMinNodeCount()}.
   *
   * @return a future of the threshold
   */
  public CompletableFuture<Integer> getMinNodeCountAsync() {
    return rt.async(
        () -> {
          LitContractAddresses a = rt.resolveAddresses();
          BigInteger n = uint(read(consensusCount(a.staking())).get(0));
          return minNodeCount(n, a);
        });
  }

  private static int minNodeCount(BigInteger n, LitContractAddresses a) {
    if (n.signum() <= 0) {
      throw LitException.builder()
          .message(
              "minNodeCount is "
                  + n
                  + ", which is invalid: Staking "
                  + a.staking()
                  + " needs at least 2 validators in the current epoch for a threshold")
          .errorCode(ContractErrorCode.INVALID_MIN_NODE_COUNT.name())
          .details(Map.of("staking", a.staking()))
          .buildContract();
    }
    return (int)
        Math.min(toLong(n, "Staking.currentValidatorCountForConsensus"), Integer.MAX_VALUE);
  }

  /**
   * Everything a client reads to connect, in two JSON-RPC batch requests instead of nine separate
   * calls: first {@code getValidatorsInCurrentEpoch}, {@code currentValidatorCountForConsensus},
   * {@code getKickedValidators} and {@code epoch} together, then {@code getValidatorsStructs} of
   * the unkicked validators. The values and errors are those of {@link #getActiveValidators()},
   * {@link #getMinNodeCount()}, {@link #getCurrentEpochNumber()} and {@link #getShareIndices()};
   * the threshold is checked first. An RPC endpoint without batch support gets the calls one by
   * one.
   *
   * @return the state
   * @throws io.lit4j.core.errors.LitContractException {@link
   *     ContractErrorCode#INVALID_MIN_NODE_COUNT} when the threshold is 0, or when a read fails
   */
  public StakingNetworkState getNetworkState() {
    return Futures.join(getNetworkStateAsync());
  }

  /**
   * Async twin of {@link #getNetworkState()}.
   *
   * @return a future of the state
   */
  public CompletableFuture<StakingNetworkState> getNetworkStateAsync() {
    return rt.async(this::networkState);
  }

  @SuppressWarnings("rawtypes")
  private StakingNetworkState networkState() {
    LitContractAddresses a = rt.resolveAddresses();
    String at = a.staking();
    List<List<Type>> first =
        chain.callAll(
            List.of(currentValidators(at), consensusCount(at), kickedValidators(at), epoch(at)));
    List<String> current = addressList(first.get(0).get(0));
    BigInteger threshold = uint(first.get(1).get(0));
    List<String> kicked = addressList(first.get(2).get(0));
    int minNodeCount = minNodeCount(threshold, a);
    long epoch = toLong(uint(first.get(3).get(1)), "Staking.epoch().number");
    List<String> remaining = unkicked(current, kicked, threshold);
    if (remaining.isEmpty())
      return new StakingNetworkState(List.of(), minNodeCount, epoch, Map.of());
    List<StakingValidator> structs = structs(a, remaining);
    return new StakingNetworkState(
        structs, minNodeCount, epoch, shareIndices(current, remaining, structs));
  }

  // the Staking reads, each named once: getNetworkState batches them, the other getters call them

  private static ChainClient.Read currentValidators(String staking) {
    return new ChainClient.Read(
        staking, "Staking.getValidatorsInCurrentEpoch", Staking.getValidatorsInCurrentEpoch());
  }

  private static ChainClient.Read consensusCount(String staking) {
    return new ChainClient.Read(
        staking,
        "Staking.currentValidatorCountForConsensus",
        Staking.currentValidatorCountForConsensus());
  }

  private static ChainClient.Read kickedValidators(String staking) {
    return new ChainClient.Read(
        staking, "Staking.getKickedValidators", Staking.getKickedValidators());
  }

  private static ChainClient.Read epoch(String staking) {
    return new ChainClient.Read(staking, "Staking.epoch", Staking.epoch());
  }

  @SuppressWarnings("rawtypes")
  private List<Type> read(ChainClient.Read r) {
    return chain.call(r.to(), r.label(), r.function());
  }

  /** The current validators minus the kicked ones; warns, as the SDK does, below the threshold. */
  private static List<String> unkicked(
      List<String> current, List<String> kicked, BigInteger threshold) {
    List<String> remaining =
        current.stream()
            .filter(v -> kicked.stream().noneMatch(k -> k.equalsIgnoreCase(v)))
            .toList();
    if (threshold != null
        && BigInteger.valueOf(current.size() - kicked.size()).compareTo(threshold) < 0) {
      log.warn(
          "active validator set ({} current, {} kicked) does not meet the threshold {}",
          current.size(),
          kicked.size(),
          threshold);
    }
    return remaining;
  }

  @SuppressWarnings("rawtypes")
  private List<StakingValidator> structs(LitContractAddresses a, List<String> stakers) {
    List<Type> r =
        chain.call(
            a.staking(), "Staking.getValidatorsStructs", Staking.getValidatorsStructs(stakers));
    return validators(r.get(0));
  }

  /**
   * Share index by node URL: position among the current validators (kicked ones included) sorted by
   * staker address; empty if Staking's answers do not fit together.
   */
  private static Map<String, Integer> shareIndices(
      List<String> current, List<String> remaining, List<StakingValidator> structs) {
    if (structs.size() != remaining.size()) return Map.of();
    List<String> sorted =
        current.stream().map(x -> x.toLowerCase(java.util.Locale.ROOT)).sorted().toList();
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < remaining.size(); i++) {
      out.put(
          structs.get(i).url(),
          sorted.indexOf(remaining.get(i).toLowerCase(java.util.Locale.ROOT)));
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
