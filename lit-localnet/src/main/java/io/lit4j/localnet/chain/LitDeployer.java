package io.lit4j.localnet.chain;

import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.core.errors.LitContractException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.localnet.chain.internal.Transactor;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Deploys and wires lit-localnet's contracts on a chain (normally an {@link Anvil}): Staking,
 * KeyDeriver, PubkeyRouter, PKPNFT, PKPPermissions, PKPHelper and RateLimitNFT; then sets the
 * secp256k1 root keys and registers the validators. The deploying account owns every contract.
 */
public final class LitDeployer {
  /** Key type of ECDSA secp256k1 root keys and PKPs. */
  public static final int KEY_TYPE_K256 = 2;

  private final Transactor tx;

  /**
   * @param web3j the chain
   * @param owner the deploying account (becomes the contracts' admin)
   * @param chainId the chain's EIP-155 id
   * @throws LitValidationException on a null argument
   */
  public LitDeployer(Web3j web3j, Credentials owner, long chainId) {
    if (web3j == null || owner == null) {
      throw new LitValidationException("web3j and owner must not be null");
    }
    this.tx = new Transactor(web3j, owner, chainId);
  }

  /**
   * A deployer on a local anvil chain, owned by its dev account 0.
   *
   * @param anvil the running chain
   * @throws LitValidationException if anvil is null
   */
  public LitDeployer(Anvil anvil) {
    this(requireAnvil(anvil).web3j(), anvil.devAccount(0), anvil.chainId());
  }

  private static Anvil requireAnvil(Anvil anvil) {
    if (anvil == null) {
      throw new LitValidationException("anvil must not be null");
    }
    return anvil;
  }

  /**
   * Deploys everything described by {@code spec}.
   *
   * @param spec validators, root keys and mint cost
   * @return the contract addresses and the key deriver
   * @throws LitContractException if a deployment or set-up transaction fails
   * @throws LitValidationException if spec is null
   */
  public LitDeployment deploy(LitDeploymentSpec spec) {
    if (spec == null) {
      throw new LitValidationException("spec must not be null");
    }
    long start = System.nanoTime();
    String staking = deploy("Staking", new Uint256(spec.epochLengthSeconds()));
    String keyDeriver = deploy("KeyDeriver");
    String router = deploy("PubkeyRouter", new Address(keyDeriver));
    String pkpNft = deploy("PKPNFT", new Address(router), new Address(staking));
    send(router, "setPkpNftAddress", new Address(pkpNft));
    String permissions = deploy("PKPPermissions", new Address(pkpNft), new Address(router));
    send(pkpNft, "setPkpPermissionsAddress", new Address(permissions));
    String helper =
        deploy("PKPHelper", new Address(pkpNft), new Address(permissions), new Address(router));
    String rateLimitNft = deploy("RateLimitNFT");

    List<DynamicStruct> roots = new ArrayList<>();
    for (byte[] key : spec.rootKeys()) {
      roots.add(new DynamicStruct(new DynamicBytes(key), new Uint256(KEY_TYPE_K256)));
    }
    send(
        router,
        "voteForRootKeys",
        new Address(staking),
        new DynamicArray<>(DynamicStruct.class, roots));

    for (LitValidator v : spec.validators()) {
      send(
          staking,
          "adminAddValidator",
          new Address(v.stakerAddress()),
          new Uint32(v.ipAsUint32()),
          new Uint128(BigInteger.ZERO),
          new Uint32(v.port()),
          new Address(v.nodeAddress()),
          new Uint256(BigInteger.ZERO),
          new Uint256(BigInteger.ZERO));
    }
    if (!spec.mintCost().equals(BigInteger.ONE)) {
      send(pkpNft, "setMintCost", new Uint256(spec.mintCost()));
    }
    LitContractAddresses addresses =
        new LitContractAddresses(staking, pkpNft, router, permissions, helper, rateLimitNft);
    return new LitDeployment(
        addresses, keyDeriver, tx.address(), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Sets RateLimitNFT's network-wide cap on sold, unexpired capacity ({@code
   * setMaxRequestsPerKilosecond}; the contract starts at 10,000 requests/ks, as Lit's deployment
   * does).
   *
   * @param rateLimitNft the RateLimitNFT address this deployer's account owns
   * @param maxRequestsPerKilosecond the new cap, positive
   * @throws LitValidationException when the cap is not positive
   * @throws LitContractException if the transaction fails
   */
  public void setMaxRequestsPerKilosecond(
      String rateLimitNft, BigInteger maxRequestsPerKilosecond) {
    if (maxRequestsPerKilosecond == null || maxRequestsPerKilosecond.signum() <= 0) {
      throw new LitValidationException(
          "maxRequestsPerKilosecond must be positive, got " + maxRequestsPerKilosecond);
    }
    send(rateLimitNft, "setMaxRequestsPerKilosecond", new Uint256(maxRequestsPerKilosecond));
  }

  private String deploy(String name, org.web3j.abi.datatypes.Type<?>... args) {
    TransactionReceipt r = tx.deploy(CompiledContract.load(name), args);
    String address = r.getContractAddress();
    if (address == null) {
      throw new LitContractException(
          "deploy " + name + " produced no contract address (tx " + r.getTransactionHash() + ")");
    }
    return org.web3j.crypto.Keys.toChecksumAddress(address);
  }

  private void send(String to, String function, org.web3j.abi.datatypes.Type<?>... args) {
    tx.send(to, new Function(function, List.of(args), List.of()), BigInteger.ZERO);
  }
}
