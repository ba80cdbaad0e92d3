package io.lit4j.node;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A {@link SessionKeyStore} keeping one file per key in a directory, so a session key survives a
 * restart. Files are written atomically (temporary file, then move) and, on POSIX file systems,
 * readable by the owner only ({@code rw-------}), because they hold secret keys.
 */
public final class FileSessionKeyStore implements SessionKeyStore {
  private final Path directory;
  private final Object lock = new Object();

  /**
   * A store in {@code directory}, created if missing (owner-only, 0700, on POSIX file systems; an
   * existing directory keeps its permissions).
   *
   * @param directory where the entries are stored
   * @throws LitValidationException if {@code directory} is null or is a file
   * @throws LitException if the directory cannot be created
   */
  public FileSessionKeyStore(Path directory) {
    if (directory == null) throw new LitValidationException("session store directory is missing");
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new LitValidationException(
          "session store directory " + directory + " is a file, not a directory");
    }
    try {
      if (posix()) {
        Files.createDirectories(
            directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(directory);
      }
    } catch (IOException e) {
      throw new LitException(
          "cannot create session store directory " + directory + ": " + e.getMessage(), e);
    }
    this.directory = directory;
  }

  /** {@return the directory holding the files} */
  public Path directory() {
    return directory;
  }

  @Override
  public Optional<String> get(String key) {
    Path file = directory.resolve(StoreKeys.checkKey(key));
    synchronized (lock) {
      try {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new LitException("cannot read session store file " + file + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void put(String key, String value) {
    Path file = directory.resolve(StoreKeys.checkKey(key));
    byte[] bytes = StoreKeys.checkValue(key, value).getBytes(StandardCharsets.UTF_8);
    synchronized (lock) {
      Path tmp = null;
      try {
        tmp = createOwnerOnlyTempFile();
        Files.write(tmp, bytes);
        try {
          Files.move(
              tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new LitException(
            "cannot write session store file " + file + ": " + e.getMessage(), e);
      } finally {
        if (tmp != null) {
          try {
            Files.deleteIfExists(tmp);
          } catch (IOException ignored) {
            // best effort: the move normally consumed it
          }
        }
      }
    }
  }

  @Override
  public void remove(String key) {
    Path file = directory.resolve(StoreKeys.checkKey(key));
    synchronized (lock) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new LitException(
            "cannot delete session store file " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private Path createOwnerOnlyTempFile() throws IOException {
    if (posix()) {
      return Files.createTempFile(
          directory,
          ".tmp-",
          "",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(directory, ".tmp-", "");
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Names the directory, never the values. */
  @Override
  public String toString() {
    return "FileSessionKeyStore[" + directory + "]";
  }
}
