package io.lit4j.contracts;

import io.lit4j.core.errors.LitValidationException;
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

  public LitContractAddresses {
    check("staking", staking);
    check("pkpNft", pkpNft);
    check("pubkeyRouter", pubkeyRouter);
    check("pkpPermissions", pkpPermissions);
    check("pkpHelper", pkpHelper);
    check("rateLimitNft", rateLimitNft);
  }

  private static void check(String field, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw new LitValidationException(field + " must be a 0x-prefixed 20-byte hex address, got " + value);
    }
  }
}
