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
   * Staking {@code Validator = (uint32 ip, uint128 ipv6, uint32 port, address nodeAddress, uint256
   * reward, uint256 senderPubKey, uint256 receiverPubKey)}.
   */
  public static final class ValidatorStruct extends StaticStruct {
    /** IPv4 address as a big-endian uint32. */
    public final Uint32 ip;

    /** IPv6 address. */
    public final Uint128 ipv6;

    /** TCP port. */
    public final Uint32 port;

    /** The node's wallet address. */
    public final Address nodeAddress;

    /** Reward. */
    public final Uint256 reward;

    /** The node's sender public key. */
    public final Uint256 senderPubKey;

    /** The node's receiver public key. */
    public final Uint256 receiverPubKey;

    // web3j's decoder finds this constructor by reflection, so it takes exactly the ABI types.
    /**
     * A validator from its ABI fields.
     *
     * @param ip IPv4 address as a big-endian uint32
     * @param ipv6 IPv6 address
     * @param port TCP port
     * @param nodeAddress the node's wallet address
     * @param reward reward
     * @param senderPubKey the node's sender public key
     * @param receiverPubKey the node's receiver public key
     */
    public ValidatorStruct(
        Uint32 ip,
        Uint128 ipv6,
        Uint32 port,
        Address nodeAddress,
        Uint256 reward,
        Uint256 senderPubKey,
        Uint256 receiverPubKey) {
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
    /** The auth method type. */
    public final Uint256 authMethodType;

    /** The auth method id. */
    public final DynamicBytes id;

    /** The user public key (WebAuthn), or empty. */
    public final DynamicBytes userPubkey;

    /**
     * An auth method from its ABI fields.
     *
     * @param authMethodType the auth method type
     * @param id the auth method id
     * @param userPubkey the user public key (WebAuthn), or empty
     */
    public AuthMethodStruct(Uint256 authMethodType, DynamicBytes id, DynamicBytes userPubkey) {
      super(authMethodType, id, userPubkey);
      this.authMethodType = authMethodType;
      this.id = id;
      this.userPubkey = userPubkey;
    }
  }
}
