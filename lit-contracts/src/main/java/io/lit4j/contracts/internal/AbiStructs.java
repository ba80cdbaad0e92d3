package io.lit4j.contracts.internal;

import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;

/** ABI tuple types of the Lit contracts, in the exact field order the contracts declare. */
public final class AbiStructs {
  private AbiStructs() {}

  /**
   * Staking {@code Validator = (uint32 ip, uint128 ipv6, uint32 port, address nodeAddress,
   * uint256 reward, uint256 senderPubKey, uint256 receiverPubKey)}.
   */
  public static final class ValidatorStruct extends StaticStruct {
    public final Uint32 ip;
    public final Uint128 ipv6;
    public final Uint32 port;
    public final Address nodeAddress;
    public final Uint256 reward;
    public final Uint256 senderPubKey;
    public final Uint256 receiverPubKey;

    // web3j's decoder finds this constructor by reflection, so it takes exactly the ABI types.
    public ValidatorStruct(
        Uint32 ip, Uint128 ipv6, Uint32 port, Address nodeAddress, Uint256 reward, Uint256 senderPubKey, Uint256 receiverPubKey) {
      super(ip, ipv6, port, nodeAddress, reward, senderPubKey, receiverPubKey);
      this.ip = ip;
      this.ipv6 = ipv6;
      this.port = port;
      this.nodeAddress = nodeAddress;
      this.reward = reward;
      this.senderPubKey = senderPubKey;
      this.receiverPubKey = receiverPubKey;
    }
  }

  /** PKPPermissions {@code AuthMethod = (uint256 authMethodType, bytes id, bytes userPubkey)}. */
  public static final class AuthMethodStruct extends DynamicStruct {
    public final Uint256 authMethodType;
    public final DynamicBytes id;
    public final DynamicBytes userPubkey;

    public AuthMethodStruct(Uint256 authMethodType, DynamicBytes id, DynamicBytes userPubkey) {
      super(authMethodType, id, userPubkey);
      this.authMethodType = authMethodType;
      this.id = id;
      this.userPubkey = userPubkey;
    }
  }
}
