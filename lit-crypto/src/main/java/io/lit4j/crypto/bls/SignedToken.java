package io.lit4j.crypto.bls;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitValidationException;

/**
 * A JWT signed by the Lit network ({@code getSignedToken}): the token text and its decoded header
 * and payload. {@code LitNodeClient.getSignedToken} returns one whose signature it verified while
 * combining the shares; {@link BlsJwt#verify} returns one after checking the signature; {@link
 * BlsJwt#decode} reads one without checking it.
 *
 * @param jwt {@code base64url(header) "." base64url(payload) "." base64url(σ)}
 * @param header the decoded header ({@code {"alg":"BLS12-381","typ":"JWT"}})
 * @param payload the decoded payload ({@code iss, sub, chain, iat, exp, …conditions})
 */
public record SignedToken(String jwt, JsonNode header, JsonNode payload) {
  /**
   * @param jwt {@code header.payload.signature}
   * @param header the decoded header
   * @param payload the decoded payload
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

  /**
   * The network's signature: the third part of the token, decoded.
   *
   * @return the 96-byte BLS signature
   * @throws LitValidationException when the third part is not base64url of a compressed G2 point
   */
  public BlsSignature signature() {
    return new BlsSignature(BlsJwt.decodePart(BlsJwt.split(jwt)[2], "signature"));
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
