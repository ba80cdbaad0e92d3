package io.lit4j.crypto.attestation;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Checks and keys shared by the VCEK caches. */
final class VcekCacheKeys {
  private VcekCacheKeys() {}

  static void checkUrl(String vcekUrl) {
    if (vcekUrl == null || vcekUrl.isEmpty())
      throw new LitValidationException("vcekUrl is missing");
  }

  static void checkCertificate(String vcekUrl, byte[] der) {
    if (der == null)
      throw new LitValidationException("VCEK certificate for " + vcekUrl + " is missing");
    if (!longEnough(der)) {
      throw new LitValidationException(
          "VCEK certificate for "
              + vcekUrl
              + " is "
              + der.length
              + " bytes; a VCEK certificate has at least "
              + SevSnpVerifier.MIN_VCEK_BYTES);
    }
  }

  static boolean longEnough(byte[] der) {
    return der != null && der.length >= SevSnpVerifier.MIN_VCEK_BYTES;
  }

  /**
   * Lowercase hex SHA-256 of the URL's UTF-8 bytes: a file name that leaks nothing of the path
   * syntax.
   */
  static String sha256Hex(String vcekUrl) {
    try {
      return Hex.encode(
          MessageDigest.getInstance("SHA-256").digest(vcekUrl.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
