package io.lit4j.localnet.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitValidationException;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a WebAuthn registration response (as the relay does before minting a PKP for a passkey)
 * with webauthn4j, and gives the credential's raw id and its CBOR COSE public key, which {@code
 * mintWithAuth} stores with the auth method.
 */
public final class WebAuthnRegistrations {
  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final WebAuthnManager MANAGER =
      WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);

  /**
   * A verified registration.
   *
   * @param rawId the credential raw id, base64url without padding
   * @param cosePublicKey the credential public key, CBOR COSE
   */
  public record Registered(String rawId, byte[] cosePublicKey) {
    /**
     * @param rawId the raw id @param cosePublicKey the CBOR COSE key
     */
    public Registered {
      cosePublicKey = cosePublicKey.clone();
    }

    @Override
    public byte[] cosePublicKey() {
      return cosePublicKey.clone();
    }
  }

  private WebAuthnRegistrations() {}

  /**
   * Verifies a registration response.
   *
   * @param registration {@code {rawId, response:{clientDataJSON, attestationObject}}} (base64url)
   * @param challenge the challenge the registration options carried
   * @param rpId the relying party id
   * @param origins the accepted origins
   * @return the raw id and the credential public key
   * @throws LitValidationException when the response is not a registration response
   * @throws LitAuthException when it does not verify (challenge, origin, RP id, attestation)
   */
  public static Registered verify(
      JsonNode registration, byte[] challenge, String rpId, Set<String> origins) {
    byte[] clientData;
    byte[] attestation;
    try {
      JsonNode r = registration.get("response");
      clientData = Base64.getUrlDecoder().decode(r.get("clientDataJSON").textValue());
      attestation = Base64.getUrlDecoder().decode(r.get("attestationObject").textValue());
    } catch (RuntimeException e) {
      throw new LitValidationException(
          "not a WebAuthn registration response: need response.clientDataJSON and response.attestationObject (base64url)");
    }
    ServerProperty server =
        ServerProperty.builder()
            .origins(origins.stream().map(Origin::new).collect(Collectors.toSet()))
            .rpId(rpId)
            .challenge(new DefaultChallenge(challenge))
            .build();
    RegistrationData data;
    try {
      data =
          MANAGER.verify(
              new RegistrationRequest(attestation, clientData),
              new RegistrationParameters(server, null, false, true));
    } catch (RuntimeException e) {
      throw new LitAuthException("the WebAuthn registration does not verify: " + e.getMessage(), e);
    }
    AttestedCredentialData cred =
        data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
    return new Registered(
        Base64.getUrlEncoder().withoutPadding().encodeToString(cred.getCredentialId()),
        CONVERTER.getCborConverter().writeValueAsBytes(cred.getCOSEKey()));
  }
}
