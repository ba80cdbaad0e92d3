package io.lit4j.crypto.attestation;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * VCEK certificates kept as files in a directory, one file per AMD KDS URL named {@code <lowercase
 * hex SHA-256 of the URL>.der} (the DER bytes), so they survive restarts and AMD's rate-limited
 * service is asked once per chip and TCB. Reads through to an optional upstream provider on a miss.
 * Files are written atomically (temporary file, then rename), so concurrent users of one directory
 * see whole certificates or none.
 *
 * <p>Files shorter than {@value SevSnpVerifier#MIN_VCEK_BYTES} bytes are treated as absent, and
 * such upstream answers are not stored.
 */
public final class FileVcekCache implements VcekProvider {
  private static final String SUFFIX = ".der";

  private final Path directory;
  private final VcekProvider upstream;

  /**
   * A cache in {@code directory} (created on the first write) with no upstream.
   *
   * @param directory where the certificates are stored
   * @throws LitValidationException when {@code directory} is missing or names an existing
   *     non-directory
   */
  public FileVcekCache(Path directory) {
    this(directory, null, false);
  }

  /**
   * A cache in {@code directory} that asks {@code upstream} on a miss and stores the answer.
   *
   * @param directory where the certificates are stored
   * @param upstream where a missing certificate is fetched from
   * @throws LitValidationException when an argument is missing or {@code directory} names an
   *     existing non-directory
   */
  public FileVcekCache(Path directory, VcekProvider upstream) {
    this(directory, upstream, true);
  }

  private FileVcekCache(Path directory, VcekProvider upstream, boolean upstreamRequired) {
    if (directory == null) throw new LitValidationException("VCEK cache directory is missing");
    if (upstreamRequired && upstream == null)
      throw new LitValidationException("upstream VCEK provider is missing");
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new LitValidationException("VCEK cache directory " + directory + " is not a directory");
    }
    this.directory = directory;
    this.upstream = upstream;
  }

  /** {@return the cache directory} */
  public Path directory() {
    return directory;
  }

  /**
   * {@return the file that holds (or would hold) the certificate for a VCEK URL}
   *
   * @param vcekUrl the VCEK URL
   * @throws LitValidationException when {@code vcekUrl} is missing
   */
  public Path fileFor(String vcekUrl) {
    VcekCacheKeys.checkUrl(vcekUrl);
    return directory.resolve(VcekCacheKeys.sha256Hex(vcekUrl) + SUFFIX);
  }

  /**
   * Stores a certificate for a VCEK URL, replacing any stored.
   *
   * @param vcekUrl the VCEK URL
   * @param vcekDer the VCEK certificate, DER
   * @throws LitValidationException when the URL or certificate is missing or the certificate is
   *     shorter than {@value SevSnpVerifier#MIN_VCEK_BYTES} bytes
   * @throws LitException when the file cannot be written
   */
  public void put(String vcekUrl, byte[] vcekDer) {
    Path target = fileFor(vcekUrl);
    VcekCacheKeys.checkCertificate(vcekUrl, vcekDer);
    Path temp = null;
    try {
      Files.createDirectories(directory);
      temp = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
      Files.write(temp, vcekDer);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new LitException("cannot write VCEK cache file " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed; a stray temporary file is harmless
        }
      }
    }
  }

  /**
   * {@return the certificate stored for a VCEK URL, without asking upstream}
   *
   * @param vcekUrl the VCEK URL
   * @throws LitValidationException when {@code vcekUrl} is missing
   * @throws LitException when the file exists but cannot be read
   */
  public Optional<byte[]> get(String vcekUrl) {
    Path file = fileFor(vcekUrl);
    try {
      byte[] der = Files.readAllBytes(file);
      return VcekCacheKeys.longEnough(der) ? Optional.of(der) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new LitException("cannot read VCEK cache file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The stored certificate, or else upstream's answer (stored when long enough).
   *
   * @throws LitValidationException when {@code vcekUrl} is missing
   * @throws LitException when a cache file cannot be read or written, or whatever upstream throws
   */
  @Override
  public Optional<byte[]> vcekDer(String vcekUrl, SevSnpReport report) {
    Optional<byte[]> stored = get(vcekUrl);
    if (stored.isPresent() || upstream == null) return stored;
    Optional<byte[]> fetched = upstream.vcekDer(vcekUrl, report);
    fetched.filter(VcekCacheKeys::longEnough).ifPresent(der -> put(vcekUrl, der));
    return fetched.map(byte[]::clone);
  }
}
