package io.lit4j.localnet.chain;

import io.lit4j.core.errors.LitValidationException;
import java.util.regex.Pattern;

/**
 * A validator to register in Staking: the node's wallet address (it signs claims), the staker
 * address the SDK lists, and the IPv4 address and port the SDK turns into the node URL ({@code
 * http://ip:port}, https for port 443).
 *
 * @param stakerAddress staker address (returned by {@code getValidatorsInCurrentEpoch})
 * @param nodeAddress node wallet address (recovered from node signatures)
 * @param ip dotted-quad IPv4 address, e.g. {@code 127.0.0.1}
 * @param port TCP port, 1 to 65535
 */
public record LitValidator(String stakerAddress, String nodeAddress, String ip, int port) {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  /**
   * Validates the components.
   *
   * @param stakerAddress staker address (returned by {@code getValidatorsInCurrentEpoch})
   * @param nodeAddress node wallet address (recovered from node signatures)
   * @param ip dotted-quad IPv4 address, e.g. {@code 127.0.0.1}
   * @param port TCP port, 1 to 65535
   */
  public LitValidator {
    if (stakerAddress == null || !ADDRESS.matcher(stakerAddress).matches()) {
      throw new LitValidationException(
          "stakerAddress must be a 0x-prefixed 20-byte hex address, got " + stakerAddress);
    }
    if (nodeAddress == null || !ADDRESS.matcher(nodeAddress).matches()) {
      throw new LitValidationException(
          "nodeAddress must be a 0x-prefixed 20-byte hex address, got " + nodeAddress);
    }
    if (ip == null || !IPV4.matcher(ip).matches() || ip.equals("0.0.0.0")) {
      throw new LitValidationException("ip must be a non-zero dotted-quad IPv4 address, got " + ip);
    }
    if (port < 1 || port > 65535) {
      throw new LitValidationException("port must be in [1, 65535], got " + port);
    }
  }

  /**
   * A validator whose staker address is its node address.
   *
   * @param nodeAddress node wallet address
   * @param ip IPv4 address
   * @param port TCP port
   * @return the validator
   * @throws LitValidationException on a malformed part
   */
  public static LitValidator of(String nodeAddress, String ip, int port) {
    return new LitValidator(nodeAddress, nodeAddress, ip, port);
  }

  /**
   * @return the IPv4 address as the big-endian uint32 Staking stores
   */
  public long ipAsUint32() {
    long v = 0;
    for (String part : ip.split("\\.")) {
      v = (v << 8) | Integer.parseInt(part);
    }
    return v;
  }
}
