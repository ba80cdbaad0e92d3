package io.lit4j.contracts;

import static io.lit4j.contracts.internal.AbiDecoding.tokenIdFromFirstLog;
import static io.lit4j.contracts.internal.AbiDecoding.transaction;
import static io.lit4j.contracts.internal.AbiDecoding.uint;
import static io.lit4j.contracts.internal.ContractArgs.requireNonNull;

import io.lit4j.contracts.internal.ChainClient;
import io.lit4j.contracts.internal.ContractFunctions.RateLimitNft;
import io.lit4j.contracts.internal.ContractsRuntime;
import io.lit4j.core.util.Futures;
import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Capacity credits, as the SDK's {@code rateLimitNftContractUtils} drives RateLimitNFT. Get it from
 * {@link LitContracts#capacityCredits()}.
 *
 * <p>Every method has an {@code ...Async} twin running on the {@link LitContracts}' executor; the
 * blocking method waits for it and rethrows failures unwrapped (see {@link LitContracts} for the
 * exceptions).
 */
public final class CapacityCreditsContract {

  private final ContractsRuntime rt;
  private final ChainClient chain;

  CapacityCreditsContract(ContractsRuntime rt) {
    this.rt = rt;
    this.chain = rt.chain();
  }

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
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#MISSING_MINT_LOG}
   *     when the receipt has no Transfer log
   */
  public MintedCapacityCredits mint(CapacityCreditsRequest request) {
    return Futures.join(mintAsync(request));
  }

  /**
   * Async twin of {@link #mint(CapacityCreditsRequest)}.
   *
   * @param request the rate and expiry to buy
   * @return a future of the minted capacity credits
   */
  public CompletableFuture<MintedCapacityCredits> mintAsync(CapacityCreditsRequest request) {
    requireNonNull(request, "request");
    chain.requireSigner();
    return rt.async(
        () -> {
          LitContractAddresses a = rt.resolveAddresses();
          Instant expiresAt = request.expiresAt(rt.clock().instant());
          long rpks = request.requestsPerKilosecond();
          BigInteger cost =
              uint(
                  chain
                      .call(
                          a.rateLimitNft(),
                          "RateLimitNFT.calculateCost",
                          RateLimitNft.calculateCost(rpks, expiresAt.getEpochSecond()))
                      .get(0));
          TransactionReceipt receipt =
              chain.send(
                  a.rateLimitNft(),
                  "RateLimitNFT.mint",
                  RateLimitNft.mint(expiresAt.getEpochSecond()),
                  cost);
          BigInteger tokenId =
              tokenIdFromFirstLog(
                  receipt,
                  3,
                  "RateLimitNFT.mint",
                  "is not an ERC-721 Transfer with the token id in topics[3]");
          return new MintedCapacityCredits(
              tokenId.toString(), rpks, expiresAt, cost, transaction(receipt));
        });
  }
}
