package io.lit4j.node;

import io.lit4j.contracts.LitContracts;
import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ValidatorSource} reading the Staking contract through {@link LitContracts}, as the JS
 * SDK 4.2.0 does at every connect: the current validators minus the kicked ones (URLs {@code
 * http://ip:port}, {@code https://} for port 443), {@code currentValidatorCountForConsensus()} as
 * the threshold, {@code epoch().number}, and each node's share index (validators sorted by staker
 * address, as the nodes number themselves), read in two JSON-RPC batch requests ({@link
 * io.lit4j.contracts.StakingContract#getNetworkState()}).
 *
 * <p>The caller owns {@code contracts} and closes it.
 */
public final class StakingValidatorSource implements ValidatorSource, AutoCloseable {
  private final LitContracts given;
  private final String rpcUrl;
  private final io.lit4j.contracts.LitContractAddresses addresses;
  private LitContracts owned; // guarded by this
  private okhttp3.OkHttpClient http; // set once, before use
  private org.web3j.protocol.Web3j ownedWeb3j; // over http; guarded by this

  /**
   * @param contracts the client that reads the Staking contract
   * @throws LitValidationException if {@code contracts} is null
   */
  public StakingValidatorSource(LitContracts contracts) {
    if (contracts == null) throw new LitValidationException("contracts is missing");
    this.given = contracts;
    this.rpcUrl = null;
    this.addresses = null;
  }

  private StakingValidatorSource(String rpcUrl, io.lit4j.contracts.LitContractAddresses addresses) {
    this.given = null;
    this.rpcUrl = rpcUrl;
    this.addresses = addresses;
  }

  /**
   * A source reading Staking through its own read-only {@link LitContracts} on {@code rpcUrl}, made
   * on first use and shut down by {@link #close()} (a later read makes a new one). This is how a
   * client reaches a local network (lit-localnet gives its RPC URL and addresses).
   *
   * @param rpcUrl the JSON-RPC URL of the chain
   * @param addresses the Lit contract addresses on it
   * @return the source
   * @throws LitValidationException if the URL is not http(s) or the addresses are missing
   */
  public static StakingValidatorSource forRpc(
      String rpcUrl, io.lit4j.contracts.LitContractAddresses addresses) {
    if (rpcUrl == null || !(rpcUrl.startsWith("http://") || rpcUrl.startsWith("https://"))) {
      throw new LitValidationException("rpcUrl must be an http(s) URL, got " + rpcUrl);
    }
    if (addresses == null) throw new LitValidationException("contract addresses are missing");
    return new StakingValidatorSource(rpcUrl, addresses);
  }

  /**
   * A source like this one whose contracts reader sends its JSON-RPC calls over {@code http}, so a
   * client's Staking reads share its connection pool and threads instead of a stack of their own.
   * Only a {@link #forRpc} source can be rebuilt this way; one given a {@link LitContracts} returns
   * itself. The copy's reader is made on first use and released by its {@link #close()}.
   *
   * @param http the OkHttp client to send with (left open by {@link #close()})
   * @return the source sending over {@code http}
   * @throws LitValidationException if {@code http} is null
   */
  public StakingValidatorSource withHttpClient(okhttp3.OkHttpClient http) {
    if (http == null) throw new LitValidationException("httpClient is missing");
    if (given != null) return this;
    StakingValidatorSource copy = new StakingValidatorSource(rpcUrl, addresses);
    copy.http = http;
    return copy;
  }

  private synchronized LitContracts contracts() {
    if (given != null) return given;
    if (owned == null) {
      LitContracts.Builder b = LitContracts.builder().addresses(addresses);
      if (http == null) {
        owned = b.rpcUrl(rpcUrl).build();
      } else {
        ownedWeb3j = LitContracts.buildWeb3j(new org.web3j.protocol.http.HttpService(rpcUrl, http));
        owned = b.web3j(ownedWeb3j).build();
      }
    }
    return owned;
  }

  /**
   * Shuts down the contracts client this source made ({@link #forRpc}); one given to it is left
   * open.
   */
  @Override
  public synchronized void close() {
    if (owned != null) {
      owned.close();
      owned = null;
    }
    if (ownedWeb3j != null) {
      ownedWeb3j.shutdown(); // its scheduler; the OkHttp client is the caller's and stays open
      ownedWeb3j = null;
    }
  }

  /**
   * Reads the set from the chain.
   *
   * @return a future failing with a {@link io.lit4j.core.errors.LitContractException} when a read
   *     fails or the threshold is 0, or a {@link LitException} when Staking lists no usable
   *     validators or fewer than the threshold
   */
  @Override
  public CompletableFuture<ValidatorSet> currentValidators() {
    return contracts()
        .staking()
        .getNetworkStateAsync()
        .thenApply(
            state -> {
              List<String> nodes = state.nodeUrls();
              java.util.Map<String, String> wallets = new java.util.LinkedHashMap<>();
              for (io.lit4j.contracts.StakingValidator sv : state.activeValidators())
                wallets.put(sv.url(), sv.nodeAddress());
              int t = state.minNodeCount();
              if (nodes.isEmpty()) {
                throw LitException.builder()
                    .message(
                        "the Staking contract lists no active (unkicked) validators in the current epoch")
                    .errorCode(LitErrorCode.INIT_ERROR)
                    .errorKind("Unexpected")
                    .build();
              }
              if (nodes.size() < t) {
                throw LitException.builder()
                    .message(
                        "the Staking contract lists "
                            + nodes.size()
                            + " active validators, fewer than its threshold "
                            + t
                            + "; the network cannot answer requests: "
                            + nodes)
                    .nodeUrls(nodes)
                    .errorCode(LitErrorCode.INIT_ERROR)
                    .errorKind("Unexpected")
                    .build();
              }
              java.util.Map<String, Integer> read = state.shareIndices();
              // the reads are not one snapshot: if the set changed between them, number the nodes
              // in order
              boolean consistent =
                  nodes.stream().allMatch(read::containsKey)
                      && new java.util.HashSet<>(nodes.stream().map(read::get).toList()).size()
                          == nodes.size();
              java.util.Map<String, Integer> byUrl = new java.util.LinkedHashMap<>();
              for (String u : nodes) byUrl.put(u, consistent ? read.get(u) : byUrl.size());
              return new ValidatorSet(nodes, t, state.epochNumber(), byUrl, wallets);
            });
  }

  @Override
  public String toString() {
    return "StakingValidatorSource[" + (given != null ? given : rpcUrl) + "]";
  }
}
