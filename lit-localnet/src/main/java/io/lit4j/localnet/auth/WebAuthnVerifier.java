package io.lit4j.localnet.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import io.lit4j.core.json.LitJson;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.eth.EthHash;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * WebAuthn (type 3) as a v4 node verifies it ({@code pkp/auth/webauthn.rs}): the challenge must be
 * one of the last 10 block hashes; the credential key is the COSE key PKPPermissions stores for
 * {@code keccak256("<rawId>:lit")}; the assertion is checked (origin, RP id, signature, user
 * presence) by webauthn4j and must be user-verified. User id = raw id, app id = {@code lit}.
 */
final class WebAuthnVerifier {
  static final int TYPE = 3;
  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final WebAuthnManager MANAGER =
      WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
  private final String rpId;
  private final Set<String> origins;

  WebAuthnVerifier(String rpId, Set<String> origins) {
    this.rpId = rpId;
    this.origins = Set.copyOf(origins);
  }

  VerifiedIdentity verify(String accessToken, WebAuthnChain chain) {
    if (rpId == null) throw AuthMethodRejection.validation("Webauthn origin domain is not set");
    JsonNode c;
    byte[] rawId;
    byte[] clientData;
    byte[] authData;
    byte[] signature;
    byte[] userHandle;
    try {
      c = LitJson.mapper().readTree(accessToken);
      JsonNode r = c.get("response");
      rawId = b64(c.get("rawId"));
      clientData = b64(r.get("clientDataJSON"));
      authData = b64(r.get("authenticatorData"));
      signature = b64(r.get("signature"));
      userHandle = r.hasNonNull("userHandle") ? b64(r.get("userHandle")) : null;
    } catch (Exception e) {
      throw AuthMethodRejection.coded(
          "Conversion", null, "Unable to deserialize credential from request body");
    }
    String rawIdText = Base64.getUrlEncoder().withoutPadding().encodeToString(rawId);
    byte[] challenge;
    try {
      challenge =
          Base64.getUrlDecoder()
              .decode(LitJson.mapper().readTree(clientData).get("challenge").textValue());
    } catch (Exception e) {
      throw AuthMethodRejection.unexpected(
          "Unable to parse client data JSON", "Unable to get challenge from credential");
    }
    if (!chain.isRecentBlockhash(Hex.encode0x(challenge)))
      throw AuthMethodRejection.validation("Invalid blockhash used as challenge");
    byte[] id = EthHash.keccak256Utf8(rawIdText + ":lit");
    byte[] cose = chain.credentialPublicKey(id);
    COSEKey key;
    try {
      if (cose.length == 0) throw new IllegalArgumentException("no credential key stored");
      key = CONVERTER.getCborConverter().readValue(cose, COSEKey.class);
      if (key == null) throw new IllegalArgumentException("empty COSE key");
    } catch (RuntimeException e) {
      throw AuthMethodRejection.parser("Unable to decode credential public key CBOR");
    }
    CredentialRecordImpl record =
        new CredentialRecordImpl(
            new NoneAttestationStatement(),
            null,
            null,
            null,
            0L,
            new AttestedCredentialData(AAGUID.ZERO, rawId, key),
            null,
            null,
            null,
            null);
    ServerProperty server =
        ServerProperty.builder()
            .origins(origins.stream().map(Origin::new).collect(Collectors.toSet()))
            .rpId(rpId)
            .challenge(new DefaultChallenge(challenge))
            .build();
    AuthenticationData verified;
    try {
      verified =
          MANAGER.verify(
              new AuthenticationRequest(rawId, userHandle, authData, clientData, null, signature),
              new AuthenticationParameters(server, record, null, false, true));
    } catch (RuntimeException e) {
      throw AuthMethodRejection.coded(
          "Conversion", null, String.valueOf(e.getMessage()), "Unable to authenticate credential");
    }
    if (verified.getAuthenticatorData() == null || !verified.getAuthenticatorData().isFlagUV()) {
      throw AuthMethodRejection.validation("Invalid WebAuthn credential");
    }
    return new VerifiedIdentity(TYPE, rawIdText, "lit");
  }

  private static byte[] b64(JsonNode n) {
    if (n == null || !n.isTextual()) throw new IllegalArgumentException("missing base64url field");
    return Base64.getUrlDecoder()
        .decode(n.textValue().replace('+', '-').replace('/', '_').replaceAll("=+$", ""));
  }
}
