package io.lit4j.contracts.internal;

import io.lit4j.contracts.ContractErrorCode;
import io.lit4j.contracts.LitContractAddresses;
import io.lit4j.contracts.ResolverEnvironment;
import io.lit4j.contracts.internal.ContractFunctions.ContractResolver;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;

/**
 * Where the contracts are: fixed addresses, or read once from a ContractResolver ({@code
 * getContract(keccak256(name), env)}) and then cached.
 */
public final class AddressResolver {
  private static final String[] RESOLVER_NAMES = {
    "STAKING", "PKP_NFT", "PUB_KEY_ROUTER", "PKP_PERMISSIONS", "PKP_HELPER", "RATE_LIMIT_NFT"
  };

  private final LitContractAddresses fixed;
  private final String resolverAddress;
  private final ResolverEnvironment environment;
  private volatile LitContractAddresses resolved;

  private AddressResolver(
      LitContractAddresses fixed, String resolverAddress, ResolverEnvironment environment) {
    this.fixed = fixed;
    this.resolverAddress = resolverAddress;
    this.environment = environment;
  }

  /**
   * {@return a resolver that always answers these addresses}
   *
   * @param addresses the addresses
   */
  public static AddressResolver fixed(LitContractAddresses addresses) {
    return new AddressResolver(addresses, null, null);
  }

  /**
   * {@return a resolver that reads the addresses from a ContractResolver on first use}
   *
   * @param resolverAddress the ContractResolver's address
   * @param environment the environment the addresses are registered under
   */
  public static AddressResolver fromResolver(
      String resolverAddress, ResolverEnvironment environment) {
    return new AddressResolver(null, resolverAddress, environment);
  }

  /**
   * {@return the addresses, reading them through {@code chain} the first time}
   *
   * @param chain the chain to read the resolver on
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#UNRESOLVED_ADDRESS}
   *     when the resolver has no address for a contract, or an RPC error
   */
  @SuppressWarnings("rawtypes")
  public LitContractAddresses resolve(ChainClient chain) {
    if (fixed != null) return fixed;
    LitContractAddresses a = resolved;
    if (a != null) return a;
    synchronized (this) {
      if (resolved != null) return resolved;
      String[] out = new String[RESOLVER_NAMES.length];
      for (int i = 0; i < RESOLVER_NAMES.length; i++) {
        // the resolver's X_CONTRACT() getters return keccak256("X"); computing it saves a call per
        // name
        byte[] typ = Hash.sha3(RESOLVER_NAMES[i].getBytes(StandardCharsets.US_ASCII));
        List<Type> r =
            chain.call(
                resolverAddress,
                "ContractResolver.getContract(" + RESOLVER_NAMES[i] + ")",
                ContractResolver.getContract(typ, environment.value()));
        String addr = ((Address) r.get(0)).getValue();
        if (new BigInteger(Hex.strip0x(addr), 16).signum() == 0) {
          throw LitException.builder()
              .message(
                  "ContractResolver "
                      + resolverAddress
                      + " has no "
                      + RESOLVER_NAMES[i]
                      + " contract for environment "
                      + environment
                      + "; check the resolver address and environment")
              .errorCode(ContractErrorCode.UNRESOLVED_ADDRESS.name())
              .details(Map.of("contract", RESOLVER_NAMES[i], "resolver", resolverAddress))
              .buildContract();
        }
        out[i] = Keys.toChecksumAddress(addr);
      }
      resolved = new LitContractAddresses(out[0], out[1], out[2], out[3], out[4], out[5]);
      return resolved;
    }
  }
}
