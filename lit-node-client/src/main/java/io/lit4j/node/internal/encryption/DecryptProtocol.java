package io.lit4j.node.internal.encryption;

import io.lit4j.core.acc.AccessControlConditionResource;
import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.bls.BlsPublicKey;
import io.lit4j.crypto.bls.BlsSignature;
import io.lit4j.crypto.bls.TimeCrypt;
import io.lit4j.crypto.bls.TimeCryptCiphertext;
import io.lit4j.node.DecryptRequest;
import io.lit4j.node.internal.NodeCalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * 4.2.0 {@code decrypt} ({@code /web/encryption/sign}): every connected node's decryption share,
 * combined as soon as {@code minNodeCount} of them verify against the network key; the plaintext is
 * checked against {@code dataToEncryptHash}.
 */
public final class DecryptProtocol {
  private DecryptProtocol() {}

  /**
   * Decrypts {@code request}'s ciphertext with the connected nodes' shares.
   *
   * @param calls the client's node calls
   * @param request the ciphertext, its conditions and auth
   * @return a future of the plaintext
   */
  public static CompletableFuture<byte[]> run(NodeCalls calls, DecryptRequest request) {
    if (request == null)
      return CompletableFuture.failedFuture(
          new LitValidationException("decrypt request is missing"));
    byte[] ciphertext;
    try {
      ciphertext = TimeCryptCiphertext.fromBase64(request.ciphertext()).toBytes();
    } catch (LitException e) {
      return CompletableFuture.failedFuture(e);
    }
    String dataHash = request.dataToEncryptHash().toLowerCase(Locale.ROOT);
    AccessControlConditions c = request.conditions();
    byte[] identity = c.resource(dataHash).identity();
    AtomicReference<BlsSignature> early = new AtomicReference<>();
    return calls.send(
        "decrypt",
        BlsShareProtocol.DECRYPT_PATH,
        url ->
            BlsShareProtocol.decryptBody(
                c, dataHash, request.chain(), request.auth().authSigFor(url)),
        s ->
            replies ->
                BlsShareProtocol.enoughShares(
                    replies.values(),
                    r -> true,
                    s.subnetPubKey(),
                    identity,
                    s.minNodeCount(),
                    early),
        (responses, s) -> {
          BlsSignature sig = early.get();
          if (sig == null) {
            Map<String, LitException> rejected = new LinkedHashMap<>();
            var shares = BlsShareProtocol.shares(responses, r -> true, calls.log(), rejected);
            sig =
                BlsShareProtocol.combineTolerant(
                    "decrypt",
                    responses.requestId(),
                    BlsPublicKey.fromHex(s.subnetPubKey()),
                    identity,
                    shares,
                    s.minNodeCount(),
                    calls.log());
          }
          byte[] plain = TimeCrypt.decrypt(ciphertext, sig);
          if (!AccessControlConditionResource.dataToEncryptHash(plain).equals(dataHash)) {
            throw LitException.builder()
                .message(
                    "decrypt: the plaintext does not hash to dataToEncryptHash "
                        + dataHash
                        + " (request "
                        + responses.requestId()
                        + ")")
                .requestId(responses.requestId())
                .buildCrypto();
          }
          return plain;
        });
  }

  /**
   * Decrypts into {@code target} (created or replaced), readable by its owner only (0600) on POSIX
   * file systems; the permissions are set before any plaintext is written.
   *
   * @param calls the client's node calls
   * @param request the ciphertext, its conditions and auth
   * @param target the file to write the plaintext to
   * @return a future that completes when the file is written
   */
  public static CompletableFuture<Void> runToFile(
      NodeCalls calls, DecryptRequest request, Path target) {
    if (target == null)
      return CompletableFuture.failedFuture(new LitValidationException("target file is missing"));
    return run(calls, request)
        .thenAccept(
            b -> {
              try {
                writeOwnerOnly(target, b);
              } catch (IOException e) {
                throw new LitException(
                    "cannot write decrypted data to " + target + ": " + e.getMessage(), e);
              }
            });
  }

  private static void writeOwnerOnly(Path target, byte[] bytes) throws IOException {
    if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly =
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
      if (Files.exists(target)) {
        Files.setPosixFilePermissions(target, ownerOnly);
      } else {
        Files.createFile(
            target, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(ownerOnly));
      }
    }
    Files.write(target, bytes);
  }
}
