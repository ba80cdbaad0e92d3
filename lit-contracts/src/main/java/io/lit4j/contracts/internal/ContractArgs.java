package io.lit4j.contracts.internal;

import io.lit4j.core.constants.AuthMethodScope;
import io.lit4j.core.errors.LitValidationException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks of contract arguments, done before anything is sent so bad input fails at once. */
public final class ContractArgs {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final BigInteger UINT256_MAX =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private ContractArgs() {}

  /**
   * {@return the scope ids of scopes, in order}
   *
   * @param scopes the scopes (may be empty, not null)
   * @throws LitValidationException when scopes is null or holds null
   */
  public static List<BigInteger> scopeIds(List<AuthMethodScope> scopes) {
    if (scopes == null)
      throw new LitValidationException("scopes must be given (use an empty list for none)");
    List<BigInteger> out = new ArrayList<>();
    for (AuthMethodScope s : scopes) {
      if (s == null) throw new LitValidationException("scopes must not contain null");
      out.add(BigInteger.valueOf(s.value()));
    }
    return out;
  }

  /**
   * Checks a token id.
   *
   * @param tokenId the token id
   * @throws LitValidationException unless it is a uint256
   */
  public static void checkTokenId(BigInteger tokenId) {
    if (tokenId == null || tokenId.signum() < 0 || tokenId.compareTo(UINT256_MAX) > 0) {
      throw new LitValidationException("tokenId must be a uint256, got " + tokenId);
    }
  }

  /**
   * Checks an address.
   *
   * @param field names the argument in the error
   * @param address the address
   * @throws LitValidationException unless it is {@code 0x} and 40 hex digits
   */
  public static void checkAddress(String field, String address) {
    if (address == null || !ADDRESS.matcher(address).matches()) {
      throw new LitValidationException(
          field + " must be a 0x-prefixed 20-byte hex address, got " + address);
    }
  }

  /**
   * Checks that an argument was given.
   *
   * @param value the argument
   * @param field names it in the error
   * @throws LitValidationException when it is null
   */
  public static void requireNonNull(Object value, String field) {
    if (value == null) throw new LitValidationException(field + " must be given");
  }
}
