package io.lit4j.node.internal.encryption;

import io.lit4j.core.acc.AccessControlConditionResource;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.node.ConnectionState;
import io.lit4j.node.EncryptRequest;
import io.lit4j.node.EncryptResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * 4.2.0 {@code encrypt} (local, no node call): TimeCrypt under the network key with identity {@code
 * lit-accesscontrolcondition://<hash(conditions)>/<sha256(data)>}.
 */
public final class EncryptProtocol {
  private EncryptProtocol() {}

  /**
   * Encrypts {@code request}'s plaintext (its file read now) under the connected network's key.
   *
   * @param state the connection state (its subnet key)
   * @param request the conditions and the plaintext
   * @return the ciphertext and the plaintext's hash
   * @throws LitValidationException if the request is missing
   * @throws LitException if a file cannot be read
   */
  public static EncryptResponse encrypt(ConnectionState state, EncryptRequest request) {
    if (request == null) throw new LitValidationException("encrypt request is missing");
    AccessControlConditions conditions = request.conditions();
    byte[] data = request.data().orElseGet(() -> readFile(request.file().orElseThrow()));
    BlsPublicKey key = BlsPublicKey.fromHex(state.subnetPubKey());
    AccessControlConditionResource resource = AccessControlConditionResource.of(conditions, data);
    byte[] ct = TimeCrypt.encrypt(key, data, resource.identity());
    return new EncryptResponse(
        Base64.getEncoder().encodeToString(ct), resource.dataToEncryptHashHex());
  }

  /**
   * {@return the bytes of {@code file}}
   *
   * @param file the file to read
   * @throws LitValidationException if {@code file} is missing
   * @throws LitException if it cannot be read
   */
  public static byte[] readFile(Path file) {
    if (file == null) throw new LitValidationException("file is missing");
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new LitException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
