package io.lit4j.core.ipfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.errors.LitValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected CIDs computed with npm ipfs-only-hash@4.0.0 (UnixFS importer defaults). */
class IpfsCidTest {
  @Test
  void smallFilesHashToTheWellKnownCids() {
    assertEquals(
        "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
        IpfsCid.of("hello world\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", IpfsCid.of(new byte[0]));
    assertEquals(
        "QmfJwtAcs7CKcs7mnF2EMDCD4Ja4ssyAkyRqExp4aQgHS4",
        IpfsCid.of(
            "(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();"
                .getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void filesAboveOneChunkBuildABalancedDag() {
    byte[] a = new byte[262_144];
    Arrays.fill(a, (byte) 'a');
    assertEquals("Qma81h2ZqbvJW2EQkiVUZ17aSvNWqAtvUPhh8mQBPU8W7c", IpfsCid.of(a));
    byte[] b = new byte[262_145];
    Arrays.fill(b, (byte) 'a');
    assertEquals("QmTaxvXcxpzzaatSEEAYr7t3knkJ6DmTVbr8MjJJWLRWpV", IpfsCid.of(b));
    byte[] c = new byte[1_000_000];
    for (int i = 0; i < c.length; i++) c[i] = (byte) (i % 251);
    assertEquals("QmVUbzigHKQR2y8wSt2KwZp92AC9Utfms5nEUHwttK4Yq9", IpfsCid.of(c));
  }

  @Test
  void cidBytesRoundTrip() {
    byte[] bytes = IpfsCid.toBytes("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
    assertEquals(34, bytes.length);
    assertEquals(0x12, bytes[0]);
    assertEquals("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", IpfsCid.fromBytes(bytes));
    assertArrayEquals(bytes, IpfsCid.toBytes(IpfsCid.fromBytes(bytes)));
  }

  @Test
  void malformedCidsAreRejectedWithTheReason() {
    assertThrows(LitValidationException.class, () -> IpfsCid.toBytes("bafy123"));
    assertThrows(
        LitValidationException.class,
        () -> IpfsCid.toBytes("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff50"));
    assertThrows(LitValidationException.class, () -> IpfsCid.toBytes(null));
    assertThrows(LitValidationException.class, () -> IpfsCid.fromBytes(new byte[33]));
  }
}
