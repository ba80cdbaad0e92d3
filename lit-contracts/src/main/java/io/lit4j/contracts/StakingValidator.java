package io.lit4j.contracts;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.network.NodeUrls;
import java.math.BigInteger;

/**
 * One Staking {@code Validator} struct: {@code (uint32 ip, uint128 ipv6, uint32 port, address
 * nodeAddress, uint256 reward, uint256 senderPubKey, uint256 receiverPubKey)}.
 *
 * @param ip IPv4 address as a big-endian uint32 ({@code 2130706433} = {@code 127.0.0.1})
 * @param ipv6 IPv6 address (ignored by the SDK)
 * @param port TCP port
 * @param nodeAddress the node's signing address
 * @param reward accumulated reward
 * @param senderPubKey communication key (sender)
 * @param receiverPubKey communication key (receiver)
 */
public record StakingValidator(
    long ip,
    BigInteger ipv6,
    long port,
    String nodeAddress,
    BigInteger reward,
    BigInteger senderPubKey,
    BigInteger receiverPubKey) {
  /**
   * Validates the components.
   *
   * @param ip IPv4 address as a big-endian uint32 ({@code 2130706433} = {@code 127.0.0.1})
   * @param ipv6 IPv6 address (ignored by the SDK)
   * @param port TCP port
   * @param nodeAddress the node's signing address
   * @param reward accumulated reward
   * @param senderPubKey communication key (sender)
   * @param receiverPubKey communication key (receiver)
   */
  public StakingValidator {
    if (ip < 0 || ip > 0xFFFF_FFFFL)
      throw new LitValidationException("ip must be a uint32, got " + ip);
    if (port < 0 || port > 0xFFFF_FFFFL)
      throw new LitValidationException("port must be a uint32, got " + port);
    if (ipv6 == null || reward == null || senderPubKey == null || receiverPubKey == null) {
      throw new LitValidationException(
          "ipv6, reward, senderPubKey and receiverPubKey must be given");
    }
    if (nodeAddress == null || !nodeAddress.matches("0x[0-9a-fA-F]{40}")) {
      throw new LitValidationException(
          "nodeAddress must be a 0x-prefixed 20-byte address, got " + nodeAddress);
    }
  }

  /** {@return the IPv4 address as a dotted quad} */
  public String ipAddress() {
    return NodeUrls.intToIp(ip);
  }

  /**
   * {@return the node URL as the v4 SDK builds it: {@code https://} only for port 443, port always
   * printed}
   */
  public String url() {
    return NodeUrls.fromValidator(ip, port);
  }
}
