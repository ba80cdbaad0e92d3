package io.lit4j.node.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.node.LitNodeClient;
import io.lit4j.node.LitNodeClientConfig;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the PKP signer checks before it asks the nodes (the signing itself is in
 * PkpWalletLocalnetTest).
 */
class PkpEthSignerTest {
  // anvil's first dev account public key, used only as a well-formed secp256k1 key
  private static final Secp256k1PublicKey KEY =
      Secp256k1PublicKey.fromHex(
          "048318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed753547f11ca8696646f2f3acb08e31016afac23e630c5d11f59f61fef57b0d2aa5");
  private final LitNodeClient notConnected =
      LitNodeClient.create(
          LitNodeClientConfig.builder()
              .bootstrapUrls(List.of("http://127.0.0.1:9"))
              .minNodeCount(1)
              .build());
  private final AtomicInteger asked = new AtomicInteger();

  @AfterEach
  void close() {
    notConnected.close();
  }

  private PkpEthSigner signer() {
    return PkpEthSigner.builder()
        .client(notConnected)
        .pkpPublicKey(KEY)
        .sessionSigs(
            () -> {
              asked.incrementAndGet();
              return io.lit4j.auth.session.SessionSigs.of(java.util.Map.of());
            })
        .build();
  }

  @Test
  void theAddressIsThePkpPublicKeysEthereumAddress() {
    PkpEthSigner s = signer();
    assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", s.address());
    assertEquals(s.address(), s.getAddress());
    assertEquals(KEY, s.pkpPublicKey());
    assertTrue(s.toString().contains(s.address()));
  }

  @Test
  void aBuilderWithoutClientKeyOrSessionSigsIsAValidationError() {
    assertThrows(
        LitValidationException.class,
        () -> PkpEthSigner.builder().pkpPublicKey(KEY).sessionSigs(() -> null).build());
    assertThrows(
        LitValidationException.class,
        () -> PkpEthSigner.builder().client(notConnected).sessionSigs(() -> null).build());
    assertThrows(
        LitValidationException.class,
        () -> PkpEthSigner.builder().client(notConnected).pkpPublicKey(KEY).build());
    assertThrows(LitValidationException.class, () -> PkpEthSigner.builder().sessionSigs(null));
    assertThrows(LitValidationException.class, () -> PkpEthSigner.builder().authMethods(null));
  }

  @Test
  void aWrongLengthDigestFailsBeforeTheSessionSigsAreAsked() {
    PkpEthSigner s = signer();
    assertThrows(LitValidationException.class, () -> s.signDigest(new byte[20]));
    CompletionException e =
        assertThrows(CompletionException.class, () -> s.signDigestAsync(new byte[64]).join());
    assertInstanceOf(LitValidationException.class, e.getCause());
    assertEquals(0, asked.get());
  }

  @Test
  void aSupplierThatReturnsNothingIsAValidationError() {
    PkpEthSigner s =
        PkpEthSigner.builder()
            .client(notConnected)
            .pkpPublicKey(KEY)
            .sessionSigs(() -> null)
            .build();
    LitValidationException e =
        assertThrows(LitValidationException.class, () -> s.signDigest(new byte[32]));
    assertTrue(e.getMessage().contains("session sigs supplier returned nothing"), e.getMessage());
  }

  @Test
  void signingBeforeTheClientIsConnectedFailsWithTheClientsNotReadyError() {
    PkpEthSigner s = signer();
    LitException e = assertThrows(LitException.class, () -> s.signPersonalMessage(new byte[] {1}));
    assertFalse(e instanceof LitValidationException, e.toString());
    assertEquals(1, asked.get());
  }
}
