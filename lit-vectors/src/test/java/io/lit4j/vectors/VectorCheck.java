package io.lit4j.vectors;

import org.junit.jupiter.api.function.Executable;

/** One named check of a vector case; the executable throws (an assertion error) when it fails. */
public record VectorCheck(String name, Executable check) {
  public static VectorCheck of(String name, Executable check) {
    return new VectorCheck(name, check);
  }
}
