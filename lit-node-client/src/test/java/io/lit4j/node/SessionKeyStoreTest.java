package io.lit4j.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeyStoreTest {
  private static final String SECRET = "{\"publicKey\":\"aa\",\"secretKey\":\"TOP-SECRET\"}";

  @Test
  void theInMemoryStoreKeepsReplacesAndRemovesValuesWithoutShowingThem() {
    SessionKeyStore s = new InMemorySessionKeyStore();
    s.put(SessionKeyStore.SESSION_KEY, SECRET);
    assertEquals(Optional.of(SECRET), s.get(SessionKeyStore.SESSION_KEY));
    s.put(SessionKeyStore.SESSION_KEY, "{}");
    assertEquals(Optional.of("{}"), s.get(SessionKeyStore.SESSION_KEY));
    s.put(SessionKeyStore.WALLET_SIG, SECRET);
    assertFalse(s.toString().contains("TOP-SECRET"));
    s.remove(SessionKeyStore.SESSION_KEY);
    assertEquals(Optional.empty(), s.get(SessionKeyStore.SESSION_KEY));
  }

  @Test
  void theFileStoreSurvivesANewInstanceAndKeepsFilesOwnerOnly(@TempDir Path dir) throws Exception {
    new FileSessionKeyStore(dir.resolve("lit")).put(SessionKeyStore.SESSION_KEY, SECRET);

    FileSessionKeyStore again = new FileSessionKeyStore(dir.resolve("lit"));
    assertEquals(Optional.of(SECRET), again.get(SessionKeyStore.SESSION_KEY));
    Path file = dir.resolve("lit").resolve(SessionKeyStore.SESSION_KEY);
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertEquals(
          "rwx------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("lit"))),
          "the directory it made is owner-only");
    }
    assertFalse(again.toString().contains("TOP-SECRET"));
    again.remove(SessionKeyStore.SESSION_KEY);
    again.remove(SessionKeyStore.SESSION_KEY);
    assertEquals(Optional.empty(), again.get(SessionKeyStore.SESSION_KEY));
    try (var files = Files.list(dir.resolve("lit"))) {
      assertEquals(0, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void keysThatCouldEscapeTheDirectoryAreRefused(@TempDir Path dir) {
    FileSessionKeyStore s = new FileSessionKeyStore(dir);
    assertTrue(
        assertThrows(LitValidationException.class, () -> s.put("../evil", "x"))
            .getMessage()
            .contains("session store key"));
    assertThrows(LitValidationException.class, () -> s.get(".hidden"));
    assertThrows(LitValidationException.class, () -> s.put("ok", null));
    assertThrows(LitValidationException.class, () -> new InMemorySessionKeyStore().get(null));
  }
}
