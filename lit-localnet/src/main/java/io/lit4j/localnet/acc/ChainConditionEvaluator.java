package io.lit4j.localnet.acc;

import io.lit4j.core.acc.AbiParam;
import io.lit4j.core.acc.Condition;
import io.lit4j.core.acc.ConditionEvaluator;
import io.lit4j.core.acc.EvmBasicCondition;
import io.lit4j.core.acc.EvmContractCondition;
import io.lit4j.core.acc.ReturnValueTest;
import io.lit4j.core.errors.LitValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * Evaluates access control conditions on the local chain, as a v4 node does (node-behavior.md
 * §7.3): every {@code chain} name is the local anvil chain. Supports basic EVM conditions with
 * {@code standardContractType} {@code ""} (address comparison, {@code eth_getBalance}), {@code
 * timestamp}, {@code ERC20} / {@code ERC721} / {@code ERC1155} {@code balanceOf}, {@code ERC721
 * ownerOf}, and EVM contract conditions (any view function with simple ABI types). {@code
 * :userAddress} is the wallet-sig address, {@code :currentActionIpfsId} the running action's CID,
 * {@code :litParam:<name>} a base64url value from the SIWE resources.
 *
 * <p>A condition the local network cannot evaluate (Solana, Cosmos, POAP, …) throws {@link
 * UnsupportedConditionException}.
 */
