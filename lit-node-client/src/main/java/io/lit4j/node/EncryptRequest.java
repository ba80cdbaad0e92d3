package io.lit4j.node;

import io.lit4j.core.acc.AccessControlConditions;
import io.lit4j.core.errors.LitValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code encrypt} encrypts (4.2.0 {@code encrypt}, {@code encryptString}, {@code
 * encryptFile}): the conditions that decide who may decrypt, and the plaintext as bytes, text
 * (UTF-8) or a file (read when encrypting).
 *
 * <pre>{@code
 * EncryptResponse encrypted = client.encrypt(EncryptRequest.builder()
 *     .conditions(conditions).text("Hello, Lit").build());
 * }</pre>
 */
public final class EncryptRequest {
  private final AccessControlConditions conditions;
  private final byte[] data;
  private final Path file;

  private EncryptRequest(Builder b) {
    if (b.conditions == null) throw new LitValidationException("conditions are missing");
    if ((b.data == null) == (b.file == null)) {
      throw new LitValidationException(
          "give the plaintext once: data(bytes), text(string) or file(path)");
    }
    this.conditions = b.conditions;
    this.data = b.data == null ? null : b.data.clone();
    this.file = b.file;
  }

  /** {@return a builder; conditions and one plaintext source are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return who may decrypt} */
  public AccessControlConditions conditions() {
    return conditions;
  }

  /** {@return the plaintext bytes (a fresh copy), unless a file was given} */
  public Optional<byte[]> data() {
    return Optional.ofNullable(data).map(byte[]::clone);
  }

  /** {@return the file to encrypt, if one was given instead of bytes} */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  @Override
  public String toString() {
    return "EncryptRequest[conditions="
        + conditions
        + ", "
        + (file != null ? "file=" + file : "data=" + data.length + " bytes")
        + "]";
  }

  /** Builds an {@link EncryptRequest}. */
  public static final class Builder {
    private AccessControlConditions conditions;
    private byte[] data;
    private Path file;

    private Builder() {}

    /**
     * Who may decrypt (required).
     *
     * @param conditions the access control conditions
     * @return this builder
     */
    public Builder conditions(AccessControlConditions conditions) {
      this.conditions = conditions;
      return this;
    }

    /**
     * The plaintext bytes.
     *
     * @param data the plaintext
     * @return this builder
     * @throws LitValidationException if {@code data} is null
     */
    public Builder data(byte[] data) {
      if (data == null) throw new LitValidationException("data to encrypt is missing");
      this.data = data.clone();
      return this;
    }

    /**
     * The plaintext as text, encrypted as its UTF-8 bytes (4.2.0 {@code encryptString}).
     *
     * @param text the plaintext
     * @return this builder
     * @throws LitValidationException if {@code text} is null
     */
    public Builder text(String text) {
      if (text == null) throw new LitValidationException("text to encrypt is missing");
      this.data = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * A file whose bytes are encrypted (4.2.0 {@code encryptFile}, without zipping); read when
     * encrypting, on a client worker thread for {@code encryptAsync}.
     *
     * @param file the file
     * @return this builder
     * @throws LitValidationException if {@code file} is null
     */
    public Builder file(Path file) {
      if (file == null) throw new LitValidationException("file is missing");
      this.file = file;
      return this;
    }

    /**
     * {@return the request}
     *
     * @throws LitValidationException if the conditions are missing or the plaintext is given not
     *     exactly once
     */
    public EncryptRequest build() {
      return new EncryptRequest(this);
    }
  }
}
