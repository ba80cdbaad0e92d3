package io.lit4j.core.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.json.LitJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where tests find the test vectors: the ones committed in this repository ({@code
 * lit-vectors/src/test/resources/vectors}, {@code -Dlit4j.repo.vectors.dir} to move them), always;
 * and the shared vectors beside the clone ({@code -Dlit4j.vectors.dir}, {@code LIT4J_VECTORS_DIR},
 * else {@code ../shared/vectors} next to the repository) when that directory exists, so a clone
 * with nothing beside it still builds.
 */
public final class TestVectors {
  /** The committed vectors' path inside the repository. */
  public static final String COMMITTED_PATH = "lit-vectors/src/test/resources/vectors";

  private TestVectors() {}

  /**
   * The committed vectors directory.
   *
   * @return the directory (it exists)
   * @throws IllegalStateException when it cannot be found
   */
  public static Path committedDir() {
    String configured = System.getProperty("lit4j.repo.vectors.dir");
    if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
      Path p = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isDirectory(p))
        throw new IllegalStateException(
            "committed vectors not found at " + p + " (-Dlit4j.repo.vectors.dir)");
      return p;
    }
    // tests run in a module directory: look up from there for the repository's copy
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve(COMMITTED_PATH);
      if (Files.isDirectory(p)) return p.normalize();
    }
    throw new IllegalStateException(
        "committed vectors ("
            + COMMITTED_PATH
            + ") not found above "
            + Path.of("").toAbsolutePath());
  }

  /**
   * The shared vectors directory beside the clone, when it exists.
   *
   * @return the directory, or empty when there is none
   */
  public static Optional<Path> sharedDir() {
    String configured = System.getProperty("lit4j.vectors.dir");
    if (configured == null || configured.isBlank() || configured.startsWith("${"))
      configured = System.getenv("LIT4J_VECTORS_DIR");
    if (configured == null || configured.isBlank()) configured = "../../shared/vectors";
    Path p = Path.of(configured).toAbsolutePath().normalize();
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * The committed directory, then the shared one when it exists.
   *
   * @return the directories to check
   */
  public static List<Path> dirs() {
    List<Path> out = new ArrayList<>();
    out.add(committedDir());
    sharedDir().ifPresent(out::add);
    return out;
  }

  /**
   * A committed vector file.
   *
   * @param name the file name, e.g. {@code client_misc_vectors.json}
   * @return its path (it exists)
   * @throws IllegalStateException when it is missing
   */
  public static Path committed(String name) {
    Path p = committedDir().resolve(name);
    if (!Files.isRegularFile(p))
      throw new IllegalStateException("committed vector file missing: " + p);
    return p;
  }

  /**
   * Every copy of a vector file: the committed one, and the shared one when it exists.
   *
   * @param name the file name
   * @return the paths, committed first
   */
  public static List<Path> copies(String name) {
    List<Path> out = new ArrayList<>();
    out.add(committed(name));
    sharedDir().map(d -> d.resolve(name)).filter(Files::isRegularFile).ifPresent(out::add);
    return out;
  }

  /**
   * Parses a vector file.
   *
   * @param file the file
   * @return its JSON
   */
  public static JsonNode read(Path file) {
    try {
      return LitJson.parse(
          Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the vector file " + file, e);
    }
  }
}
