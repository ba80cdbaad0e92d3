package io.lit4j.contracts.internal;

import io.lit4j.contracts.ChainTransaction;
import io.lit4j.contracts.ContractErrorCode;
import io.lit4j.contracts.PermittedAuthMethod;
import io.lit4j.contracts.StakingValidator;
import io.lit4j.contracts.internal.AbiStructs.AuthMethodStruct;
import io.lit4j.contracts.internal.AbiStructs.ValidatorStruct;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Turns what the contracts return (ABI values, receipts and their logs) into lit4j's values: the
 * one place that knows the shapes of the answers.
 */
public final class AbiDecoding {
  private AbiDecoding() {}

  /**
   * {@return a {@code uint256} as a BigInteger}
   *
   * @param t the ABI value
   */
  public static BigInteger uint(Type<?> t) {
    return ((Uint256) t).getValue();
  }

  /**
   * {@return the bytes of a {@code bytes} value}
   *
   * @param t the ABI value
   */
  public static byte[] bytes(Type<?> t) {
    return ((DynamicBytes) t).getValue();
  }

  /**
   * {@return the first output as a {@code bool}}
   *
   * @param outputs the call's outputs
   */
  @SuppressWarnings("rawtypes")
  public static boolean bool(List<Type> outputs) {
    return ((Bool) outputs.get(0)).getValue();
  }

  /**
   * {@return a {@code bool[]} as a list}
   *
   * @param array the ABI array
   */
  public static List<Boolean> bools(Type<?> array) {
    List<Boolean> out = new ArrayList<>();
    for (Object b : ((DynamicArray<?>) array).getValue()) out.add(((Bool) b).getValue());
    return List.copyOf(out);
  }

  /**
   * {@return an {@code address[]} as hex strings, as the contract spells them}
   *
   * @param array the ABI array
   */
  public static List<String> addressList(Type<?> array) {
    List<String> out = new ArrayList<>();
    for (Object o : ((DynamicArray<?>) array).getValue()) out.add(((Address) o).getValue());
    return out;
  }

  /**
   * {@return a uint that lit4j holds as a long}
   *
   * @param value the value
   * @param label names the contract call in the error
   * @throws io.lit4j.core.errors.LitContractException when the value does not fit (not the right
   *     contract)
   */
  public static long toLong(BigInteger value, String label) {
    if (value.bitLength() > 63) {
      throw LitException.builder()
          .message(
              label
                  + " returned "
                  + value
                  + ", beyond what lit4j can use; is this the right contract?")
          .errorCode(ContractErrorCode.RPC_ERROR.name())
          .buildContract();
    }
    return value.longValue();
  }

  /**
   * {@return the Staking {@code Validator[]} as values}
   *
   * @param array the ABI array of {@link ValidatorStruct}
   */
  public static List<StakingValidator> validators(Type<?> array) {
    List<StakingValidator> out = new ArrayList<>();
    for (Object o : ((DynamicArray<?>) array).getValue()) {
      ValidatorStruct v = (ValidatorStruct) o;
      out.add(
          new StakingValidator(
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

  /**
   * {@return the PKPPermissions {@code AuthMethod[]} as values}
   *
   * @param array the ABI array of {@link AuthMethodStruct}
   */
  public static List<PermittedAuthMethod> authMethods(Type<?> array) {
    List<PermittedAuthMethod> out = new ArrayList<>();
    for (Object o : ((DynamicArray<?>) array).getValue()) {
      AuthMethodStruct m = (AuthMethodStruct) o;
      out.add(
          new PermittedAuthMethod(
              toLong(
                  m.authMethodType.getValue(),
                  "PKPPermissions.getPermittedAuthMethods authMethodType"),
              m.id.getValue(),
              m.userPubkey.getValue()));
    }
    return List.copyOf(out);
  }

  /**
   * {@return the mined transaction of a receipt}
   *
   * @param r the receipt
   */
  public static ChainTransaction transaction(TransactionReceipt r) {
    return new ChainTransaction(r.getTransactionHash(), r.getBlockNumber(), r.getGasUsed());
  }

  /**
   * Reads a token id the way the SDK does: topic {@code topicIndex} of the receipt's first log.
   *
   * @param receipt the mint's receipt
   * @param topicIndex 1 for the PKP mint event, 3 for an ERC-721 {@code Transfer}
   * @param label names the transaction in the error
   * @param expected says what the first log should have been, for the error
   * @return the token id
   * @throws io.lit4j.core.errors.LitContractException {@link ContractErrorCode#MISSING_MINT_LOG}
   *     when the first log has no such topic
   */
  public static BigInteger tokenIdFromFirstLog(
      TransactionReceipt receipt, int topicIndex, String label, String expected) {
    List<Log> logs = receipt.getLogs();
    if (logs == null
        || logs.isEmpty()
        || logs.get(0).getTopics() == null
        || logs.get(0).getTopics().size() <= topicIndex) {
      throw LitException.builder()
          .message(
              label
                  + " transaction "
                  + receipt.getTransactionHash()
                  + " succeeded but its first log "
                  + expected)
          .errorCode(ContractErrorCode.MISSING_MINT_LOG.name())
          .details(Map.of("transactionHash", receipt.getTransactionHash()))
          .buildContract();
    }
    return new BigInteger(Hex.strip0x(logs.get(0).getTopics().get(topicIndex)), 16);
  }
}
