package io.lit4j.crypto.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcekCacheTest {
  private static final SevSnpVector V = SevSnpVector.load();
  private static final String URL = V.root.get("expectedVcekUrl").textValue();
  private static final SevSnpReport REPORT = V.attestation().parsedReport();

  private static VcekProvider counting(AtomicInteger calls, byte[] answer) {
    return (url, report) -> {
      calls.incrementAndGet();
      return Optional.ofNullable(answer);
    };
  }

  @Test
  void theFileCacheRoundTripsACertificateAcrossInstances(@TempDir Path dir) throws Exception {
    FileVcekCache first = new FileVcekCache(dir.resolve("vcek"));
    first.put(URL, V.vcek());
    FileVcekCache second = new FileVcekCache(dir.resolve("vcek"));
    assertArrayEquals(V.vcek(), second.get(URL).orElseThrow());
    assertArrayEquals(V.vcek(), second.vcekDer(URL, REPORT).orElseThrow());
    SevSnpVerifier.verifyReportAndChallenge(V.attestation(), V.challengeHex(), second);
  }

  @Test
  void theFileCacheNamesFilesByTheSha256OfTheUrl(@TempDir Path dir) throws Exception {
    FileVcekCache cache = new FileVcekCache(dir);
    cache.put(URL, V.vcek());
    String hash =
        Hex.encode(
            MessageDigest.getInstance("SHA-256").digest(URL.getBytes(StandardCharsets.UTF_8)));
    Path file = dir.resolve(hash + ".der");
    assertEquals(file, cache.fileFor(URL));
    assertArrayEquals(V.vcek(), Files.readAllBytes(file));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void theFileCacheReadsThroughOnceAndThenServesFromDisk(@TempDir Path dir) {
    AtomicInteger calls = new AtomicInteger();
    FileVcekCache cache = new FileVcekCache(dir, counting(calls, V.vcek()));
    assertArrayEquals(V.vcek(), cache.vcekDer(URL, REPORT).orElseThrow());
    assertArrayEquals(V.vcek(), cache.vcekDer(URL, REPORT).orElseThrow());
    assertEquals(1, calls.get());
    assertTrue(Files.exists(cache.fileFor(URL)));
  }

  @Test
  void theFileCacheDoesNotStoreShortUpstreamAnswersAndIgnoresShortFiles(@TempDir Path dir)
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    FileVcekCache cache = new FileVcekCache(dir, counting(calls, new byte[10]));
    assertEquals(10, cache.vcekDer(URL, REPORT).orElseThrow().length);
    assertFalse(Files.exists(cache.fileFor(URL)));
    Files.write(cache.fileFor(URL), new byte[10]);
    assertEquals(Optional.empty(), new FileVcekCache(dir).get(URL));
  }

  @Test
  void theFileCacheWithoutUpstreamAnswersEmptyOnAMiss(@TempDir Path dir) {
    assertEquals(Optional.empty(), new FileVcekCache(dir.resolve("absent")).vcekDer(URL, REPORT));
  }

  @Test
  void theFileCacheRejectsBadArguments(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    assertThrows(LitValidationException.class, () -> new FileVcekCache(file));
    assertThrows(LitValidationException.class, () -> new FileVcekCache(null));
    assertThrows(LitValidationException.class, () -> new FileVcekCache(dir, null));
    FileVcekCache cache = new FileVcekCache(dir);
    assertThrows(LitValidationException.class, () -> cache.put(URL, new byte[255]));
    assertThrows(LitValidationException.class, () -> cache.put("", V.vcek()));
    assertThrows(LitValidationException.class, () -> cache.vcekDer(null, REPORT));
  }

  @Test
  void theMemoryCacheHoldsCallerSuppliedCertificates() {
    InMemoryVcekCache cache = InMemoryVcekCache.of(Map.of(URL, V.vcek()));
    assertEquals(1, cache.size());
    assertArrayEquals(V.vcek(), cache.vcekDer(URL, REPORT).orElseThrow());
    assertEquals(Optional.empty(), cache.vcekDer(URL + "x", REPORT));
    SevSnpVerifier.verifyReportAndChallenge(V.attestation(), V.challengeHex(), cache);
    assertTrue(cache.remove(URL));
    assertEquals(Optional.empty(), cache.get(URL));
  }

  @Test
  void theMemoryCacheReadsThroughOnceAndKeepsOnlyLongEnoughAnswers() {
    AtomicInteger calls = new AtomicInteger();
    InMemoryVcekCache cache = new InMemoryVcekCache(counting(calls, V.vcek()));
    cache.vcekDer(URL, REPORT);
    cache.vcekDer(URL, REPORT);
    assertEquals(1, calls.get());

    AtomicInteger shortCalls = new AtomicInteger();
    InMemoryVcekCache shortCache = new InMemoryVcekCache(counting(shortCalls, new byte[3]));
    shortCache.vcekDer(URL, REPORT);
    shortCache.vcekDer(URL, REPORT);
    assertEquals(2, shortCalls.get());
    assertEquals(0, shortCache.size());
  }

  @Test
  void theMemoryCacheCopiesWhatItHoldsAndRejectsShortCertificates() {
    byte[] der = V.vcek();
    InMemoryVcekCache cache = new InMemoryVcekCache();
    cache.put(URL, der);
    der[0] ^= 1;
    cache.get(URL).orElseThrow()[1] ^= 1;
    assertArrayEquals(V.vcek(), cache.get(URL).orElseThrow());
    assertThrows(LitValidationException.class, () -> cache.put(URL, new byte[255]));
    assertThrows(LitValidationException.class, () -> new InMemoryVcekCache(null));
  }
}