public final class ChainConditionEvaluator implements ConditionEvaluator {
  /** A condition type lit-localnet does not evaluate. */
  public static final class UnsupportedConditionException extends LitValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is unsupported
     */
    public UnsupportedConditionException(String message) {
      super(message);
    }
  }

  /** An RPC call that failed (the node reports {@code NodeRpcError}). */
  public static final class RpcFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     */
    public RpcFailedException(String message) {
      super(message);
    }
  }

  private final Web3j web3j;
  private final String userAddress;
  private final Optional<String> currentActionIpfsId;
  private final Function<String, Optional<String>> litParams;

  /**
   * @param web3j the local chain
   * @param userAddress the wallet-sig address ({@code :userAddress})
   * @param currentActionIpfsId the running action's CID, if any
   * @param litParams {@code :litParam:<name>} lookup (decoded values)
   */
  public ChainConditionEvaluator(
      Web3j web3j,
      String userAddress,
      Optional<String> currentActionIpfsId,
      Function<String, Optional<String>> litParams) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
    this.userAddress = Objects.requireNonNull(userAddress, "userAddress");
    this.currentActionIpfsId = currentActionIpfsId;
    this.litParams = litParams;
  }

  @Override
  public boolean isMet(Condition condition) {
    if (condition instanceof EvmBasicCondition c) return basic(c);
    if (condition instanceof EvmContractCondition c) return contract(c);
    throw new UnsupportedConditionException(
        "lit-localnet evaluates EVM conditions only, not " + condition.conditionType());
  }

  private String param(String p) {
    if (p.equals(":userAddress")) return userAddress;
    if (p.equals(":currentActionIpfsId")) {
      return currentActionIpfsId.orElseThrow(
          () -> new LitValidationException(":currentActionIpfsId used outside a Lit Action"));
    }
    if (p.startsWith(":litParam:")) {
      String name = p.substring(":litParam:".length());
      return litParams
          .apply(name)
          .orElseThrow(
              () ->
                  new LitValidationException(
                      "no litParam named " + name + " in the SIWE resources"));
    }
    return p;
  }

  private boolean basic(EvmBasicCondition c) {
    String type = c.standardContractType();
    List<String> params = c.parameters().stream().map(this::param).toList();
    ReturnValueTest test = c.returnValueTest();
    switch (type) {
      case "" -> {
        if (c.method().equals("eth_getBalance")) {
          return compareNumber(balance(params.get(0)), test);
        }
        if (c.method().isEmpty()) {
          // signature/address comparison: parameters[0] (":userAddress") against the value
          return compareString(params.isEmpty() ? userAddress : params.get(0), test, true);
        }
        throw new UnsupportedConditionException(
            "unsupported method " + c.method() + " for standardContractType \"\"");
      }
      case "timestamp" -> {
        return compareNumber(latestTimestamp(), test);
      }
      case "ERC20", "ERC721", "ERC1155" -> {
        if (c.method().equals("balanceOf")) {
          List<Type> args = new ArrayList<>();
          args.add(new Address(params.get(0)));
          if (type.equals("ERC1155")) args.add(new Uint256(new BigInteger(params.get(1))));
          List<Type> out =
              call(
                  c.contractAddress(),
                  "balanceOf",
                  args,
                  List.<TypeReference<?>>of(new TypeReference<Uint256>() {}));
          return compareNumber((BigInteger) out.get(0).getValue(), test);
        }
        if (c.method().equals("ownerOf") && type.equals("ERC721")) {
          List<Type> out =
              call(
                  c.contractAddress(),
                  "ownerOf",
                  List.of(new Uint256(new BigInteger(params.get(0)))),
                  List.<TypeReference<?>>of(new TypeReference<Address>() {}));
          return compareString(out.get(0).getValue().toString(), test, true);
        }
        throw new UnsupportedConditionException(
            "unsupported method " + c.method() + " for " + type);
      }
      default ->
          throw new UnsupportedConditionException(
              "lit-localnet does not evaluate standardContractType " + type);
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private boolean contract(EvmContractCondition c) {
    List<Type> inputs = new ArrayList<>();
    List<AbiParam> abiIn = c.functionAbi().inputs();
    if (abiIn.size() != c.functionParams().size()) {
      throw new LitValidationException(
          "functionParams has "
              + c.functionParams().size()
              + " values for "
              + abiIn.size()
              + " ABI inputs");
    }
    try {
      for (int i = 0; i < abiIn.size(); i++) {
        String v = param(c.functionParams().get(i));
        String t = abiIn.get(i).type();
        Object value =
            t.startsWith("uint") || t.startsWith("int")
                ? new BigInteger(v)
                : t.equals("bool")
                    ? Boolean.valueOf(v)
                    : t.startsWith("bytes") ? org.web3j.utils.Numeric.hexStringToByteArray(v) : v;
        inputs.add(TypeDecoder.instantiateType(t, value));
      }
      List<TypeReference<?>> outs = new ArrayList<>();
      for (AbiParam p : c.functionAbi().outputs())
        outs.add(TypeReference.makeTypeReference(p.type()));
      List<Type> result = call(c.contractAddress(), c.functionName(), inputs, outs);
      int index = 0;
      String key = c.returnValueTest().key().orElse("");
      if (!key.isEmpty()) {
        index = -1;
        for (int i = 0; i < c.functionAbi().outputs().size(); i++) {
          if (c.functionAbi().outputs().get(i).name().equals(key)) index = i;
        }
        if (index < 0)
          throw new LitValidationException(
              "returnValueTest.key " + key + " is not an output of " + c.functionName());
      }
      Object v = result.get(index).getValue();
      if (v instanceof BigInteger b) return compareNumber(b, c.returnValueTest());
      if (v instanceof byte[] bytes)
        return compareString(org.web3j.utils.Numeric.toHexString(bytes), c.returnValueTest(), true);
      return compareString(
          String.valueOf(v), c.returnValueTest(), result.get(index) instanceof Address);
    } catch (ReflectiveOperationException e) {
      throw new LitValidationException(
          "cannot encode the call to " + c.functionName() + ": " + e.getMessage());
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private List<Type> call(String to, String name, List<Type> args, List<TypeReference<?>> outputs) {
    org.web3j.abi.datatypes.Function f =
        new org.web3j.abi.datatypes.Function(name, args, (List) outputs);
    try {
      EthCall r =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(null, to, FunctionEncoder.encode(f)),
                  DefaultBlockParameterName.LATEST)
              .send();
      if (r.hasError())
        throw new RpcFailedException(
            "eth_call " + name + " on " + to + " failed: " + r.getError().getMessage());
      List<Type> out = FunctionReturnDecoder.decode(r.getValue(), f.getOutputParameters());
      if (out.isEmpty())
        throw new RpcFailedException("eth_call " + name + " on " + to + " returned nothing");
      return out;
    } catch (IOException e) {
      throw new RpcFailedException("eth_call " + name + " on " + to + " failed: " + e.getMessage());
    }
  }

  private BigInteger balance(String address) {
    try {
      return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    } catch (IOException | RuntimeException e) {
      throw new RpcFailedException("eth_getBalance failed: " + e.getMessage());
    }
  }

  private BigInteger latestTimestamp() {
    try {
      return web3j
          .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
          .send()
          .getBlock()
          .getTimestamp();
    } catch (IOException | RuntimeException e) {
      throw new RpcFailedException("eth_getBlockByNumber failed: " + e.getMessage());
    }
  }

  /** Number comparison with the node's comparators. */
  static boolean compareNumber(BigInteger actual, ReturnValueTest test) {
    BigInteger expected;
    try {
      String v = test.value().trim();
      expected = v.startsWith("0x") ? new BigInteger(v.substring(2), 16) : new BigInteger(v);
    } catch (NumberFormatException e) {
      throw new LitValidationException(
          "returnValueTest.value " + test.value() + " is not a number");
    }
    int cmp = actual.compareTo(expected);
    return switch (test.comparator()) {
      case ">" -> cmp > 0;
      case "<" -> cmp < 0;
      case ">=" -> cmp >= 0;
      case "<=" -> cmp <= 0;
      case "=" -> cmp == 0;
      case "!=" -> cmp != 0;
      default ->
          throw new LitValidationException(
              "comparator " + test.comparator() + " does not apply to numbers");
    };
  }

  /** String comparison; addresses compare case-insensitively. */
  static boolean compareString(String actual, ReturnValueTest test, boolean caseInsensitive) {
    String a = caseInsensitive ? actual.toLowerCase(Locale.ROOT) : actual;
    String e = caseInsensitive ? test.value().toLowerCase(Locale.ROOT) : test.value();
    return switch (test.comparator()) {
      case "=" -> a.equals(e);
      case "!=" -> !a.equals(e);
      case "contains" -> a.contains(e);
      case "!contains" -> !a.contains(e);
      default -> {
        try {
          yield compareNumber(new BigInteger(actual), test);
        } catch (NumberFormatException ex) {
          throw new LitValidationException(
              "comparator " + test.comparator() + " does not apply to " + actual);
        }
      }
    };
  }
}
