package io.lit4j.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.util.regex.Pattern;

/**
 * Addresses of the Lit contracts on one chain: the address book a deployment (or a known network
 * such as habanero or manzano) provides.
 *
 * @param staking Staking: validators, epoch, threshold
 * @param pkpNft PKPNFT: mints PKPs
 * @param pubkeyRouter PubkeyRouter: PKP public keys and root keys
 * @param pkpPermissions PKPPermissions: auth methods, scopes, permitted actions and addresses
 * @param pkpHelper PKPHelper: mint with auth methods in one transaction
 * @param rateLimitNft RateLimitNFT: capacity credits
 */
public record LitContractAddresses(
    String staking,
    String pkpNft,
    String pubkeyRouter,
    String pkpPermissions,
    String pkpHelper,
    String rateLimitNft) {

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  /**
   * Validates the components.
   *
   * @param staking Staking: validators, epoch, threshold
   * @param pkpNft PKPNFT: mints PKPs
   * @param pubkeyRouter PubkeyRouter: PKP public keys and root keys
   * @param pkpPermissions PKPPermissions: auth methods, scopes, permitted actions and addresses
   * @param pkpHelper PKPHelper: mint with auth methods in one transaction
   * @param rateLimitNft RateLimitNFT: capacity credits
   */
  public LitContractAddresses {
    check("staking", staking);
    check("pkpNft", pkpNft);
    check("pubkeyRouter", pubkeyRouter);
    check("pkpPermissions", pkpPermissions);
    check("pkpHelper", pkpHelper);
    check("rateLimitNft", rateLimitNft);
  }

  /**
   * Reads the address list format of the v4 SDK's general-worker endpoint ({@code
   * lit-general-worker.getlit.dev/<network>-contract-addresses}) and of the npm
   * {@code @lit-protocol/contracts} network files: {@code {"data": [{"name": "Staking",
   * "contracts": [{"address_hash": "0x…", "ABI": …}]}, …]}}. As the SDK does, the first entry of
   * each {@code contracts} list is used; the ABIs are ignored (lit4j encodes calls itself).
   *
   * @param json the address list JSON text
   * @return the addresses
   * @throws LitValidationException when the JSON is malformed or one of Staking, PKPNFT,
   *     PubkeyRouter, PKPPermissions, PKPHelper, RateLimitNFT is missing
   */
  public static LitContractAddresses fromGeneralWorkerJson(String json) {
    JsonNode data = LitJson.parse(json, "contract addresses JSON").get("data");
    if (data == null || !data.isArray()) {
      throw new LitValidationException(
          "contract addresses JSON must have a \"data\" array of {name, contracts}");
    }
    return new LitContractAddresses(
        address(data, "Staking"),
        address(data, "PKPNFT"),
        address(data, "PubkeyRouter"),
        address(data, "PKPPermissions"),
        address(data, "PKPHelper"),
        address(data, "RateLimitNFT"));
  }

  private static String address(JsonNode data, String name) {
    for (JsonNode entry : data) {
      if (name.equals(entry.path("name").asText(null))) {
        JsonNode first = entry.path("contracts").path(0).path("address_hash");
        if (!first.isTextual()) {
          throw new LitValidationException(
              "contract addresses JSON: " + name + " has no contracts[0].address_hash");
        }
        return first.asText();
      }
    }
    throw new LitValidationException("contract addresses JSON has no entry named " + name);
  }

  private static void check(String field, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw new LitValidationException(
          field + " must be a 0x-prefixed 20-byte hex address, got " + value);
    }
  }
}
