package io.lit4j.localnet.idp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.ClientDataType;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.json.LitJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A software WebAuthn authenticator (a passkey) for tests: one ES256 credential for one relying
 * party, answering {@code navigator.credentials.create} (attestation {@code none}) and {@code
 * navigator.credentials.get} with the JSON a browser gives the JS SDK, all fields base64url. CBOR
 * and COSE are written by webauthn4j.
 *
 * <pre>{@code
 * SoftwareAuthenticator passkey = SoftwareAuthenticator.create("http://localhost:3000");
 * ObjectNode registration = passkey.register(challenge);      // to the relay / verifier
 * String accessToken = passkey.assertion(blockhashBytes);     // WebAuthn auth method token
 * }</pre>
 */
public final class SoftwareAuthenticator {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final byte FLAGS_UP_UV = (byte) 0x05;
  private static final byte FLAGS_UP_UV_AT = (byte) 0x45;

  private final String origin;
  private final String rpId;
  private final KeyPair keyPair;
  private final byte[] credentialId;
  private final byte[] userHandle;
  private final AtomicLong signCount = new AtomicLong();

  private SoftwareAuthenticator(String origin, String rpId) {
    this.origin = origin;
    this.rpId = rpId;
    SecureRandom random = new SecureRandom();
    this.credentialId = new byte[16];
    random.nextBytes(credentialId);
    this.userHandle = new byte[16];
    random.nextBytes(userHandle);
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), random);
      this.keyPair = g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw LitException.builder()
          .message("cannot make a P-256 key: " + e.getMessage())
          .cause(e)
          .build();
    }
  }

  /**
   * A new credential for the relying party of {@code origin} (its host is the RP id).
   *
   * @param origin e.g. {@code http://localhost:3000}
   * @return the authenticator
   */
  public static SoftwareAuthenticator create(String origin) {
    if (origin == null || origin.isEmpty()) throw new LitValidationException("origin is required");
    String host = URI.create(origin).getHost();
    if (host == null) throw new LitValidationException("origin has no host: " + origin);
    return new SoftwareAuthenticator(origin, host);
  }

  /** {@return the credential's raw id, base64url without padding, as the SDK and nodes print it} */
  public String rawId() {
    return B64URL.encodeToString(credentialId);
  }

  /** {@return the relying party id} */
  public String rpId() {
    return rpId;
  }

  /** {@return the origin} */
  public String origin() {
    return origin;
  }

  /** {@return the credential public key as a CBOR-encoded COSE key, as PKPPermissions stores it} */
  public byte[] cosePublicKey() {
    return CONVERTER.getCborConverter().writeValueAsBytes(coseKey());
  }

  /**
   * A registration response ({@code navigator.credentials.create}, attestation {@code none}).
   *
   * @param challenge the registration challenge
   * @return {@code {id, rawId, type, response:{clientDataJSON, attestationObject}}}
   */
  public ObjectNode register(byte[] challenge) {
    byte[] clientData = clientData(ClientDataType.WEBAUTHN_CREATE, challenge);
    AuthenticatorData<
            com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput>
        authData =
            new AuthenticatorData<>(
                sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                FLAGS_UP_UV_AT,
                0,
                new AttestedCredentialData(AAGUID.ZERO, credentialId.clone(), coseKey()));
    byte[] attestation =
        new AttestationObjectConverter(CONVERTER)
            .convertToBytes(new AttestationObject(authData, new NoneAttestationStatement()));
    ObjectNode o = credential();
    ObjectNode r = o.putObject("response");
    r.put("clientDataJSON", B64URL.encodeToString(clientData));
    r.put("attestationObject", B64URL.encodeToString(attestation));
    o.putObject("clientExtensionResults");
    return o;
  }

  /**
   * An authentication response ({@code navigator.credentials.get}) signed over the challenge, as
   * the JSON text the JS SDK sends as the WebAuthn auth method's access token.
   *
   * @param challenge the challenge (for Lit: the latest block hash's 32 bytes)
   * @return {@code {id, rawId, type, response:{clientDataJSON, authenticatorData, signature,
   *     userHandle}}} as text
   */
  public String assertion(byte[] challenge) {
    byte[] clientData = clientData(ClientDataType.WEBAUTHN_GET, challenge);
    byte[] authData =
        new AuthenticatorDataConverter(CONVERTER)
            .convert(
                new AuthenticatorData<>(
                    sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                    FLAGS_UP_UV,
                    signCount.incrementAndGet()));
    byte[] signature;
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(keyPair.getPrivate());
      s.update(authData);
      s.update(sha256(clientData));
      signature = s.sign();
    } catch (GeneralSecurityException e) {
      throw LitException.builder()
          .message("cannot sign the assertion: " + e.getMessage())
          .cause(e)
          .build();
    }
    ObjectNode o = credential();
    ObjectNode r = o.putObject("response");
    r.put("clientDataJSON", B64URL.encodeToString(clientData));
    r.put("authenticatorData", B64URL.encodeToString(authData));
    r.put("signature", B64URL.encodeToString(signature));
    r.put("userHandle", B64URL.encodeToString(userHandle));
    o.putObject("clientExtensionResults");
    return o.toString();
  }

  private ObjectNode credential() {
    ObjectNode o = LitJson.mapper().createObjectNode();
    o.put("id", rawId());
    o.put("rawId", rawId());
    o.put("type", "public-key");
    return o;
  }

  private EC2COSEKey coseKey() {
    return EC2COSEKey.create((ECPublicKey) keyPair.getPublic(), COSEAlgorithmIdentifier.ES256);
  }

  private byte[] clientData(ClientDataType type, byte[] challenge) {
    if (challenge == null || challenge.length == 0)
      throw new LitValidationException("challenge is required");
    return new CollectedClientDataConverter(CONVERTER)
        .convertToBytes(
            new CollectedClientData(
                type, new DefaultChallenge(challenge), new Origin(origin), false, null));
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "SoftwareAuthenticator[" + rpId + ", rawId=" + rawId() + "]";
  }
}
