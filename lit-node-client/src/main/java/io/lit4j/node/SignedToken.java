package io.lit4j.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;

/**
 * A JWT signed by the network ({@code getSignedToken}), its BLS signature verified against the
 * network key. The signature part is correct base64url (JS SDK 4.2.0 swaps only the first {@code +}
 * and {@code /}).
 *
 * @param jwt {@code header.payload.signature}
 * @param header the decoded header ({@code {"alg":"BLS12-381","typ":"JWT"}})
 * @param payload the decoded payload ({@code iss, sub, chain, iat, exp, …conditions})
 */
public record SignedToken(String jwt, JsonNode header, JsonNode payload) {
  /**
   * @param jwt {@code header.payload.signature}
   * @param header the decoded header ({@code {"alg":"BLS12-381","typ":"JWT"}})
   * @param payload the decoded payload ({@code iss, sub, chain, iat, exp, …conditions})
   * @throws LitValidationException if a part is missing
   */
  public SignedToken {
    if (jwt == null || header == null || payload == null)
      throw new LitValidationException("SignedToken parts must not be null");
    header = header.deepCopy();
    payload = payload.deepCopy();
  }

  /** {@return a copy of the header} */
  @Override
  public JsonNode header() {
    return header.deepCopy();
  }

  /** {@return a copy of the payload} */
  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }

  /** {@return the {@code sub} claim: the address the nodes authenticated} */
  public String subject() {
    return payload.path("sub").asText();
  }

  /** Names the subject and chain; the token itself is a bearer credential and is left out. */
  @Override
  public String toString() {
    return "SignedToken[sub="
        + subject()
        + ", chain="
        + payload.path("chain").asText()
        + ", exp="
        + payload.path("exp").asText()
        + "]";
  }
}
