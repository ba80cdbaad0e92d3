package io.lit4j.contracts.internal;

import io.lit4j.contracts.ContractErrorCode;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.contracts.internal.ContractFunctions.PubkeyRouter;
import io.lit4j.core.errors.LitException;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What every contract view of one {@code LitContracts} shares: the chain, the addresses, the
 * executor the async methods run on and the clock.
 *
 * @param chain reads and transactions
 * @param addresses where the contracts are
 * @param executor where the async methods run
 * @param clock the clock capacity-credit expiries are computed from
 */
public record ContractsRuntime(
    ChainClient chain, AddressResolver addresses, Executor executor, Clock clock) {

  /** {@return the contract addresses, resolved on first use} */
  public LitContractAddresses resolveAddresses() {
    return addresses.resolve(chain);
  }

  /**
   * {@return {@code work} running on the executor}
   *
   * @param work the blocking work
   * @param <T> the result type
   */
  public <T> CompletableFuture<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor);
  }

  /**
   * {@return the 65-byte public key of a PKP ({@code PubkeyRouter.getPubkey})}
   *
   * @param a the contract addresses
   * @param tokenId the PKP token id
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNKNOWN_TOKEN} when
   *     no such PKP exists
   */
  public byte[] requireKnownToken(LitContractAddresses a, BigInteger tokenId) {
    byte[] pubkey =
        AbiDecoding.bytes(
            chain
                .call(a.pubkeyRouter(), "PubkeyRouter.getPubkey", PubkeyRouter.getPubkey(tokenId))
                .get(0));
    if (pubkey.length == 0) {
      throw LitException.builder()
          .message(
              "no PKP with token id 0x"
                  + tokenId.toString(16)
                  + " exists (PubkeyRouter.getPubkey is empty); check the token id and the network")
          .errorCode(ContractErrorCode.UNKNOWN_TOKEN.name())
          .details(Map.of("tokenId", tokenId.toString()))
          .buildContract();
    }
    return pubkey;
  }
}
