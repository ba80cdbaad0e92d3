package io.lit4j.crypto.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import io.lit4j.crypto.ecdsa.internal.RustStdRng;
import io.lit4j.crypto.ecdsa.internal.SipHash13;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The signing subset against values printed by the node's own algorithm run with the real Rust
 * crates (src/test/rust/signing-subset-reference): every hash, RNG word, shuffle and subset must
 * match, so a client predicts exactly the nodes a v4 node picks.
 */
class SigningSubsetTest {
  static final byte[] MSG = new byte[32];

  static List<String[]> reference(String kind) throws IOException {
    try (InputStream in =
        SigningSubsetTest.class.getResourceAsStream("/signing-subset-reference.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String[]> out = new ArrayList<>();
      for (String line : text.split("\n"))
        if (line.startsWith(kind + " ")) out.add(line.split(" ", -1));
      assertTrue(out.size() >= 3, "reference has " + kind + " lines");
      return out;
    }
  }

  @Test
  void theSeedIsRustsDefaultHasherOfTheByteVector() throws IOException {
    for (String[] l : reference("hash")) {
      assertEquals(
          Long.parseUnsignedLong(l[2], 16),
          SipHash13.hashByteVec(Hex.decode(l[1], "m")),
          "hash of " + l[1]);
    }
  }

  @Test
  void theRngIsStdRngSeededFromU64() throws IOException {
    for (String[] l : reference("rng")) {
      long seed = Long.parseUnsignedLong(l[1], 16);
      RustStdRng a = RustStdRng.seedFromU64(seed);
      for (String w : l[3].split(","))
        assertEquals(Long.parseUnsignedLong(w, 16), a.nextU64(), "u64 of seed " + l[1]);
      RustStdRng b = RustStdRng.seedFromU64(seed);
      for (String w : l[5].split(","))
        assertEquals(Integer.parseUnsignedInt(w, 16), b.nextU32(), "u32 of seed " + l[1]);
    }
  }

  @Test
  void theShuffleIsRandsSliceShuffle() throws IOException {
    for (String[] l : reference("shuffle")) {
      RustStdRng rng = RustStdRng.seedFromU64(Long.parseUnsignedLong(l[1]));
      List<Integer> v =
          IntStream.range(0, Integer.parseInt(l[2]))
              .boxed()
              .collect(Collectors.toCollection(ArrayList::new));
      rng.shuffle(v);
      assertEquals(
          parseList(String.join(" ", Arrays.copyOfRange(l, 3, l.length))), v, "shuffle " + l[1]);
    }
  }

  @Test
  void theSubsetIsTheOneTheNodeComputes() throws IOException {
    List<String[]> lines = reference("subset");
    for (String[] l : lines) {
      byte[] msg = Hex.decode(l[1], "msg");
      int n = Integer.parseInt(l[3]);
      int t = Integer.parseInt(l[4]);
      List<Integer> all = IntStream.range(0, n).boxed().toList();
      assertEquals(
          parseList(String.join(" ", Arrays.copyOfRange(l, 5, l.length))),
          SigningSubset.select(all, t, msg, l[2]),
          "subset of " + n + "/" + t + " for " + l[2]);
    }
    assertTrue(lines.size() >= 30);
  }

  private static List<Integer> parseList(String s) {
    String inner = s.trim().replace("[", "").replace("]", "").trim();
    if (inner.isEmpty()) return List.of();
    return Arrays.stream(inner.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }

  @Test
  void everyNodeComputesTheSameSortedSubsetOfThresholdSize() {
    List<Integer> a = SigningSubset.select(List.of(0, 1, 2, 3, 4, 5, 6), 4, MSG, "req-1");
    assertEquals(a, SigningSubset.select(List.of(6, 5, 4, 3, 2, 1, 0), 4, MSG, "req-1"));
    assertEquals(4, a.size());
    assertEquals(a.stream().sorted().toList(), a);
  }

  @Test
  void theSubsetChangesWithTheRequestId() {
    Set<List<Integer>> seen = new HashSet<>();
    for (int i = 0; i < 30; i++)
      seen.add(SigningSubset.select(List.of(0, 1, 2, 3, 4), 3, MSG, "req-" + i));
    assertTrue(seen.size() > 3, "subsets vary: " + seen);
  }

  @Test
  void allNodesSignWhenTheThresholdIsTheNodeCount() {
    assertEquals(List.of(0, 2, 5), SigningSubset.select(List.of(5, 2, 0), 3, MSG, "r"));
  }

  @Test
  void tooFewNodesOrDuplicatesAreValidationErrors() {
    assertThrows(
        LitValidationException.class, () -> SigningSubset.select(List.of(0, 1), 3, MSG, "r"));
    assertThrows(
        LitValidationException.class, () -> SigningSubset.select(List.of(0, 1, 1), 2, MSG, "r"));
    assertThrows(
        LitValidationException.class, () -> SigningSubset.select(List.of(0, 1, 2), 0, MSG, "r"));
    assertThrows(
        LitValidationException.class,
        () -> SigningSubset.select(List.of(0, 1, 2), 2, MSG, (String) null));
  }
}
