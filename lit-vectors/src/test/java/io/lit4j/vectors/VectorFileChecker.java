package io.lit4j.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Checks one file of {@code shared/vectors}. Implementations live in {@code
 * io.lit4j.vectors.files}, named after the file: {@code bls_encryption.generated.json} is checked
 * by {@code BlsEncryptionGenerated}. Every case of the file must yield a check; a case we cannot
 * check yet yields a check that fails with the reason.
 */
public interface VectorFileChecker {
  List<VectorCheck> checks(JsonNode file);
}
