package io.lit4j.localnet.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lit4j.core.errors.LitValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SigningSubsetTest {
  static final byte[] MSG = new byte[32];

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
    for (int i = 0; i < 30; i++) seen.add(SigningSubset.select(List.of(0, 1, 2, 3, 4), 3, MSG, "req-" + i));
    assertTrue(seen.size() > 3, "subsets vary: " + seen);
  }

  @Test
  void allNodesSignWhenTheThresholdIsTheNodeCount() {
    assertEquals(List.of(0, 2, 5), SigningSubset.select(List.of(5, 2, 0), 3, MSG, "r"));
  }

  @Test
  void tooFewNodesOrDuplicatesAreValidationErrors() {
    assertThrows(LitValidationException.class, () -> SigningSubset.select(List.of(0, 1), 3, MSG, "r"));
    assertThrows(LitValidationException.class, () -> SigningSubset.select(List.of(0, 1, 1), 2, MSG, "r"));
    assertThrows(LitValidationException.class, () -> SigningSubset.select(List.of(0, 1, 2), 0, MSG, "r"));
    assertThrows(LitValidationException.class, () -> SigningSubset.select(List.of(0, 1, 2), 2, MSG, null));
  }
}
